package io.genstream.app.runtime;

/**
 * One sequence to generate: the prompt's token ids and the caller's {@link TokenChooser}.
 *
 * @param prompt at least one token id; copied, so the caller may reuse its array
 * @param chooser picks every generated token and decides when to stop; used by one request only
 */
public record SequenceRequest(int[] prompt, TokenChooser chooser) {

    public SequenceRequest {
        if (prompt == null || prompt.length == 0) {
            throw new IllegalArgumentException("a prompt needs at least one token");
        }
        if (chooser == null) {
            throw new IllegalArgumentException("a request needs a token chooser");
        }
        prompt = prompt.clone();
        for (int token : prompt) {
            if (token < 0) {
                throw new IllegalArgumentException("token ids are never negative: " + token);
            }
        }
    }
}
