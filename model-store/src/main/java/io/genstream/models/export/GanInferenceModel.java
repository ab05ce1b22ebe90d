package io.genstream.models.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.tensorflow.Operand;
import org.tensorflow.Signature;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import io.genstream.models.gan.DigitsGan;
import io.genstream.models.gan.GanArchitecture;
import io.genstream.models.tf.GraphInputs;

/**
 * A fresh inference-only graph of a trained digits-gan: the two networks and the two signatures
 * of {@link GanSignatures}, with no optimiser slots, losses or training ops. The weights are
 * restored by variable name from the trainer's checkpoint, so what is exported is exactly what
 * was trained and nothing more.
 */
public final class GanInferenceModel implements LatentImageModel, AutoCloseable {

    private final GanArchitecture arch;
    private final InferenceSession session;
    private final Placeholder<TFloat32> z;
    private final Placeholder<TInt32> label;
    private final Operand<TFloat32> image;
    private final Operand<TFloat32> realism;
    private final Placeholder<TFloat32> judgedImage;
    private final Placeholder<TInt32> judgedLabel;
    private final Operand<TFloat32> judgedRealism;

    private GanInferenceModel(GanArchitecture arch, String checkpointPrefix, int threads) {
        this.arch = arch;
        this.session = new InferenceSession();
        Ops tf = session.tf();
        int size = GanArchitecture.IMAGE_SIZE;
        DigitsGan gan = DigitsGan.declare(session.graph(), tf, arch);
        z = GraphInputs.floats(tf, "z", -1, arch.latentDim());
        label = GraphInputs.labels(tf, "label");
        image = tf.withName("image").identity(gan.generator().images(tf, z, label));
        realism = tf.withName("realism").math.sigmoid(gan.discriminator().logits(tf, image, label));
        judgedImage = GraphInputs.floats(tf, "judged_image", -1, size, size);
        judgedLabel = GraphInputs.labels(tf, "judged_label");
        judgedRealism = tf.withName("judged_realism").math.sigmoid(
                gan.discriminator().logits(tf, judgedImage, judgedLabel));
        session.restore(checkpointPrefix, threads);
    }

    /** Builds the inference graph and loads the weights saved at {@code checkpointPrefix}. */
    public static GanInferenceModel restore(GanArchitecture arch, String checkpointPrefix, int threads) {
        return new GanInferenceModel(arch, checkpointPrefix, threads);
    }

    public GanArchitecture architecture() {
        return arch;
    }

    @Override
    public int latentDim() {
        return arch.latentDim();
    }

    @Override
    public int numClasses() {
        return arch.numClasses();
    }

    @Override
    public float[] images(float[] latents, int[] labels) {
        return generate(latents, labels).images();
    }

    /** Images and realism for noise {@code [count × latentDim]} and {@code count} labels. */
    public GeneratedBatch generate(float[] noise, int[] labels) {
        List<float[]> out = session.run(z, noise, label, labels, image, realism);
        return new GeneratedBatch(out.get(0), out.get(1));
    }

    /** Realism of {@code count} given images (row-major, 28×28 each) under their labels. */
    public float[] discriminate(float[] images, int[] labels) {
        return session.run(judgedImage, images, judgedLabel, labels, judgedRealism).get(0);
    }

    /** Writes {@code saved_model.pb} and {@code variables/} into {@code dir}. */
    public void exportSavedModel(Path dir) throws IOException {
        Signature serving = Signature.builder().key(GanSignatures.SERVING_DEFAULT)
                .input(GanSignatures.Z, z).input(GanSignatures.LABEL, label)
                .output(GanSignatures.IMAGE, image).output(GanSignatures.REALISM, realism).build();
        Signature discriminate = Signature.builder().key(GanSignatures.DISCRIMINATE)
                .input(GanSignatures.IMAGE, judgedImage).input(GanSignatures.LABEL, judgedLabel)
                .output(GanSignatures.REALISM, judgedRealism).build();
        session.export(dir, serving, discriminate);
    }

    @Override
    public void close() {
        session.close();
    }
}
