package io.genstream.app.runtime;

import io.genstream.app.runtime.BatchQueue.Pending;
import io.genstream.app.runtime.SequenceModel.Output;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One model instance's scheduler loop (iteration-level batching, as in Orca and vLLM). Each iteration admits
 * waiting requests while fewer than {@code maxActive} sequences are active, prefills the newcomers in one call,
 * then advances every active sequence by one token in one step call. A sequence that finishes completes its
 * future and leaves at once; a waiting one joins at the next iteration. With nothing active the worker blocks
 * on the queue. A failing call fails only the sequences in it.
 */
final class SequenceWorker<S> implements WorkerPool.Worker {

    private static final Logger LOG = LoggerFactory.getLogger(SequenceWorker.class);

    private final String batcherName;
    private final BatchQueue<SequenceRequest, GeneratedSequence> queue;
    private final PaddedModel<S> model;
    private final int maxActive;
    private final int maxLength;
    private final SequenceListener listener;
    private final List<ActiveSequence<S>> active = new ArrayList<>();
    /** Every sequence this worker holds, so close() can fail them if a model call never returns. */
    private volatile List<ActiveSequence<S>> held = List.of();

    SequenceWorker(String batcherName, BatchQueue<SequenceRequest, GeneratedSequence> queue, PaddedModel<S> model,
            int maxActive, int maxLength, SequenceListener listener) {
        this.batcherName = batcherName;
        this.queue = queue;
        this.model = model;
        this.maxActive = maxActive;
        this.maxLength = maxLength;
        this.listener = listener;
    }

    @Override
    public void run() {
        try {
            while (!queue.isClosed()) {
                List<Pending<SequenceRequest, GeneratedSequence>> admitted =
                        active.isEmpty() ? queue.takeBatch() : queue.poll(maxActive - active.size());
                if (!admitted.isEmpty()) {
                    prefill(admitted);
                }
                if (!active.isEmpty() && !queue.isClosed()) { // after a close, not one more call
                    step();
                }
            }
            failHeld("closed while this sequence was being generated");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failHeld("worker interrupted while this sequence was being generated");
        } catch (RuntimeException | Error e) { // a bug or a JVM in trouble: no caller may be left waiting
            failHeld("worker stopped by " + e);
            throw e;
        }
    }

    /** How many sequences this worker is generating (read by other threads for a gauge). */
    int activeCount() {
        return held.size();
    }

    @Override
    public void failInFlight(RuntimeException reason) {
        for (ActiveSequence<S> sequence : held) {
            sequence.fail(reason);
        }
    }

    private void prefill(List<Pending<SequenceRequest, GeneratedSequence>> admitted) {
        long start = System.nanoTime();
        List<ActiveSequence<S>> joining = new ArrayList<>(admitted.size());
        List<int[]> prompts = new ArrayList<>(admitted.size());
        for (Pending<SequenceRequest, GeneratedSequence> pending : admitted) {
            ActiveSequence<S> sequence = new ActiveSequence<>(pending, start, maxLength);
            joining.add(sequence);
            prompts.add(sequence.prompt());
        }
        List<ActiveSequence<S>> all = new ArrayList<>(active);
        all.addAll(joining);
        held = all;
        int n = joining.size();
        Output<S> output = call(joining, (l, nanos, rows) -> l.onPrefill(n, rows, nanos), model.rows(n),
                () -> model.prefill(prompts));
        if (output != null) {
            for (int i = 0; i < n; i++) {
                if (!advance(joining.get(i), output, i, n, false)) {
                    active.add(joining.get(i));
                }
            }
        }
        held = List.copyOf(active);
    }

