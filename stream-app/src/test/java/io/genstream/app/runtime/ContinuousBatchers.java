package io.genstream.app.runtime;

import java.util.List;

/** Builders for the continuous batcher tests, and how they read the calls a {@link ChainModel} saw. */
final class ContinuousBatchers {

    private ContinuousBatchers() {}

    /** A builder with room for 100 waiting requests and no padding, so calls hold exactly the active sequences. */
    static ContinuousBatcher.Builder unpadded(String name, int maxActive, SequenceModel<?>... models) {
        return ContinuousBatcher.builder()
                .setName(name)
                .setModels(List.of(models))
                .setMaxActive(maxActive)
                .setQueueCapacity(100)
                .optRowMultiple(1);
    }

    /** The model's calls in order, each as {@code P[ids]} (prefill) or {@code S[ids]} (step). */
    static List<String> schedule(ChainModel model) {
        return model.calls.stream().map(call -> (call.prefill() ? "P" : "S") + call.ids()).toList();
    }
}
