package io.genstream.models.train;

import java.util.ArrayList;
import java.util.List;

import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

import io.genstream.models.gan.NetworkVariables;
import io.genstream.models.gan.ParameterSpec;

/**
 * The {@code initialize} op of a training graph: it assigns every network variable the value fed
 * to its placeholder (the Java-generated starting weights, see {@link SessionWeights#initialize})
 * and runs the other initialisers given (e.g. zeroing Adam's slots). The graph so holds no random
 * initialiser, and a seed fixes the start on every machine.
 *
 * @param initialize the op to run once, before the first step
 * @param values one placeholder per parameter, in spec order
 */
record WeightInitializer(Op initialize, List<Placeholder<TFloat32>> values) {

    static WeightInitializer create(Ops tf, NetworkVariables vars, List<ParameterSpec> specs, List<Op> alsoRun) {
        List<Op> inits = new ArrayList<>(alsoRun);
        List<Placeholder<TFloat32>> values = new ArrayList<>();
        List<Variable<TFloat32>> variables = vars.all();
        for (int i = 0; i < specs.size(); i++) {
            Placeholder<TFloat32> value = tf.placeholder(TFloat32.class, Placeholder.shape(specs.get(i).tfShape()));
            values.add(value);
            inits.add(tf.assign(variables.get(i), value));
        }
        return new WeightInitializer(tf.withName("initialize").withControlDependencies(inits).noOp(), List.copyOf(values));
    }
}
