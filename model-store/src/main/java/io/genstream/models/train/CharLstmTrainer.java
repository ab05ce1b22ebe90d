package io.genstream.models.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import io.genstream.models.gan.ParameterSpec;
import io.genstream.models.lstm.CharLstmArchitecture;
import io.genstream.models.tf.SessionConfigs;
import io.genstream.models.tf.TensorCopies;
import io.genstream.models.tf.TensorFlowNatives;
import io.genstream.models.text.TextBatch;
import io.genstream.models.text.TextBatchSampler;

/**
 * Trains catalog-lstm on whole sequences (each from the empty state at its first prefix
 * character, as the model is used), one Adam update per batch. Starting weights and batch order
 * come from {@link CharLstmConfig#seed()} and the session runs on a pinned number of threads, so a
 * run can be repeated exactly.
 */
public final class CharLstmTrainer {

    private final CharLstmConfig config;
    private final Consumer<String> progress;

    /** @param progress receives one line per loss record */
    public CharLstmTrainer(CharLstmConfig config, Consumer<String> progress) {
        this.config = config;
        this.progress = progress;
    }

    /**
     * @param sequences the encoded training texts
     * @param dataSha256 their fingerprint, recorded in the result
     * @param checkpointPrefix where to save the final weights as a TF checkpoint
     */
    public TrainedCharLstm train(List<int[]> sequences, String dataSha256, String checkpointPrefix) {
        TensorFlowNatives.ensureLocated();
        try (Graph graph = new Graph()) {
            CharLstmTrainingGraph g = new CharLstmTrainingGraph(graph, config);
            try (Session session = new Session(graph, SessionConfigs.pinnedThreads(config.threads()))) {
                initialize(session, g);
                List<List<Number>> losses = new ArrayList<>();
                double seconds = loop(session, g, sequences, losses);
                session.save(checkpointPrefix);
                return new TrainedCharLstm(config, checkpointPrefix, losses, seconds, dataSha256);
            }
        }
    }

    private void initialize(Session session, CharLstmTrainingGraph g) {
        CharLstmArchitecture arch = config.architecture();
        List<ParameterSpec> specs = arch.parameters();
        List<Tensor> tensors = new ArrayList<>();
        try {
            Session.Runner runner = session.runner().addTarget(g.initialize);
            for (int i = 0; i < specs.size(); i++) {
                TFloat32 value = TensorCopies.floats(arch.initialValues(specs.get(i), config.seed()), specs.get(i).shape());
                tensors.add(value);
                runner.feed(g.initialValues.get(i), value);
            }
            runner.run().close();
        } finally {
            tensors.forEach(Tensor::close);
        }
    }

    private double loop(Session session, CharLstmTrainingGraph g, List<int[]> sequences, List<List<Number>> losses) {
        TextBatchSampler sampler = new TextBatchSampler(sequences, config.batchSize(), config.window(),
                TextBatchSampler.Mode.WHOLE_SEQUENCES, config.seed());
        double lossSum = 0;
        long start = System.nanoTime();
        for (int step = 1; step <= config.steps(); step++) {
            lossSum += step(session, g, sampler.next(), step);
            if (step % config.logEvery() == 0 || step == config.steps()) {
                int window = step % config.logEvery() == 0 ? config.logEvery() : step % config.logEvery();
                double seconds = (System.nanoTime() - start) / 1e9;
                double mean = lossSum / window;
                losses.add(List.of(step, Math.round(mean * 1e6) / 1e6, Math.round(seconds * 10) / 10.0));
                progress.accept(String.format("step %d/%d  loss %.4f  lr %.2e  %.1f s",
                        step, config.steps(), mean, config.learningRateAt(step), seconds));
                lossSum = 0;
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private float step(Session session, CharLstmTrainingGraph g, TextBatch batch, int step) {
        Shape timeMajor = Shape.of(config.window(), config.batchSize());
        try (TInt32 tokens = TInt32.tensorOf(timeMajor, DataBuffers.of(transpose(batch.inputs(), batch), true, false));
                TInt32 targets = TInt32.tensorOf(timeMajor, DataBuffers.of(transpose(batch.targets(), batch), true, false));
                TFloat32 weights = TFloat32.tensorOf(timeMajor, DataBuffers.of(transpose(batch.weights(), batch), true, false));
                TFloat32 lr = TensorCopies.scalar((float) config.learningRateAt(step));
                TFloat32 beta1Power = TensorCopies.scalar((float) Math.pow(config.beta1(), step));
                TFloat32 beta2Power = TensorCopies.scalar((float) Math.pow(config.beta2(), step));
                Result r = session.runner()
                        .feed(g.tokens, tokens).feed(g.targets, targets).feed(g.weights, weights)
                        .feed(g.learningRate, lr).feed(g.beta1Power, beta1Power).feed(g.beta2Power, beta2Power)
                        .addTarget(g.train).fetch(g.loss).run()) {
            return ((TFloat32) r.get(0)).getFloat();
        }
    }

    /** Row-major {@code [batch, length]} to time-major {@code [length, batch]}. */
    private static int[] transpose(int[] rows, TextBatch b) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[timeMajor(i, b)] = rows[i];
        }
        return out;
    }

    private static float[] transpose(float[] rows, TextBatch b) {
        float[] out = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[timeMajor(i, b)] = rows[i];
        }
        return out;
    }

    /** Where row-major element {@code i} (row {@code i / length}, time {@code i % length}) goes time-major. */
    private static int timeMajor(int i, TextBatch b) {
        return (i % b.length()) * b.batchSize() + i / b.length();
    }
}