    private void step() {
        int n = active.size();
        int[] tokens = new int[n];
        int[] positions = new int[n];
        List<S> states = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ActiveSequence<S> sequence = active.get(i);
            tokens[i] = sequence.lastToken();
            positions[i] = sequence.lastPosition();
            states.add(sequence.takeState()); // the step consumes it, whatever happens
        }
        Output<S> output = call(active, (l, nanos, rows) -> l.onStep(n, rows, nanos), model.rows(n),
                () -> model.step(tokens, positions, states));
        List<ActiveSequence<S>> stepped = List.copyOf(active);
        active.clear();
        if (output != null) {
            for (int i = 0; i < n; i++) {
                if (!advance(stepped.get(i), output, i, n, true)) {
                    active.add(stepped.get(i));
                }
            }
        }
        held = List.copyOf(active);
    }

    /** A prefill or step, as a lambda that may throw what the model throws. */
    private interface ModelCall<S> {
        Output<S> run() throws Exception;
    }

    /** Tells a listener of one model call: its duration and the rows it computed. */
    private interface CallReport {
        void report(SequenceListener listener, long nanos, int rows);
    }

    /**
     * Runs one model call for {@code sequences} and reports it; when it fails, fails exactly those sequences.
     *
     * @param report tells the listener of the call, its duration and its rows (as the output says, else {@code rows})
     * @param rows the rows the call was asked to compute
     * @return the output, or null when the call failed
     */
    private Output<S> call(List<ActiveSequence<S>> sequences, CallReport report, int rows, ModelCall<S> call) {
        long start = System.nanoTime();
        Output<S> output = null;
        Throwable failure = null;
        try {
            output = call.run();
        } catch (Throwable t) { // whatever the model did, its callers must hear about it
            failure = t;
        }
        long nanos = System.nanoTime() - start;
        int computed = output == null ? rows : output.computed();
        notifyListener(l -> report.report(l, nanos, computed));
        if (failure == null) {
            return output;
        }
        int n = sequences.size();
        Throwable cause = failure;
        notifyListener(l -> l.onCallFailed(n, cause));
        BatchFailedException failed = new BatchFailedException(batcherName, n, failure);
        for (ActiveSequence<S> sequence : sequences) {
            sequence.fail(failed);
        }
        if (failure instanceof InterruptedException) {
            Thread.currentThread().interrupt(); // so the next wait on the queue ends this worker
        } else if (failure instanceof VirtualMachineError error) {
            throw error; // the JVM is in trouble; this worker must not carry on as if nothing happened
        }
        return null;
    }

    /**
     * Hands row {@code i} of a call for {@code n} sequences to its sequence; completes or fails it when done.
     *
     * @return whether the sequence is done (finished or failed)
     */
    private boolean advance(ActiveSequence<S> sequence, Output<S> output, int i, int n, boolean step) {
        boolean finished;
        try {
            finished = sequence.advance(output.logits()[i], output.states().get(i), n, step);
        } catch (RuntimeException e) { // the caller's chooser failed: only its own sequence ends
            sequence.fail(e);
            release(sequence);
            return true;
        }
        if (finished) {
            release(sequence);
            GeneratedSequence result = sequence.result();
            notifyListener(l -> l.onFinished(result));
            sequence.complete(result);
        }
        return finished;
    }

    /** Gives an ended sequence's state back to the model. */
    private void release(ActiveSequence<S> sequence) {
        S state = sequence.takeState();
        if (state != null) {
            try {
                model.release(state);
            } catch (RuntimeException e) {
                LOG.warn("batcher '{}': releasing a sequence's state failed", batcherName, e);
            }
        }
    }

    /** Fails every sequence this worker holds; the worker is stopping. */
    private void failHeld(String why) {
        failInFlight(new BatcherClosedException("batcher '" + batcherName + "' " + why));
        active.clear();
        held = List.of();
    }

    private void notifyListener(Consumer<SequenceListener> event) {
        try {
            event.accept(listener);
        } catch (RuntimeException e) {
            // A broken metrics hook must not stop generation or keep results from their callers.
            LOG.warn("batcher '{}': listener failed", batcherName, e);
        }
    }
}
