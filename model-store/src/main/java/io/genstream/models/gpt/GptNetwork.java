package io.genstream.models.gpt;

import java.util.ArrayList;
import java.util.List;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gather;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import io.genstream.models.gan.NetworkVariables;

/**
 * The catalog-gpt network as graph ops, in the three shapes it is run in: the full causal pass
 * (training), {@code prefill} (a batch of prompts → next-token logits and KV cache) and
 * {@code step} (one token per row against its KV cache).
 *
 * <p>The KV cache is {@code 2·layers} tensors, every layer's keys and then its values, in layer
 * order ({@code state_0 = K₀, state_1 = V₀, state_2 = K₁, …}), each {@code [B, kvHeads, T, headDim]}
 * ({@code prefill} returns {@code T = maxLength}; {@code step} takes any {@code T} up to it that holds the positions
 * it writes): head-major, so attention reads a head's keys with no transpose, and batch-leading, so a
 * server can regroup rows between calls without leaving TensorFlow. A position not yet written holds
 * zeros. Every op works on rows independently.
 *
 * <p>Query head {@code h} reads key/value head {@code h / groupSize}. Attention runs per key/value head: the
 * queries of a group are stacked ({@code [B, kvHeads, groupSize·L, headDim]}, group member-major), so one
 * product serves every query head of the group.
 */
public final class GptNetwork {

    private final GptArchitecture arch;
    private final NetworkVariables vars;

    private GptNetwork(GptArchitecture arch, NetworkVariables vars) {
        this.arch = arch;
        this.vars = vars;
    }

    /** Declares the network's variables (uninitialised) in {@code graph}. */
    public static GptNetwork declare(Graph graph, Ops tf, GptArchitecture arch) {
        return new GptNetwork(arch, NetworkVariables.declare(graph, tf, arch.parameters()));
    }

    public GptArchitecture architecture() {
        return arch;
    }

    public NetworkVariables variables() {
        return vars;
    }

    /** Next-token logits and the updated KV cache ({@code 2·layers} tensors), one row per sequence. */
    public record Next(Operand<TFloat32> logits, List<Operand<TFloat32>> state) {}

    /**
     * The causal pass over right-padded {@code tokens} {@code [B, L]}: the residual stream after
     * the last block for every position, {@code [B·L, dModel]}, and each layer's keys and values
     * {@code [B, L, kvWidth]}. A position sees itself and the positions before it only, so what
     * follows a row's real tokens (padding) changes none of their outputs.
     */
    public record CausalPass(Operand<TFloat32> hidden, List<Operand<TFloat32>> keys, List<Operand<TFloat32>> values) {}

    /** The causal pass of a training graph (differentiable). */
    public CausalPass causal(Ops tf, Operand<TInt32> tokens) {
        return causal(tf, tokens, TransformerOps.Product.DIFFERENTIABLE, arch.layers());
    }

