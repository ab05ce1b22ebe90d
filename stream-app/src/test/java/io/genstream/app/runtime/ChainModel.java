package io.genstream.app.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A hermetic stand-in for a language model. A row's state is {hash of its tokens so far, their count, its sequence
 * id (the prompt's first token)}, and its next-token logits are a pseudo-random function of the hash, so a mixed-up
 * state, token or row shows up as other tokens. It checks what the runtime feeds it (right padding, positions,
 * maxLength) and records every call. Options: outputs that depend on the call's row count unless it is a multiple
 * of 8 (like a kernel that picks its algorithm by batch size), failing calls, and a gate that holds every call
 * until the test lets it go, so a test decides what happens between two calls instead of sleeping.
 */
public final class ChainModel implements SequenceModel<float[]> {

    public static final int VOCABULARY = 12;

    /** One call as the model saw it: each row's sequence id and the position of its newest token. */
    public record Call(boolean prefill, List<Integer> ids, List<Integer> positions) {

        public int rows() {
            return ids.size();
        }
    }

    public final List<Call> calls = new CopyOnWriteArrayList<>();
    /** States handed out and not yet given back (stepped or released), by identity. */
    private final Set<float[]> outstanding = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    private final int maxLength;
    private final Semaphore entered = new Semaphore(0);
    private boolean sensitiveToRowCount;
    private Predicate<Call> failWhen = call -> false;
    private Semaphore gate; // null: calls run at once

    public ChainModel(int maxLength) {
        this.maxLength = maxLength;
    }

    /** Rotates every row's logits by one unless the call holds a multiple of 8 rows. */
    public ChainModel sensitiveToRowCount() {
        sensitiveToRowCount = true;
        return this;
    }

    /** Throws from the calls that match, after recording them. */
    public ChainModel failWhen(Predicate<Call> failWhen) {
        this.failWhen = failWhen;
        return this;
    }

    /** Holds every call until {@link #release} lets it go. */
    public ChainModel gated() {
        gate = new Semaphore(0);
        return this;
    }

    /** Lets {@code calls} more calls through the gate. */
    public void release(int calls) {
        gate.release(calls);
    }

    /** Waits (generously) until {@code n} more calls have been made. */
    public boolean awaitEntered(int n) throws InterruptedException {
        return entered.tryAcquire(n, 5, TimeUnit.SECONDS);
    }

    /** The tokens greedy decoding yields after {@code prompt}, computed without the runtime. */
    public static int[] greedy(int[] prompt, int count) {
        int hash = hashOf(prompt, prompt.length);
        int[] tokens = new int[count];
        for (int i = 0; i < count; i++) {
            tokens[i] = argmax(logits(hash));
            hash = hash(hash, tokens[i]);
        }
        return tokens;
    }

    /** The logits after a sequence whose tokens hash to {@code hash}. */
    public static float[] logits(int hash) {
        float[] logits = new float[VOCABULARY];
        for (int v = 0; v < VOCABULARY; v++) {
            logits[v] = ((hash * 7_919 + (v + 1) * 104_729) % 1_009) / 100f;
        }
        return logits;
    }

    public static int hash(int hash, int token) {
        return (hash * 31 + token + 1) % 65_521;
    }

    public static int argmax(float[] logits) {
        int best = 0;
        for (int v = 1; v < logits.length; v++) {
            if (logits[v] > logits[best]) {
                best = v;
            }
        }
        return best;
    }

    @Override
    public Output<float[]> prefill(int[][] tokens, int[] lengths) throws Exception {
        List<Integer> ids = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        float[][] states = new float[tokens.length][];
        for (int i = 0; i < tokens.length; i++) {
            check(lengths[i] >= 1 && lengths[i] < maxLength, "bad length " + lengths[i]);
            for (int j = lengths[i]; j < tokens[i].length; j++) {
                check(tokens[i][j] == 0, "row " + i + " is not right-padded with 0");
            }
            ids.add(tokens[i][0]);
            positions.add(lengths[i] - 1);
            states[i] = new float[] {hashOf(tokens[i], lengths[i]), lengths[i], tokens[i][0]};
        }
        enter(new Call(true, ids, positions));
        return output(states);
    }

    @Override
    public Output<float[]> step(int[] tokens, int[] positions, List<float[]> given) throws Exception {
        float[][] states = given.toArray(float[][]::new);
        Set<float[]> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        distinct.addAll(given);
        for (float[] state : distinct) {
            check(outstanding.remove(state), "a state fed to step that was never handed out or already given back");
        }
        List<Integer> ids = new ArrayList<>();
        float[][] next = new float[tokens.length][];
        for (int i = 0; i < tokens.length; i++) {
            check(positions[i] == (int) states[i][1], "row " + i + " fed at position " + positions[i]
                    + " but its state holds " + (int) states[i][1] + " tokens");
            check(positions[i] < maxLength, "position " + positions[i] + " beyond maxLength " + maxLength);
            ids.add((int) states[i][2]);
            next[i] = new float[] {hash((int) states[i][0], tokens[i]), positions[i] + 1, states[i][2]};
        }
        enter(new Call(false, ids, Arrays.stream(positions).boxed().toList()));
        return output(next);
    }

    @Override
    public void release(float[] state) {
        check(outstanding.remove(state), "a state released that was never handed out or already given back");
    }

    /** How many states are handed out and not given back: 0 once every sequence has ended. */
    public int outstandingStates() {
        return outstanding.size();
    }

    @Override
    public int maxLength() {
        return maxLength;
    }

    private void enter(Call call) throws Exception {
        calls.add(call);
        entered.release();
        if (gate != null && !gate.tryAcquire(10, TimeUnit.SECONDS)) {
            throw new TimeoutException("the test never released the gate");
        }
        if (failWhen.test(call)) {
            throw new IllegalStateException("model failed on purpose for sequences " + call.ids());
        }
    }

    private Output<float[]> output(float[][] states) {
        float[][] logits = new float[states.length][];
        boolean rotate = sensitiveToRowCount && states.length % 8 != 0;
        for (int i = 0; i < states.length; i++) {
            float[] base = logits((int) states[i][0]);
            logits[i] = new float[VOCABULARY];
            for (int v = 0; v < VOCABULARY; v++) {
                logits[i][v] = rotate ? base[(v + 1) % VOCABULARY] : base[v];
            }
        }
        List<float[]> handedOut = Arrays.asList(states);
        outstanding.addAll(handedOut);
        return new Output<>(logits, handedOut);
    }

    /** The hash of the first {@code length} tokens: what a row's state holds after them. */
    public static int hashOf(int[] tokens, int length) {
        int hash = 0;
        for (int i = 0; i < length; i++) {
            hash = hash(hash, tokens[i]);
        }
        return hash;
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("runtime fed the model wrongly: " + message);
        }
    }
}
