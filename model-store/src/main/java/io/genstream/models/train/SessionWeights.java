package io.genstream.models.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

import io.genstream.models.gan.ParameterSpec;
import io.genstream.models.tf.TensorCopies;

/**
 * Moving network weights between Java and a training session: the seeded starting values in (the
 * graph holds no random initialisers, so a seed fixes them on every machine), the trained values out.
 */
final class SessionWeights {

    private SessionWeights() {}

    /**
     * Runs {@code initialize}, feeding placeholder {@code i} with the initial values of spec {@code i}.
     */
    static void initialize(Session session, Op initialize, List<Placeholder<TFloat32>> placeholders,
            List<ParameterSpec> specs, long seed) {
        List<Tensor> tensors = new ArrayList<>();
        try {
            Session.Runner runner = session.runner().addTarget(initialize);
            for (int i = 0; i < specs.size(); i++) {
                TFloat32 value = TensorCopies.floats(specs.get(i).initialValues(seed), specs.get(i).shape());
                tensors.add(value);
                runner.feed(placeholders.get(i), value);
            }
            runner.run().close();
        } finally {
            tensors.forEach(Tensor::close);
        }
    }

    /** The current value of every spec's variable, by name, in spec order. */
    static Map<String, float[]> fetch(Session session, List<ParameterSpec> specs) {
        Map<String, float[]> weights = new LinkedHashMap<>();
        for (ParameterSpec spec : specs) {
            try (Result r = session.runner().fetch(spec.name()).run()) {
                weights.put(spec.name(), TensorCopies.toFloats(r.get(0)));
            }
        }
        return weights;
    }
}
