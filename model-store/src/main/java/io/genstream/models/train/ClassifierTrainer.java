package io.genstream.models.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import io.genstream.models.classifier.ClassifierArchitecture;
import io.genstream.models.classifier.ClassifierNetwork;
import io.genstream.models.data.DigitsDataset;
import io.genstream.models.gan.ParameterSpec;
import io.genstream.models.tf.SessionConfigs;
import io.genstream.models.tf.TensorCopies;
import io.genstream.models.tf.TensorFlowNatives;

/**
 * Trains the digits-eval classifier: per step one Adam update on a batch of labelled real digits.
 * Starting weights and batch order come from {@link ClassifierConfig#seed()}, and the session runs
 * on a pinned number of threads, so a run can be repeated exactly.
 */
public final class ClassifierTrainer {

    private final ClassifierConfig config;
    private final Consumer<String> progress;

    /** @param progress receives one line per loss record */
    public ClassifierTrainer(ClassifierConfig config, Consumer<String> progress) {
        this.config = config;
        this.progress = progress;
    }

    /**
     * @param data training images
     * @param checkpointPrefix where to save the final weights as a TF checkpoint
     */
    public TrainedClassifier train(DigitsDataset data, String checkpointPrefix) {
        TensorFlowNatives.ensureLocated();
        List<ParameterSpec> specs = ClassifierNetwork.parameters(config.architecture());
        try (Graph graph = new Graph()) {
            ClassifierTrainingGraph g = new ClassifierTrainingGraph(graph, config);
            try (Session session = new Session(graph, SessionConfigs.pinnedThreads(config.threads()))) {
                SessionWeights.initialize(session, g.initializer.initialize(), g.initializer.values(), specs, config.seed());
                List<ClassifierLossRecord> losses = new ArrayList<>();
                double seconds = loop(session, g, data, losses);
                session.save(checkpointPrefix);
                Map<String, float[]> weights = SessionWeights.fetch(session, specs);
                return new TrainedClassifier(config, checkpointPrefix, weights, losses, seconds, data.sha256());
            }
        }
    }

    private double loop(Session session, ClassifierTrainingGraph g, DigitsDataset data, List<ClassifierLossRecord> losses) {
        int batch = config.batchSize();
        // No latent: the sampler only deals the real batches.
        BatchSampler sampler = new BatchSampler(data, batch, 0, ClassifierConfig.NUM_CLASSES, config.seed());
        float[] images = new float[batch * DigitsDataset.PIXELS];
        int[] labels = new int[batch];
        double lossSum = 0;
        double accuracySum = 0;
        int window = 0;
        long start = System.nanoTime();
        for (int step = 1; step <= config.steps(); step++) {
            sampler.nextReal(images, labels);
            float[] result = step(session, g, images, labels, step);
            lossSum += result[0];
            accuracySum += result[1];
            window++;
            if (step % config.logEvery() == 0 || step == config.steps()) {
                ClassifierLossRecord record = new ClassifierLossRecord(
                        step, lossSum / window, accuracySum / window, (System.nanoTime() - start) / 1e9);
                losses.add(record);
                progress.accept(String.format("step %d/%d  loss %.4f  batch accuracy %.3f  %.1f s",
                        step, config.steps(), record.loss(), record.accuracy(), record.seconds()));
                lossSum = 0;
                accuracySum = 0;
                window = 0;
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** One update; returns the batch's loss and accuracy before it. */
    private float[] step(Session session, ClassifierTrainingGraph g, float[] images, int[] labels, int step) {
        int size = ClassifierArchitecture.IMAGE_SIZE;
        try (TFloat32 x = TensorCopies.floats(images, labels.length, size, size);
                TInt32 y = TensorCopies.ints(labels);
                TFloat32 lr = TensorCopies.scalar(config.learningRate(step));
                // Adam's bias corrections: β^t for the t-th update.
                TFloat32 beta1Power = TensorCopies.scalar((float) Math.pow(config.beta1(), step));
                TFloat32 beta2Power = TensorCopies.scalar((float) Math.pow(config.beta2(), step));
                Result r = session.runner()
                        .feed(g.images, x).feed(g.labels, y).feed(g.learningRate, lr)
                        .feed(g.beta1Power, beta1Power).feed(g.beta2Power, beta2Power)
                        .addTarget(g.train).fetch(g.loss).fetch(g.accuracy).run()) {
            return new float[] {((TFloat32) r.get(0)).getFloat(), ((TFloat32) r.get(1)).getFloat()};
        }
    }
}