    /** The causal pass through the first {@code blocks} blocks (the residual stream entering block {@code blocks}). */
    private CausalPass causal(Ops tf, Operand<TInt32> tokens, TransformerOps.Product product, int blocks) {
        int d = arch.dModel();
        Operand<TInt32> length = tf.gather(tf.shape(tokens), tf.constant(1), tf.constant(0));
        Operand<TFloat32> tokenRows = tf.linalg.matMul(
                tf.oneHot(tf.reshape(tokens, tf.constant(new int[] {-1})), tf.constant(arch.vocabularySize()),
                        tf.constant(1f), tf.constant(0f)),
                vars.get(GptNames.TOKEN_EMBEDDING));
        Operand<TFloat32> positions = tf.slice(vars.get(GptNames.POSITION_EMBEDDING),
                tf.constant(new int[] {0, 0}), tf.stack(List.of(length, tf.constant(d))));
        Operand<TFloat32> x = tf.reshape(
                tf.math.add(tf.reshape(tokenRows, shape(tf, tf.constant(-1), length, tf.constant(d))), positions),
                tf.constant(new int[] {-1, d}));
        Operand<TFloat32> ones = tf.fill(tf.stack(List.of(length, length)), tf.constant(1f));
        Operand<TFloat32> causalBias = TransformerOps.maskBias(tf, tf.linalg.bandPart(ones, tf.constant(-1), tf.constant(0)));
        if (arch.groupSize() > 1) {
            // The stacked queries of a group are member-major: query row r·L + i is position i.
            causalBias = tf.tile(causalBias, tf.constant(new int[] {arch.groupSize(), 1}));
        }
        List<Operand<TFloat32>> keys = new ArrayList<>();
        List<Operand<TFloat32>> values = new ArrayList<>();
        for (int l = 0; l < blocks; l++) {
            Qkv qkv = qkv(tf, l, x);
            keys.add(tf.reshape(qkv.k, shape(tf, tf.constant(-1), length, tf.constant(arch.kvWidth()))));
            values.add(tf.reshape(qkv.v, shape(tf, tf.constant(-1), length, tf.constant(arch.kvWidth()))));
            Operand<TFloat32> context = TransformerOps.attention(tf,
                    queryGroups(tf, qkv.q, length), kvHeads(tf, qkv.k, length), kvHeads(tf, qkv.v, length),
                    causalBias, arch.headDim(), product);
            x = finishBlock(tf, l, x, mergeQueryGroups(tf, context, length));
        }
        return new CausalPass(x, keys, values);
    }

    /** Logits {@code [N, V]} for residual-stream rows {@code [N, dModel]}: final norm, tied output projection. */
    public Operand<TFloat32> logits(Ops tf, Operand<TFloat32> hidden) {
        Operand<TFloat32> normed = norm(tf, GptNames.FINAL_NORM, hidden);
        Operand<TFloat32> projected = tf.linalg.matMul(normed, vars.get(GptNames.TOKEN_EMBEDDING), MatMul.transposeB(true));
        return tf.nn.biasAdd(projected, vars.get(GptNames.OUTPUT_BIAS));
    }

