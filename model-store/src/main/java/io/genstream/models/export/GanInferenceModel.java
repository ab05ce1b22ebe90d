package io.genstream.models.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.framework.SavedModel;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import com.google.protobuf.CodedOutputStream;

import io.genstream.models.gan.DigitsGan;
import io.genstream.models.gan.GanArchitecture;
import io.genstream.models.tf.TensorCopies;
import io.genstream.models.tf.TensorFlowNatives;
import io.genstream.models.tf.SessionConfigs;

/**
 * A fresh inference-only graph of a trained digits-gan: the two networks and the two signatures
 * of {@link GanSignatures}, with no optimiser slots, losses or training ops. The weights are
 * restored by variable name from the trainer's checkpoint, so what is exported is exactly what
 * was trained and nothing more.
 */
public final class GanInferenceModel implements AutoCloseable {

    private final GanArchitecture arch;
    private final Graph graph;
    private final Session session;
    private final Placeholder<TFloat32> z;
    private final Placeholder<TInt32> label;
    private final Operand<TFloat32> image;
    private final Operand<TFloat32> realism;
    private final Placeholder<TFloat32> judgedImage;
    private final Placeholder<TInt32> judgedLabel;
    private final Operand<TFloat32> judgedRealism;

    private GanInferenceModel(GanArchitecture arch, String checkpointPrefix, int threads) {
        TensorFlowNatives.ensureLocated();
        this.arch = arch;
        this.graph = new Graph();
        Ops tf = Ops.create(graph);
        int size = GanArchitecture.IMAGE_SIZE;
        DigitsGan gan = DigitsGan.declare(graph, tf, arch);
        z = tf.withName("z").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, arch.latentDim())));
        label = tf.withName("label").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
        image = tf.withName("image").identity(gan.generator().images(tf, z, label));
        realism = tf.withName("realism").math.sigmoid(gan.discriminator().logits(tf, image, label));
        judgedImage = tf.withName("judged_image").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, size, size)));
        judgedLabel = tf.withName("judged_label").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
        judgedRealism = tf.withName("judged_realism").math.sigmoid(
                gan.discriminator().logits(tf, judgedImage, judgedLabel));
        session = new Session(graph, SessionConfigs.pinnedThreads(threads));
        session.restore(checkpointPrefix);
    }

    /** Builds the inference graph and loads the weights saved at {@code checkpointPrefix}. */
    public static GanInferenceModel restore(GanArchitecture arch, String checkpointPrefix, int threads) {
        return new GanInferenceModel(arch, checkpointPrefix, threads);
    }

    public GanArchitecture architecture() {
        return arch;
    }

    /** Images and realism for noise {@code [count × latentDim]} and {@code count} labels. */
    public GeneratedBatch generate(float[] noise, int[] labels) {
        try (TFloat32 zt = TensorCopies.floats(noise, labels.length, arch.latentDim());
                TInt32 yt = TensorCopies.ints(labels);
                Result r = session.runner().feed(z, zt).feed(label, yt).fetch(image).fetch(realism).run()) {
            return new GeneratedBatch(TensorCopies.toFloats(r.get(0)), TensorCopies.toFloats(r.get(1)));
        }
    }

    /** Realism of {@code count} given images (row-major, 28×28 each) under their labels. */
    public float[] discriminate(float[] images, int[] labels) {
        int size = GanArchitecture.IMAGE_SIZE;
        try (TFloat32 xt = TensorCopies.floats(images, labels.length, size, size);
                TInt32 yt = TensorCopies.ints(labels);
                Result r = session.runner().feed(judgedImage, xt).feed(judgedLabel, yt).fetch(judgedRealism).run()) {
            return TensorCopies.toFloats(r.get(0));
        }
    }

    /** Writes {@code saved_model.pb} and {@code variables/} into {@code dir}. */
    public void exportSavedModel(Path dir) throws IOException {
        Signature serving = Signature.builder().key(GanSignatures.SERVING_DEFAULT)
                .input(GanSignatures.Z, z).input(GanSignatures.LABEL, label)
                .output(GanSignatures.IMAGE, image).output(GanSignatures.REALISM, realism).build();
        Signature discriminate = Signature.builder().key(GanSignatures.DISCRIMINATE)
                .input(GanSignatures.IMAGE, judgedImage).input(GanSignatures.LABEL, judgedLabel)
                .output(GanSignatures.REALISM, judgedRealism).build();
        SavedModelBundle.exporter(dir.toString()).withSession(session)
                .withSignature(serving).withSignature(discriminate).export();
        rewriteDeterministically(dir.resolve("saved_model.pb"));
    }

    /**
     * TF Java writes {@code saved_model.pb} with protobuf's default serialisation, whose map
     * order (signatures, node attributes) may change from run to run. Written again in
     * deterministic order, the same model gives the same bytes, and so the same SHA-256 in the
     * manifest, every time it is exported.
     */
    public static void rewriteDeterministically(Path savedModelPb) throws IOException {
        SavedModel model = SavedModel.parseFrom(Files.readAllBytes(savedModelPb));
        try (OutputStream file = Files.newOutputStream(savedModelPb)) {
            CodedOutputStream out = CodedOutputStream.newInstance(file);
            out.useDeterministicSerialization();
            model.writeTo(out);
            out.flush();
        }
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
