package io.genstream.models.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.genstream.models.gan.ParameterSpec;

/** Assertions on the weights a trainer returns (parameter name → values), shared by the trainers' tests. */
final class TrainedWeights {

    private TrainedWeights() {}

    /** The same parameters, in the same order, with the same float bits. */
    static void assertBitIdentical(Map<String, float[]> first, Map<String, float[]> second) {
        assertThat(first.keySet()).containsExactlyElementsOf(second.keySet());
        first.forEach((name, values) -> assertThat(second.get(name)).as(name).containsExactly(values));
    }

    /** Every parameter of {@code specs} has its full size and has left its seeded starting values. */
    static void assertEveryParameterMoved(Map<String, float[]> weights, List<ParameterSpec> specs, long seed) {
        for (ParameterSpec spec : specs) {
            assertThat(weights.get(spec.name()))
                    .as(spec.name())
                    .hasSize(spec.size())
                    .isNotEqualTo(spec.initialValues(seed));
        }
    }
}