    /**
     * {@code prefill}: {@code tokens} {@code [B, L]} right-padded, {@code length} {@code [B]}
     * (1 ≤ length ≤ L ≤ maxLength) → the logits after each row's last real token and its KV cache
     * holding positions {@code 0 … length−1} (the rest zero).
     */
    public Next prefill(Ops tf, Operand<TInt32> tokens, Operand<TInt32> length) {
        int d = arch.dModel();
        int lastBlock = arch.layers() - 1;
        // Every block but the last runs at every position (the next block reads them all). Of the last block only
        // the keys and values are needed at every position (the cache); the rest of it only at each row's last
        // position, whose output gives the logits: a one-query attention, like a step's.
        CausalPass pass = causal(tf, tokens, TransformerOps.Product.INFERENCE, lastBlock);
        Operand<TInt32> width = tf.gather(tf.shape(tokens), tf.constant(1), tf.constant(0));
        Qkv qkv = qkv(tf, lastBlock, pass.hidden());
        List<Operand<TFloat32>> keys = new ArrayList<>(pass.keys());
        List<Operand<TFloat32>> values = new ArrayList<>(pass.values());
        keys.add(tf.reshape(qkv.k, shape(tf, tf.constant(-1), width, tf.constant(arch.kvWidth()))));
        values.add(tf.reshape(qkv.v, shape(tf, tf.constant(-1), width, tf.constant(arch.kvWidth()))));
        Operand<TInt32> lastPosition = tf.math.sub(length, tf.constant(1));
        Operand<TFloat32> query = tf.gather(tf.reshape(qkv.q, shape(tf, tf.constant(-1), width, tf.constant(d))),
                lastPosition, tf.constant(1), Gather.batchDims(1L));
        Operand<TFloat32> residual = tf.gather(tf.reshape(pass.hidden(), shape(tf, tf.constant(-1), width, tf.constant(d))),
                lastPosition, tf.constant(1), Gather.batchDims(1L));
        // A row's real positions (below its length): what its last position sees, and what its cache keeps.
        Operand<TFloat32> realRows = tf.dtypes.cast(
                tf.math.less(tf.expandDims(tf.range(tf.constant(0), width, tf.constant(1)), tf.constant(0)),
                        tf.expandDims(length, tf.constant(1))), TFloat32.class);
        Operand<TFloat32> bias = tf.reshape(TransformerOps.maskBias(tf, realRows),
                shape(tf, tf.constant(-1), tf.constant(1), tf.constant(1), width));
        Operand<TFloat32> context = TransformerOps.attention(tf,
                tf.reshape(query, tf.constant(new int[] {-1, arch.kvHeads(), arch.groupSize(), arch.headDim()})),
                kvHeads(tf, qkv.k, width), kvHeads(tf, qkv.v, width), bias, arch.headDim(),
                TransformerOps.Product.INFERENCE);
        Operand<TFloat32> last = finishBlock(tf, lastBlock, residual, tf.reshape(context, tf.constant(new int[] {-1, d})));
        // Cache rows at or beyond a row's length (its padding) must be zero, as the contract says.
        Operand<TFloat32> real = tf.expandDims(realRows, tf.constant(2));
        Operand<TInt32> paddings = tf.reshape(tf.stack(List.of(tf.constant(0), tf.constant(0), tf.constant(0),
                tf.constant(0), tf.constant(0), tf.math.sub(tf.constant(arch.maxLength()), width),
                tf.constant(0), tf.constant(0))), tf.constant(new int[] {4, 2}));
        List<Operand<TFloat32>> caches = new ArrayList<>();
        for (int l = 0; l < arch.layers(); l++) {
            caches.add(tf.pad(kvHeads(tf, tf.math.mul(keys.get(l), real), width), paddings, tf.constant(0f)));
            caches.add(tf.pad(kvHeads(tf, tf.math.mul(values.get(l), real), width), paddings, tf.constant(0f)));
        }
        return new Next(logits(tf, last), caches);
    }

    /**
     * {@code step}: one {@code token} per row at {@code position} (the number of tokens already in
     * its cache, {@code < T}, the cache's length) → its next-token logits and the cache with this token's keys and
     * values written at {@code position}.
     *
     * <p>The write is made in place ({@code InplaceUpdate}, which aliases its input): the cache tensors
     * fed to a step are the ones it returns, with one position per row overwritten, so a step copies no
     * cache and reads each layer's keys and values once (the attention). A caller must therefore not use
     * a state tensor again after feeding it to a step; the step's outputs replace it. Attention reads the
     * written cache, so the token sees the positions before it and itself.
     */
    public Next step(Ops tf, Operand<TInt32> token, Operand<TInt32> position, List<? extends Operand<TFloat32>> cache) {
        int d = arch.dModel();
        // The cache's length is read from the tensors fed: any T with position < T ≤ maxLength, so a server may
        // keep only as many positions as its longest sequence needs (attention reads all T of them).
        Operand<TInt32> t = tf.gather(tf.shape(cache.get(0)), tf.constant(2), tf.constant(0));
        // A position past the cache (a finished row a batch still feeds) must not fail the whole call:
        // it reads and writes the last position, and its logits mean nothing.
        Operand<TInt32> clamped = tf.math.minimum(position, tf.math.sub(t, tf.constant(1)));
        Operand<TFloat32> x = tf.math.add(
                tf.gather(vars.get(GptNames.TOKEN_EMBEDDING), token, tf.constant(0)),
                tf.gather(vars.get(GptNames.POSITION_EMBEDDING), clamped, tf.constant(0)));
        Operand<TFloat32> visible = tf.dtypes.cast(tf.math.lessEqual(
                tf.expandDims(tf.range(tf.constant(0), t, tf.constant(1)), tf.constant(0)),
                tf.expandDims(clamped, tf.constant(1))), TFloat32.class);
        Operand<TFloat32> bias = tf.reshape(TransformerOps.maskBias(tf, visible),
                shape(tf, tf.constant(-1), tf.constant(1), tf.constant(1), t));
        Operand<TInt32> cells = writtenCells(tf, clamped, t);
        // One query per row: a group's stacked queries are just its members, [B, kvHeads, groupSize, headDim].
        Operand<TInt32> queryShape = tf.constant(new int[] {-1, arch.kvHeads(), arch.groupSize(), arch.headDim()});
        List<Operand<TFloat32>> next = new ArrayList<>();
        for (int l = 0; l < arch.layers(); l++) {
            Qkv qkv = qkv(tf, l, x);
            Operand<TFloat32> keys = writeInPlace(tf, cache.get(2 * l), cells, qkv.k, t);
            Operand<TFloat32> values = writeInPlace(tf, cache.get(2 * l + 1), cells, qkv.v, t);
            Operand<TFloat32> context = TransformerOps.attention(tf, tf.reshape(qkv.q, queryShape), keys, values, bias,
                    arch.headDim(), TransformerOps.Product.INFERENCE);
            x = finishBlock(tf, l, x, tf.reshape(context, tf.constant(new int[] {-1, d})));
            next.add(keys);
            next.add(values);
        }
        return new Next(logits(tf, x), next);
    }

