package io.genstream.models.gpt;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import io.genstream.models.export.LeanSavedModel;
import io.genstream.models.tf.SessionConfigs;
import io.genstream.models.tf.TensorFlowNatives;
import io.genstream.models.text.TextSignatures;

/**
 * A fresh inference-only graph of a trained catalog-gpt, holding the network and the
 * {@code prefill} and {@code step} signatures of {@link TextSignatures} and nothing else (no
 * optimiser slots, loss or training ops). Weights are restored by variable name from the trainer's
 * checkpoint.
 */
public final class GptInferenceModel implements AutoCloseable {

    private final Graph graph;
    private final Session session;
    private final Signature prefill;
    private final Signature step;

    private GptInferenceModel(GptArchitecture arch, String checkpointPrefix, int threads) {
        TensorFlowNatives.ensureLocated();
        graph = new Graph();
        Ops tf = Ops.create(graph);
        GptNetwork network = GptNetwork.declare(graph, tf, arch);
        Placeholder<TInt32> tokens = tf.withName("prefill_tokens").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1, -1)));
        Placeholder<TInt32> length = tf.withName("prefill_length").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
        GptNetwork.Next prefilled = network.prefill(tf, tokens, length);
        Signature.Builder prefillSignature = Signature.builder().key(TextSignatures.PREFILL)
                .input(TextSignatures.TOKENS, tokens).input(TextSignatures.LENGTH, length)
                .output(TextSignatures.LOGITS, tf.withName("prefill_logits").identity(prefilled.logits()));
        for (int i = 0; i < prefilled.state().size(); i++) {
            prefillSignature.output(TextSignatures.state(i),
                    tf.withName("prefill_state_" + i).identity(prefilled.state().get(i)));
        }
        prefill = prefillSignature.build();
        Placeholder<TInt32> token = tf.withName("step_token").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
        Placeholder<TInt32> position = tf.withName("step_position").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
        Signature.Builder stepSignature = Signature.builder().key(TextSignatures.STEP)
                .input(TextSignatures.TOKEN, token).input(TextSignatures.POSITION, position);
        List<Placeholder<TFloat32>> cache = new ArrayList<>();
        for (int i = 0; i < 2 * arch.layers(); i++) {
            Placeholder<TFloat32> tensor = tf.withName("step_state_" + i).placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, arch.kvHeads(), -1, arch.headDim())));
            cache.add(tensor);
            stepSignature.input(TextSignatures.state(i), tensor);
        }
        GptNetwork.Next stepped = network.step(tf, token, position, cache);
        stepSignature.output(TextSignatures.LOGITS, tf.withName("step_logits").identity(stepped.logits()));
        for (int i = 0; i < stepped.state().size(); i++) {
            stepSignature.output(TextSignatures.state(i), tf.withName("step_state_out_" + i).identity(stepped.state().get(i)));
        }
        step = stepSignature.build();
        session = new Session(graph, SessionConfigs.pinnedThreads(threads));
        session.restore(checkpointPrefix);
    }

    /** Builds the inference graph and loads the weights saved at {@code checkpointPrefix}. */
    public static GptInferenceModel restore(GptArchitecture arch, String checkpointPrefix, int threads) {
        return new GptInferenceModel(arch, checkpointPrefix, threads);
    }

    /** Writes {@code saved_model.pb} (deterministically serialised) and {@code variables/} into {@code dir}. */
    public void exportSavedModel(Path dir) throws IOException {
        LeanSavedModel.write(session, dir, prefill, step);
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
