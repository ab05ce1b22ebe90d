package io.genstream.app.runtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Records what a {@link ContinuousBatcher} reports, for assertions; the metrics layer binds meters instead. */
final class RecordingSequenceListener implements SequenceListener {

    /** One reported model call: prefill or step, its sequences and its padded rows. */
    record Reported(boolean prefill, int sequences, int rows) {}

    final List<Reported> calls = new CopyOnWriteArrayList<>();
    final List<Integer> failedCallSizes = new CopyOnWriteArrayList<>();
    final List<GeneratedSequence> finished = new CopyOnWriteArrayList<>();
    final AtomicInteger rejected = new AtomicInteger();

    @Override
    public void onPrefill(int sequences, int rows, long nanos) {
        calls.add(new Reported(true, sequences, rows));
    }

    @Override
    public void onStep(int sequences, int rows, long nanos) {
        calls.add(new Reported(false, sequences, rows));
    }

    @Override
    public void onCallFailed(int sequences, Throwable cause) {
        failedCallSizes.add(sequences);
    }

    @Override
    public void onFinished(GeneratedSequence sequence) {
        finished.add(sequence);
    }

    @Override
    public void onRejected() {
        rejected.incrementAndGet();
    }
}