    /**
     * {@code cache} {@code [B, kvHeads, T, headDim]} with {@code rows} {@code [B, kvWidth]} (one token's keys or
     * values per row) written at the {@link #writtenCells cells}, in the cache's own buffer: viewed as
     * {@code [B·kvHeads·T, headDim]} (a reshape shares the buffer), each cell is one row of that view.
     */
    private Operand<TFloat32> writeInPlace(Ops tf, Operand<TFloat32> cache, Operand<TInt32> cells, Operand<TFloat32> rows,
            Operand<TInt32> t) {
        int dh = arch.headDim();
        Operand<TFloat32> flat = tf.reshape(cache, tf.constant(new int[] {-1, dh}));
        Operand<TFloat32> written = tf.inplaceUpdate(flat, cells, tf.reshape(rows, tf.constant(new int[] {-1, dh})));
        return tf.reshape(written, shape(tf, tf.constant(-1), tf.constant(arch.kvHeads()), t, tf.constant(dh)));
    }

    /**
     * The rows of the flat cache view one token writes, {@code [B·kvHeads]}: {@code (row·kvHeads + head)·T +
     * position} for every row and key/value head, in the order of a {@code [B, kvWidth]} row's heads.
     */
    private Operand<TInt32> writtenCells(Ops tf, Operand<TInt32> position, Operand<TInt32> t) {
        int h = arch.kvHeads();
        Operand<TInt32> rows = tf.gather(tf.shape(position), tf.constant(0), tf.constant(0));
        Operand<TInt32> rowStart = tf.math.mul(tf.range(tf.constant(0), rows, tf.constant(1)),
                tf.math.mul(tf.constant(h), t));
        Operand<TInt32> headStart = tf.math.mul(tf.range(tf.constant(0), tf.constant(h), tf.constant(1)), t);
        Operand<TInt32> cells = tf.math.add(tf.expandDims(tf.math.add(rowStart, position), tf.constant(1)),
                tf.expandDims(headStart, tf.constant(0)));
        return tf.reshape(cells, tf.constant(new int[] {-1}));
    }

    private record Qkv(Operand<TFloat32> q, Operand<TFloat32> k, Operand<TFloat32> v) {}

    /** Queries {@code [N, dModel]}, keys and values {@code [N, kvWidth]} of block {@code l}'s normed input. */
    private Qkv qkv(Ops tf, int l, Operand<TFloat32> x) {
        Operand<TFloat32> projected = TransformerOps.linear(tf, norm(tf, GptNames.block(l, "ln1"), x),
                vars.get(GptNames.block(l, "attention/qkv/kernel")), vars.get(GptNames.block(l, "attention/qkv/bias")));
        List<Output<TFloat32>> parts = tf.splitV(projected,
                tf.constant(new int[] {arch.dModel(), arch.kvWidth(), arch.kvWidth()}), tf.constant(1), 3L).output();
        return new Qkv(parts.get(0), parts.get(1), parts.get(2));
    }

