package io.genstream.app.runtime;

import java.util.List;

/**
 * The work of one model instance: turns a batch of inputs into one output per input, in order.
 *
 * <p>A {@link DynamicBatcher} calls each handler from exactly one worker thread, so an implementation may hold
 * a resource that is not thread-safe (a DJL {@code Predictor}, say) without locking.
 *
 * @param <I> one item of work
 * @param <O> the result for one item
 */
@FunctionalInterface
public interface BatchHandler<I, O> {

    /**
     * Processes one batch.
     *
     * @param batch between 1 and the batcher's {@code maxBatchSize} items, oldest first
     * @return exactly {@code batch.size()} outputs, output {@code i} for input {@code i}
     * @throws Exception when the batch cannot be processed; only this batch's futures fail
     */
    List<O> process(List<I> batch) throws Exception;
}
