package io.genstream.models.lstm;

import java.util.ArrayList;
import java.util.List;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Split;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import io.genstream.models.gan.NetworkVariables;

/**
 * The LSTM's variables in a graph and the ops of one time step. Training unrolls {@link #step}
 * over a fixed window; the exported {@code prefill} unrolls it with a mask and {@code step} runs it
 * once, so all three compute a position with exactly the same ops.
 */
public final class CharLstmNetwork {

    /** The per-layer recurrent state: {@code h.get(l)} and {@code c.get(l)} are {@code [batch, hidden]}. */
    public record State(List<Operand<TFloat32>> h, List<Operand<TFloat32>> c) {

        public Operand<TFloat32> top() {
            return h.get(h.size() - 1);
        }
    }

    private final CharLstmArchitecture arch;
    private final NetworkVariables variables;

    private CharLstmNetwork(CharLstmArchitecture arch, NetworkVariables variables) {
        this.arch = arch;
        this.variables = variables;
    }

    /** Adds the network's (uninitialised) variables to {@code graph}, named as {@link CharLstmArchitecture#parameters()}. */
    public static CharLstmNetwork declare(Graph graph, Ops tf, CharLstmArchitecture arch) {
        return new CharLstmNetwork(arch, NetworkVariables.declare(graph, tf, arch.parameters()));
    }

    public CharLstmArchitecture architecture() {
        return arch;
    }

    public NetworkVariables variables() {
        return variables;
    }

    /** Token ids {@code [...]} as one-hot float rows {@code [..., vocabularySize]}. */
    public Operand<TFloat32> oneHot(Ops tf, Operand<TInt32> tokens) {
        return tf.oneHot(tokens, tf.constant(arch.vocabularySize()), tf.constant(1f), tf.constant(0f));
    }

    /** One time step of every layer for one-hot {@code input} {@code [batch, vocabularySize]}. */
    public State step(Ops tf, Operand<TFloat32> input, State previous) {
        List<Operand<TFloat32>> h = new ArrayList<>();
        List<Operand<TFloat32>> c = new ArrayList<>();
        Operand<TFloat32> x = input;
        for (int l = 0; l < arch.layers(); l++) {
            Operand<TFloat32> gates = tf.nn.biasAdd(
                    tf.linalg.matMul(tf.concat(List.of(x, previous.h().get(l)), tf.constant(1)),
                            variables.get(CharLstmArchitecture.kernelName(l))),
                    variables.get(CharLstmArchitecture.biasName(l)));
            Split<TFloat32> split = tf.split(tf.constant(1), gates, 4L);
            Operand<TFloat32> in = tf.math.sigmoid(split.output().get(0));
            Operand<TFloat32> forget = tf.math.sigmoid(split.output().get(1));
            Operand<TFloat32> candidate = tf.math.tanh(split.output().get(2));
            Operand<TFloat32> out = tf.math.sigmoid(split.output().get(3));
            Operand<TFloat32> cell = tf.math.add(tf.math.mul(forget, previous.c().get(l)), tf.math.mul(in, candidate));
            Operand<TFloat32> hidden = tf.math.mul(out, tf.math.tanh(cell));
            h.add(hidden);
            c.add(cell);
            x = hidden;
        }
        return new State(h, c);
    }

    /** Next-token logits {@code [rows, vocabularySize]} from top-layer outputs {@code [rows, hidden]}. */
    public Operand<TFloat32> logits(Ops tf, Operand<TFloat32> top) {
        return tf.nn.biasAdd(tf.linalg.matMul(top, variables.get(CharLstmArchitecture.OUTPUT_KERNEL)),
                variables.get(CharLstmArchitecture.OUTPUT_BIAS));
    }

    /** The zero state for {@code batch} rows ({@code batch} a scalar int32 operand). */
    public State zeroState(Ops tf, Operand<TInt32> batch) {
        List<Operand<TFloat32>> zeros = new ArrayList<>();
        for (int l = 0; l < arch.layers(); l++) {
            zeros.add(tf.fill(tf.stack(List.of(batch, tf.constant(arch.hidden()))), tf.constant(0f)));
        }
        return new State(zeros, zeros);
    }

    /** The state as one {@code [batch, stateSize]} tensor: per layer h then c (see {@link CharLstmArchitecture#stateSize()}). */
    public Operand<TFloat32> flatten(Ops tf, State state) {
        List<Operand<TFloat32>> parts = new ArrayList<>();
        for (int l = 0; l < arch.layers(); l++) {
            parts.add(state.h().get(l));
            parts.add(state.c().get(l));
        }
        return tf.concat(parts, tf.constant(1));
    }

    /** The inverse of {@link #flatten}. */
    public State unflatten(Ops tf, Operand<TFloat32> flat) {
        Split<TFloat32> parts = tf.split(tf.constant(1), flat, (long) 2 * arch.layers());
        List<Operand<TFloat32>> h = new ArrayList<>();
        List<Operand<TFloat32>> c = new ArrayList<>();
        for (int l = 0; l < arch.layers(); l++) {
            h.add(parts.output().get(2 * l));
            c.add(parts.output().get(2 * l + 1));
        }
        return new State(h, c);
    }
}
