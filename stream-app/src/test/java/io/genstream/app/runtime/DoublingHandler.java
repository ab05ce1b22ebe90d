package io.genstream.app.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A hermetic stand-in for a model instance: returns {@code 2 * input} (so a mixed-up output shows), records every
 * batch and the thread that ran it, fails batches holding {@link #POISON}, and can be held at a gate so a test
 * decides exactly when a batch finishes, instead of sleeping.
 */
final class DoublingHandler implements BatchHandler<Integer, Integer> {

    static final int POISON = -1;

    final List<List<Integer>> batches = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    /** One permit per batch that has entered {@link #process} (shared when handlers are watched as a group). */
    private final Semaphore entered;
    private final CountDownLatch gate;

    /** A handler that answers at once. */
    DoublingHandler() {
        this(new CountDownLatch(0), new Semaphore(0));
    }

    /** A handler that holds every batch until {@code gate} opens. */
    DoublingHandler(CountDownLatch gate) {
        this(gate, new Semaphore(0));
    }

    /** A handler that holds every batch until {@code gate} opens and releases {@code entered} as each arrives. */
    DoublingHandler(CountDownLatch gate, Semaphore entered) {
        this.gate = gate;
        this.entered = entered;
    }

    @Override
    public List<Integer> process(List<Integer> batch) throws Exception {
        batches.add(List.copyOf(batch));
        threads.add(Thread.currentThread().getName());
        entered.release();
        if (!gate.await(10, TimeUnit.SECONDS)) {
            throw new TimeoutException("the test never opened the gate");
        }
        if (batch.contains(POISON)) {
            throw new IllegalArgumentException("poisoned item in batch");
        }
        List<Integer> out = new ArrayList<>(batch.size());
        for (int x : batch) {
            out.add(2 * x);
        }
        return out;
    }

    /** Waits (generously) until {@code n} more batches have entered the handler. */
    boolean awaitEntered(int n) throws InterruptedException {
        return entered.tryAcquire(n, 5, TimeUnit.SECONDS);
    }

    List<Integer> batchSizes() {
        return batches.stream().map(List::size).toList();
    }
}
