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

import io.genstream.models.tf.GraphInputs;
import io.genstream.models.vae.DigitsVae;
import io.genstream.models.vae.EncoderNetwork.Posterior;
import io.genstream.models.vae.VaeArchitecture;

/**
 * A fresh inference-only graph of a trained digits-vae: the decoder and the encoder with the two
 * signatures of {@link VaeSignatures}, and no sampling, losses, optimiser slots or training ops.
 * The weights are restored by variable name from the trainer's checkpoint.
 */
public final class VaeInferenceModel implements VaeModel, AutoCloseable {

    private final VaeArchitecture arch;
    private final InferenceSession session;
    private final Placeholder<TFloat32> z;
    private final Placeholder<TInt32> label;
    private final Operand<TFloat32> image;
    private final Placeholder<TFloat32> encodedImage;
    private final Placeholder<TInt32> encodedLabel;
    private final Operand<TFloat32> mean;
    private final Operand<TFloat32> logVariance;

    private VaeInferenceModel(VaeArchitecture arch, String checkpointPrefix, int threads) {
        this.arch = arch;
        this.session = new InferenceSession();
        Ops tf = session.tf();
        int size = VaeArchitecture.IMAGE_SIZE;
        DigitsVae vae = DigitsVae.declare(session.graph(), tf, arch);
        z = GraphInputs.floats(tf, "z", -1, arch.latentDim());
        label = GraphInputs.labels(tf, "label");
        image = tf.withName("image").identity(vae.decoder().images(tf, z, label));
        encodedImage = GraphInputs.floats(tf, "encode_image", -1, size, size);
        encodedLabel = GraphInputs.labels(tf, "encode_label");
        Posterior posterior = vae.encoder().encode(tf, encodedImage, encodedLabel);
        mean = tf.withName("mean").identity(posterior.mean());
        logVariance = tf.withName("log_variance").identity(posterior.logVariance());
        session.restore(checkpointPrefix, threads);
    }

    /** Builds the inference graph and loads the weights saved at {@code checkpointPrefix}. */
    public static VaeInferenceModel restore(VaeArchitecture arch, String checkpointPrefix, int threads) {
        return new VaeInferenceModel(arch, checkpointPrefix, threads);
    }

    @Override
    public int latentDim() {
        return arch.latentDim();
    }

    @Override
    public int numClasses() {
        return arch.numClasses();
    }

    /** Decoded images for latents {@code [count × latentDim]} and {@code count} labels. */
    @Override
    public float[] images(float[] latents, int[] labels) {
        return session.run(z, latents, label, labels, image).get(0);
    }

    @Override
    public Encoding encode(float[] images, int[] labels) {
        List<float[]> out = session.run(encodedImage, images, encodedLabel, labels, mean, logVariance);
        return new Encoding(out.get(0), out.get(1));
    }

    /** Writes {@code saved_model.pb} and {@code variables/} into {@code dir}. */
    public void exportSavedModel(Path dir) throws IOException {
        Signature serving = Signature.builder().key(VaeSignatures.SERVING_DEFAULT)
                .input(VaeSignatures.Z, z).input(VaeSignatures.LABEL, label)
                .output(VaeSignatures.IMAGE, image).build();
        Signature encode = Signature.builder().key(VaeSignatures.ENCODE)
                .input(VaeSignatures.IMAGE, encodedImage).input(VaeSignatures.LABEL, encodedLabel)
                .output(VaeSignatures.MEAN, mean).output(VaeSignatures.LOG_VARIANCE, logVariance).build();
        session.export(dir, serving, encode);
    }

    @Override
    public void close() {
        session.close();
    }
}
