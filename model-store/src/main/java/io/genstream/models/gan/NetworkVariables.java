package io.genstream.models.gan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.framework.DataType;
import org.tensorflow.types.TFloat32;

/**
 * The graph variables of a set of {@link ParameterSpec}s, created with exactly the spec names
 * (no uniquifying suffixes), so a checkpoint written by one graph restores into another.
 */
public final class NetworkVariables {

    private final Map<String, Variable<TFloat32>> byName;

    private NetworkVariables(Map<String, Variable<TFloat32>> byName) {
        this.byName = byName;
    }

    /**
     * Adds one uninitialised variable per spec to {@code graph}. The ops are built by hand because
     * TF Java's name scopes would make a second {@code generator/...} scope unique
     * ({@code generator_1/...}), and the names must match across graphs.
     */
    public static NetworkVariables declare(Graph graph, Ops tf, List<ParameterSpec> specs) {
        Map<String, Variable<TFloat32>> byName = new LinkedHashMap<>();
        for (ParameterSpec spec : specs) {
            GraphOperation op = graph.opBuilder(Variable.OP_NAME, spec.name(), tf.scope())
                    .setAttr("shape", spec.tfShape())
                    .setAttr("dtype", DataType.DT_FLOAT)
                    .build();
            byName.put(spec.name(), new Variable<>(op));
        }
        return new NetworkVariables(byName);
    }

    public Variable<TFloat32> get(String name) {
        Variable<TFloat32> variable = byName.get(name);
        if (variable == null) {
            throw new IllegalArgumentException("no variable " + name + " among " + byName.keySet());
        }
        return variable;
    }

    /** All variables, in declaration order. */
    public List<Variable<TFloat32>> all() {
        return List.copyOf(byName.values());
    }
}
