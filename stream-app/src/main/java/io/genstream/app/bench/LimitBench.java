package io.genstream.app.bench;

import io.genstream.app.generator.GenerationException;
import io.genstream.app.generator.ImageModel;
import io.genstream.app.generator.ImageModelInfo;
import io.genstream.app.generator.LatentSampler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * L, the limit: the loaded model called directly ({@link ImageModel#generate(float[][], int[])}),
 * with no Kafka, no batcher, no PNG, at several batch sizes. One caller per model instance, so
 * with {@code generator.instances.per.device} > 1 the limit uses every instance, as genstream can.
 * Latents are made before the clock starts: the limit is the model call alone.
 */
final class LimitBench {

    /**
     * Warm-up per batch size before its clock starts, at least this many calls and this long: each
     * new input shape makes TensorFlow (oneDNN) prepare its kernels again, and JIT and allocator
     * settle over the first calls.
     */
    private static final int WARM_UP_CALLS = 5;
    private static final Duration WARM_UP_TIME = Duration.ofMillis(500);

    /**
     * One batch size's figures.
     *
     * @param batchSize items per model call
     * @param samplesPerSecond images per second over the timed calls
     * @param meanCallMs mean time of one model call
     */
    record Point(int batchSize, double samplesPerSecond, double meanCallMs) {}

    /** Every batch size tried, and the best one. */
    record Result(List<Point> points, Point best) {}

    private LimitBench() {}

    /**
     * @param total the time to spend, shared evenly by the batch sizes (warm-up excluded)
     */
    static Result run(ImageModel model, List<Integer> batchSizes, Duration total) throws GenerationException {
        ImageModelInfo info = model.info();
        int largest = batchSizes.stream().mapToInt(Integer::intValue).max().orElseThrow();
        float[][] latents = new float[largest][];
        int[] labels = new int[largest];
        for (int i = 0; i < largest; i++) {
            latents[i] = LatentSampler.latent(i, info.latentDim());
            labels[i] = LatentSampler.label(i, info.numClasses());
        }
        Duration each = total.dividedBy(batchSizes.size());
        List<Point> points = new ArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(model.instanceCount());
        try {
            for (int size : batchSizes) {
                float[][] batch = Arrays.copyOf(latents, size);
                int[] batchLabels = Arrays.copyOf(labels, size);
                long warmUntil = System.nanoTime() + WARM_UP_TIME.toNanos();
                for (int i = 0; i < WARM_UP_CALLS || System.nanoTime() < warmUntil; i++) {
                    model.generate(batch, batchLabels);
                }
                points.add(time(model, callers, batch, batchLabels, each));
            }
        } finally {
            callers.shutdownNow();
        }
        Point best = points.stream().max(Comparator.comparingDouble(Point::samplesPerSecond)).orElseThrow();
        return new Result(List.copyOf(points), best);
    }

    /** Every instance calls the model in a loop until the time is up; counts whole calls only. */
    private static Point time(ImageModel model, ExecutorService callers, float[][] batch, int[] labels,
            Duration duration) throws GenerationException {
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        List<Future<long[]>> loops = new ArrayList<>();
        for (int i = 0; i < model.instanceCount(); i++) {
            loops.add(callers.submit(() -> {
                long calls = 0;
                long busyNanos = 0;
                do {
                    long t0 = System.nanoTime();
                    model.generate(batch, labels);
                    busyNanos += System.nanoTime() - t0;
                    calls++;
                } while (System.nanoTime() < deadline);
                return new long[] {calls, busyNanos};
            }));
        }
        long calls = 0;
        long busyNanos = 0;
        for (Future<long[]> loop : loops) {
            long[] counts = await(loop);
            calls += counts[0];
            busyNanos += counts[1];
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Point(batch.length, calls * batch.length / seconds, busyNanos / 1e6 / calls);
    }

    private static long[] await(Future<long[]> loop) throws GenerationException {
        try {
            return loop.get(10, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GenerationException failed) {
                throw failed;
            }
            throw new IllegalStateException("limit measurement failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring the limit", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("a model call took over 10 minutes", e);
        }
    }
}
