package io.genstream.models.gpt;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import io.genstream.models.tf.SessionConfigs;
import io.genstream.models.tf.TensorCopies;
import io.genstream.models.tf.TensorFlowNatives;
import io.genstream.models.text.TextBatchSampler;

/**
 * Trains catalog-gpt by teacher forcing: per step one Adam update on a batch of whole sequences
 * (see {@link BlurbTargets}), with the learning rate of {@link GptConfig#learningRate}.
 * Starting weights and batch order come from {@link GptConfig#seed()} and the session runs on a
 * pinned number of threads, so a run can be repeated exactly.
 */
public final class GptTrainer {

    private final GptConfig config;
    private final GptArchitecture arch;
    private final Consumer<String> progress;

    /** @param progress receives one line per loss record */
    public GptTrainer(GptConfig config, GptArchitecture arch, Consumer<String> progress) {
        this.config = config;
        this.arch = arch;
        this.progress = progress;
    }

    /**
     * @param batches whole training sequences ({@link TextBatchSampler.Mode#WHOLE_SEQUENCES}), rows
     *     {@code maxLength} long
     * @param contextEndId the id that closes a context prefix (see {@link BlurbTargets})
     * @param checkpointPrefix where to save the final weights as a TF checkpoint
     */
    public TrainedGpt train(TextBatchSampler batches, int contextEndId, String checkpointPrefix) {
        TensorFlowNatives.ensureLocated();
        try (Graph graph = new Graph()) {
            GptTrainingGraph g = new GptTrainingGraph(graph, config, arch);
            try (Session session = new Session(graph, SessionConfigs.pinnedThreads(config.threads()))) {
                session.runner().addTarget(g.initialize).run().close();
                List<GptLossRecord> losses = new ArrayList<>();
                double seconds = loop(session, g, batches, contextEndId, losses);
                session.save(checkpointPrefix);
                return new TrainedGpt(config, arch, checkpointPrefix, losses, seconds);
            }
        }
    }

    private double loop(Session session, GptTrainingGraph g, TextBatchSampler batches, int contextEndId,
            List<GptLossRecord> losses) {
        double sum = 0;
        long start = System.nanoTime();
        for (int step = 1; step <= config.steps(); step++) {
            float lr = (float) config.learningRate(step);
            try (TFloat32 rate = TensorCopies.scalar(lr);
                    TFloat32 b1 = TensorCopies.scalar((float) Math.pow(config.beta1(), step));
                    TFloat32 b2 = TensorCopies.scalar((float) Math.pow(config.beta2(), step))) {
                sum += run(session.runner().addTarget(g.train).feed(g.learningRate, rate)
                        .feed(g.beta1Power, b1).feed(g.beta2Power, b2), g, BlurbTargets.of(batches.next(), contextEndId));
            }
            if (step % config.logEvery() == 0 || step == config.steps()) {
                int window = step % config.logEvery() == 0 ? config.logEvery() : step % config.logEvery();
                GptLossRecord record = new GptLossRecord(step, sum / window, lr, (System.nanoTime() - start) / 1e9);
                losses.add(record);
                progress.accept(String.format("step %d/%d  loss %.4f  lr %.2e  %.1f s",
                        step, config.steps(), record.loss(), lr, record.seconds()));
                sum = 0;
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Feeds one batch, fetches the loss (and runs whatever targets the runner already has). */
    private static float run(Session.Runner runner, GptTrainingGraph g, BlurbTargets.Batch batch) {
        Shape shape = Shape.of(batch.rows(), batch.width());
        try (TInt32 inputs = TInt32.tensorOf(shape, DataBuffers.of(batch.inputs(), true, false));
                TInt32 targets = TInt32.tensorOf(shape, DataBuffers.of(batch.targets(), true, false));
                TFloat32 weights = TensorCopies.floats(batch.weights(), batch.rows(), batch.width());
                Result r = runner.feed(g.inputs, inputs).feed(g.targets, targets).feed(g.weights, weights)
                        .fetch(g.loss).run()) {
            return ((TFloat32) r.get(0)).getFloat();
        }
    }
}
