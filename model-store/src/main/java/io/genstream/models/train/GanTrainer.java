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
import io.genstream.models.gan.DigitsGan;
import io.genstream.models.gan.GanArchitecture;
import io.genstream.models.tf.TensorCopies;
import io.genstream.models.tf.SessionConfigs;
import io.genstream.models.tf.TensorFlowNatives;

/**
 * Trains the digits-gan: per step one discriminator update on a real and a generated batch, then
 * one generator update on fresh noise. Starting weights, batch order and noise all come from
 * {@link GanConfig#seed()}, and the session runs on a pinned number of threads, so a run can be
 * repeated exactly.
 */
public final class GanTrainer {

    private final GanConfig config;
    private final Consumer<String> progress;

    /** @param progress receives one line per loss record */
    public GanTrainer(GanConfig config, Consumer<String> progress) {
        this.config = config;
        this.progress = progress;
    }

    /**
     * @param data training images
     * @param checkpointPrefix where to save the final weights as a TF checkpoint
     */
    public TrainedGan train(DigitsDataset data, String checkpointPrefix) {
        TensorFlowNatives.ensureLocated();
        try (Graph graph = new Graph()) {
            GanTrainingGraph g = new GanTrainingGraph(graph, config);
            try (Session session = new Session(graph, SessionConfigs.pinnedThreads(config.threads()))) {
                SessionWeights.initialize(session, g.initialize, g.initialValues,
                        DigitsGan.parameters(config.architecture()), config.seed());
                List<LossRecord> losses = new ArrayList<>();
                double seconds = loop(session, g, data, losses);
                session.runner().addTarget(g.useGeneratorAverage).run().close();
                session.save(checkpointPrefix);
                Map<String, float[]> weights = SessionWeights.fetch(session, DigitsGan.parameters(config.architecture()));
                return new TrainedGan(config, checkpointPrefix, weights, losses, seconds, data.sha256());
            }
        }
    }

    private double loop(Session session, GanTrainingGraph g, DigitsDataset data, List<LossRecord> losses) {
        int batch = config.batchSize();
        BatchSampler sampler = new BatchSampler(data, batch, config.latentDim(), GanConfig.NUM_CLASSES, config.seed());
        Batch real = new Batch(new float[batch * DigitsDataset.PIXELS], new int[batch]);
        Batch fake = new Batch(new float[batch * config.latentDim()], new int[batch]);
        double dSum = 0;
        double gSum = 0;
        long start = System.nanoTime();
        for (int step = 1; step <= config.steps(); step++) {
            // Adam's bias corrections: β^t for the t-th update of each network.
            float beta1Power = (float) Math.pow(config.beta1(), step);
            float beta2Power = (float) Math.pow(config.beta2(), step);
            sampler.nextReal(real.values(), real.labels());
            sampler.nextFake(fake.values(), fake.labels());
            dSum += discriminatorStep(session, g, real, fake, beta1Power, beta2Power);
            sampler.nextFake(fake.values(), fake.labels());
            gSum += generatorStep(session, g, fake, beta1Power, beta2Power);
            if (step % config.logEvery() == 0 || step == config.steps()) {
                int window = step % config.logEvery() == 0 ? config.logEvery() : step % config.logEvery();
                LossRecord record = new LossRecord(step, dSum / window, gSum / window, (System.nanoTime() - start) / 1e9);
                losses.add(record);
                progress.accept(String.format("step %d/%d  d_loss %.4f  g_loss %.4f  %.1f s",
                        step, config.steps(), record.discriminatorLoss(), record.generatorLoss(), record.seconds()));
                dSum = 0;
                gSum = 0;
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Real images or noise vectors, row-major, with their labels. */
    private record Batch(float[] values, int[] labels) {}

    private float discriminatorStep(Session session, GanTrainingGraph g, Batch real, Batch fake, float b1, float b2) {
        int size = GanArchitecture.IMAGE_SIZE;
        try (TFloat32 x = TensorCopies.floats(real.values(), real.labels().length, size, size);
                TInt32 y = TensorCopies.ints(real.labels());
                TFloat32 z = TensorCopies.floats(fake.values(), fake.labels().length, config.latentDim());
                TInt32 yFake = TensorCopies.ints(fake.labels());
                TFloat32 beta1Power = TensorCopies.scalar(b1);
                TFloat32 beta2Power = TensorCopies.scalar(b2);
                Result r = session.runner()
                        .feed(g.realImages, x).feed(g.realLabels, y).feed(g.noise, z).feed(g.fakeLabels, yFake)
                        .feed(g.beta1Power, beta1Power).feed(g.beta2Power, beta2Power)
                        .addTarget(g.trainDiscriminator).fetch(g.discriminatorLoss).run()) {
            return ((TFloat32) r.get(0)).getFloat();
        }
    }

    private float generatorStep(Session session, GanTrainingGraph g, Batch fake, float b1, float b2) {
        try (TFloat32 z = TensorCopies.floats(fake.values(), fake.labels().length, config.latentDim());
                TInt32 yFake = TensorCopies.ints(fake.labels());
                TFloat32 beta1Power = TensorCopies.scalar(b1);
                TFloat32 beta2Power = TensorCopies.scalar(b2);
                Result r = session.runner()
                        .feed(g.noise, z).feed(g.fakeLabels, yFake).feed(g.beta1Power, beta1Power).feed(g.beta2Power, beta2Power)
                        .addTarget(g.trainGenerator).fetch(g.generatorLoss).run()) {
            return ((TFloat32) r.get(0)).getFloat();
        }
    }
}