    /** The rest of block {@code l} after attention: output projection, residual, MLP, residual. */
    private Operand<TFloat32> finishBlock(Ops tf, int l, Operand<TFloat32> x, Operand<TFloat32> context) {
        Operand<TFloat32> attended = tf.math.add(x, TransformerOps.linear(tf, context,
                vars.get(GptNames.block(l, "attention/out/kernel")), vars.get(GptNames.block(l, "attention/out/bias"))));
        Operand<TFloat32> hidden = TransformerOps.gelu(tf, TransformerOps.linear(tf, norm(tf, GptNames.block(l, "ln2"), attended),
                vars.get(GptNames.block(l, "mlp/in/kernel")), vars.get(GptNames.block(l, "mlp/in/bias"))));
        return tf.math.add(attended, TransformerOps.linear(tf, hidden,
                vars.get(GptNames.block(l, "mlp/out/kernel")), vars.get(GptNames.block(l, "mlp/out/bias"))));
    }

    private Operand<TFloat32> norm(Ops tf, String prefix, Operand<TFloat32> x) {
        return TransformerOps.layerNorm(tf, x, vars.get(prefix + "/gain"), vars.get(prefix + "/bias"));
    }

    /** Keys or values {@code [B·L, kvWidth]} (or {@code [B, L, kvWidth]}) → {@code [B, kvHeads, L, headDim]}. */
    private Operand<TFloat32> kvHeads(Ops tf, Operand<TFloat32> rows, Operand<TInt32> length) {
        Operand<TFloat32> split = tf.reshape(rows,
                shape(tf, tf.constant(-1), length, tf.constant(arch.kvHeads()), tf.constant(arch.headDim())));
        return tf.linalg.transpose(split, tf.constant(new int[] {0, 2, 1, 3}));
    }

    /**
     * Queries {@code [B·L, dModel]} → each key/value head's stacked queries {@code [B, kvHeads, groupSize·L,
     * headDim]}, member-major (query head {@code g·groupSize + r} at position {@code i} is row {@code r·L + i} of
     * group {@code g}).
     */
    private Operand<TFloat32> queryGroups(Ops tf, Operand<TFloat32> rows, Operand<TInt32> length) {
        Operand<TInt32> kv = tf.constant(arch.kvHeads());
        Operand<TInt32> group = tf.constant(arch.groupSize());
        Operand<TInt32> dh = tf.constant(arch.headDim());
        Operand<TFloat32> split = tf.reshape(rows, shape(tf, tf.constant(-1), length, kv, group, dh));
        Operand<TFloat32> grouped = tf.linalg.transpose(split, tf.constant(new int[] {0, 2, 3, 1, 4}));
        return tf.reshape(grouped, shape(tf, tf.constant(-1), kv, tf.math.mul(group, length), dh));
    }

    /** The inverse of {@link #queryGroups}: {@code [B, kvHeads, groupSize·L, headDim]} → rows {@code [B·L, dModel]}. */
    private Operand<TFloat32> mergeQueryGroups(Ops tf, Operand<TFloat32> grouped, Operand<TInt32> length) {
        Operand<TFloat32> split = tf.reshape(grouped, shape(tf, tf.constant(-1), tf.constant(arch.kvHeads()),
                tf.constant(arch.groupSize()), length, tf.constant(arch.headDim())));
        return tf.reshape(tf.linalg.transpose(split, tf.constant(new int[] {0, 3, 1, 2, 4})),
                tf.constant(new int[] {-1, arch.dModel()}));
    }

    @SafeVarargs
    private static Operand<TInt32> shape(Ops tf, Operand<TInt32>... dims) {
        return tf.stack(List.of(dims));
    }
}
