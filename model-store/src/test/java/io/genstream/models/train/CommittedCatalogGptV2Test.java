package io.genstream.models.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.genstream.models.manifest.ModelManifest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code catalog-gpt/2}: the same training run as version 1 (the trainer is bit-reproducible, so its variables are
 * the same bytes), exported with the head-major, one-tensor-per-layer KV cache that a server keeps inside
 * TensorFlow between steps.
 */
class CommittedCatalogGptV2Test extends CommittedCatalogGptChecks {

    private static final String VARIABLES = "variables/variables.data-00000-of-00001";

    CommittedCatalogGptV2Test() {
        super("2");
    }

    @Test
    void itHoldsTheWeightsOfVersionOneAndItsCacheInOneTensorPerLayerKeysAndValues() {
        ModelManifest one = ModelManifest.read(Path.of("catalog-gpt", "1"));
        ModelManifest two = ModelManifest.read(Path.of("catalog-gpt", "2"));
        assertThat(two.files().get(VARIABLES)).isEqualTo(one.files().get(VARIABLES));
        assertThat(two.training().get("config")).isEqualTo(one.training().get("config"));
        int layers = two.intProperty("layers");
        assertThat(two.intProperty("stateTensors")).isEqualTo(2 * layers);
        assertThat(two.signatures().get("step").inputs().keySet())
                .containsExactlyInAnyOrder("token", "position", "state_0", "state_1", "state_2", "state_3");
    }
}
