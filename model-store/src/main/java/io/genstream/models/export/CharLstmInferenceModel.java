package io.genstream.models.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Unstack;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import io.genstream.models.lstm.CharLstmArchitecture;
import io.genstream.models.lstm.CharLstmNetwork;
import io.genstream.models.tf.SessionConfigs;
import io.genstream.models.tf.TensorFlowNatives;
import io.genstream.models.text.TextSignatures;

/**
 * A fresh inference-only graph of a trained catalog-lstm with the {@link TextSignatures}: no
 * optimiser slots or losses; weights restored by variable name from the trainer's checkpoint.
 *
 * <p>{@code prefill} pads {@code tokens} to {@code maxLength} and unrolls the cell that many steps;
 * a row's state stops changing after its {@code length} tokens (a select, so the state after the
 * last real token is carried through bit for bit). A row longer than {@code maxLength} fails the
 * call. {@code step} runs the same cell once and ignores {@code position}, which the contract
 * requires for the transformer.
 */
public final class CharLstmInferenceModel implements AutoCloseable {

    private final Graph graph;
    private final Session session;
    private final Signature prefill;
    private final Signature step;

    private CharLstmInferenceModel(CharLstmArchitecture arch, int maxLength, String checkpointPrefix, int threads) {
        TensorFlowNatives.ensureLocated();
        graph = new Graph();
        Ops tf = Ops.create(graph);
        CharLstmNetwork lstm = CharLstmNetwork.declare(graph, tf, arch);
        prefill = prefill(tf, lstm, maxLength);
        step = step(tf, lstm);
        session = new Session(graph, SessionConfigs.pinnedThreads(threads));
        session.restore(checkpointPrefix);
    }

    /** Builds the inference graph and loads the weights saved at {@code checkpointPrefix}. */
    public static CharLstmInferenceModel restore(CharLstmArchitecture arch, int maxLength, String checkpointPrefix, int threads) {
        return new CharLstmInferenceModel(arch, maxLength, checkpointPrefix, threads);
    }

    private static Signature prefill(Ops tf, CharLstmNetwork lstm, int maxLength) {
        Placeholder<TInt32> tokens = tf.withName("prefill_tokens").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1, -1)));
        Placeholder<TInt32> length = tf.withName("prefill_length").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
        Operand<TInt32> columns = tf.gather(tf.shape(tokens), tf.constant(1), tf.constant(0));
        Operand<TInt32> paddings = tf.reshape(
                tf.stack(List.of(tf.constant(0), tf.constant(0), tf.constant(0), tf.math.sub(tf.constant(maxLength), columns))),
                tf.constant(new int[] {2, 2}));
        Operand<TInt32> padded = tf.reshape(tf.pad(tokens, paddings, tf.constant(0)), tf.constant(new int[] {-1, maxLength}));
        List<? extends Operand<TFloat32>> inputs =
                tf.unstack(lstm.oneHot(tf, padded), (long) maxLength, Unstack.axis(1L)).output();
        CharLstmNetwork.State state = lstm.zeroState(tf, tf.reshape(tf.shape(length), tf.constant(new int[0])));
        for (int t = 0; t < maxLength; t++) {
            CharLstmNetwork.State next = lstm.step(tf, inputs.get(t), state);
            Operand<TBool> active = tf.expandDims(tf.math.less(tf.constant(t), length), tf.constant(1));
            state = new CharLstmNetwork.State(keep(tf, active, next.h(), state.h()), keep(tf, active, next.c(), state.c()));
        }
        Operand<TFloat32> logits = tf.withName("prefill_logits").identity(lstm.logits(tf, state.top()));
        Operand<TFloat32> flat = tf.withName("prefill_state").identity(lstm.flatten(tf, state));
        return Signature.builder().key(TextSignatures.PREFILL)
                .input(TextSignatures.TOKENS, tokens).input(TextSignatures.LENGTH, length)
                .output(TextSignatures.LOGITS, logits).output(TextSignatures.STATE, flat).build();
    }

    private static List<Operand<TFloat32>> keep(
            Ops tf, Operand<TBool> active, List<Operand<TFloat32>> next, List<Operand<TFloat32>> previous) {
        return java.util.stream.IntStream.range(0, next.size())
                .<Operand<TFloat32>>mapToObj(l -> tf.select(active, next.get(l), previous.get(l))).toList();
    }

    private static Signature step(Ops tf, CharLstmNetwork lstm) {
        Placeholder<TInt32> token = tf.withName("step_token").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
        Placeholder<TInt32> position = tf.withName("step_position").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
        Placeholder<TFloat32> stateIn = tf.withName("step_state_in").placeholder(TFloat32.class,
                Placeholder.shape(Shape.of(-1, lstm.architecture().stateSize())));
        CharLstmNetwork.State next = lstm.step(tf, lstm.oneHot(tf, token), lstm.unflatten(tf, stateIn));
        Operand<TFloat32> logits = tf.withName("step_logits").identity(lstm.logits(tf, next.top()));
        Operand<TFloat32> flat = tf.withName("step_state").identity(lstm.flatten(tf, next));
        return Signature.builder().key(TextSignatures.STEP)
                .input(TextSignatures.TOKEN, token).input(TextSignatures.POSITION, position)
                .input(TextSignatures.STATE, stateIn)
                .output(TextSignatures.LOGITS, logits).output(TextSignatures.STATE, flat).build();
    }

    /** Writes {@code saved_model.pb} and {@code variables/} into {@code dir}. */
    public void exportSavedModel(Path dir) throws IOException {
        LeanSavedModel.write(session, dir, prefill, step);
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
