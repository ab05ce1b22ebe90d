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

import io.genstream.models.data.DigitsDataset;
import io.genstream.models.gan.ParameterSpec;
import io.genstream.models.tf.SessionConfigs;
import io.genstream.models.tf.TensorCopies;
import io.genstream.models.tf.TensorFlowNatives;
import io.genstream.models.vae.DigitsVae;
import io.genstream.models.vae.VaeArchitecture;

/**
 * Trains the digits-vae: per step one Adam update of encoder and decoder on a batch of real
 * digits with fresh reparameterisation noise. Starting weights, batch order and noise all come
 * from {@link VaeConfig#seed()}, and the session runs on a pinned number of threads, so a run can
 * be repeated exactly.
 */
public final class VaeTrainer {

    private final VaeConfig config;
    private final Consumer<String> progress;

    /** @param progress receives one line per loss record */
    public VaeTrainer(VaeConfig config, Consumer<String> progress) {
        this.config = config;
        this.progress = progress;
    }

    /**
     * @param data training images
     * @param checkpointPrefix where to save the final weights as a TF checkpoint
     */
    public TrainedVae train(DigitsDataset data, String checkpointPrefix) {
        TensorFlowNatives.ensureLocated();
        List<ParameterSpec> specs = DigitsVae.parameters(config.architecture());
        try (Graph graph = new Graph()) {
            VaeTrainingGraph g = new VaeTrainingGraph(graph, config);
            try (Session session = new Session(graph, SessionConfigs.pinnedThreads(config.threads()))) {
                SessionWeights.initialize(session, g.initialize, g.initialValues, specs, config.seed());
                List<VaeLossRecord> losses = new ArrayList<>();
                double seconds = loop(session, g, data, losses);
                session.save(checkpointPrefix);
                Map<String, float[]> weights = SessionWeights.fetch(session, specs);
                return new TrainedVae(config, checkpointPrefix, weights, losses, seconds, data.sha256());
            }
        }
    }

    private double loop(Session session, VaeTrainingGraph g, DigitsDataset data, List<VaeLossRecord> losses) {
        int batch = config.batchSize();
        BatchSampler sampler = new BatchSampler(data, batch, config.latentDim(), VaeConfig.NUM_CLASSES, config.seed());
        float[] images = new float[batch * DigitsDataset.PIXELS];
        int[] labels = new int[batch];
        float[] epsilon = new float[batch * config.latentDim()];
        double[] sums = new double[3];
        long start = System.nanoTime();
        for (int step = 1; step <= config.steps(); step++) {
            sampler.nextReal(images, labels);
            sampler.nextNoise(epsilon);
            float[] stepLosses = step(session, g, images, labels, epsilon, step);
            for (int k = 0; k < sums.length; k++) {
                sums[k] += stepLosses[k];
            }
            if (step % config.logEvery() == 0 || step == config.steps()) {
                int window = step % config.logEvery() == 0 ? config.logEvery() : step % config.logEvery();
                VaeLossRecord record = new VaeLossRecord(step, sums[0] / window, sums[1] / window, sums[2] / window,
                        config.klWeight(step), (System.nanoTime() - start) / 1e9);
                losses.add(record);
                progress.accept(String.format("step %d/%d  loss %.3f  reconstruction %.3f  kl %.3f (weight %.2f)  %.1f s",
                        step, config.steps(), record.loss(), record.reconstruction(), record.kl(), record.klWeight(),
                        record.seconds()));
                sums = new double[3];
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** One update; returns the batch's loss, reconstruction and KL before it. */
    private float[] step(Session session, VaeTrainingGraph g, float[] images, int[] labels, float[] epsilon, int step) {
        int size = VaeArchitecture.IMAGE_SIZE;
        try (TFloat32 x = TensorCopies.floats(images, labels.length, size, size);
                TInt32 y = TensorCopies.ints(labels);
                TFloat32 eps = TensorCopies.floats(epsilon, labels.length, config.latentDim());
                TFloat32 weight = TensorCopies.scalar(config.klWeight(step));
                TFloat32 lr = TensorCopies.scalar(config.learningRate(step));
                // Adam's bias corrections: β^t for the t-th update.
                TFloat32 beta1Power = TensorCopies.scalar((float) Math.pow(config.beta1(), step));
                TFloat32 beta2Power = TensorCopies.scalar((float) Math.pow(config.beta2(), step));
                Result r = session.runner()
                        .feed(g.images, x).feed(g.labels, y).feed(g.epsilon, eps).feed(g.klWeight, weight)
                        .feed(g.learningRate, lr).feed(g.beta1Power, beta1Power).feed(g.beta2Power, beta2Power)
                        .addTarget(g.train).fetch(g.loss).fetch(g.reconstruction).fetch(g.kl).run()) {
            return new float[] {
                ((TFloat32) r.get(0)).getFloat(), ((TFloat32) r.get(1)).getFloat(), ((TFloat32) r.get(2)).getFloat()
            };
        }
    }
}
