package io.genstream.models.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.genstream.models.manifest.ModelManifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.framework.NodeDef;
import org.tensorflow.proto.framework.SavedModel;

/**
 * {@code catalog-gpt/3}: the same training run as versions 1 and 2 (the same variable bytes), exported with a step
 * that writes its KV cache in place ({@code InplaceUpdate}: no copy of the cache per token) and attention on
 * {@code BatchMatMulV3}.
 */
class CommittedCatalogGptV3Test extends CommittedCatalogGptChecks {

    private static final String VARIABLES = "variables/variables.data-00000-of-00001";

    CommittedCatalogGptV3Test() {
        super("3");
    }

    @Test
    void itHoldsTheWeightsOfVersionTwoAndItsStepWritesTheCacheInPlace() throws Exception {
        ModelManifest two = ModelManifest.read(Path.of("catalog-gpt", "2"));
        ModelManifest three = ModelManifest.read(Path.of("catalog-gpt", "3"));
        assertThat(three.files().get(VARIABLES)).isEqualTo(two.files().get(VARIABLES));
        assertThat(three.training().get("config")).isEqualTo(two.training().get("config"));
        assertThat(three.signatures()).isEqualTo(two.signatures());
        assertThat((String) three.properties().get("stateUpdate")).startsWith("in place");

        SavedModel savedModel = SavedModel.parseFrom(Files.readAllBytes(Path.of("catalog-gpt", "3", "saved_model.pb")));
        Set<String> ops = savedModel.getMetaGraphs(0).getGraphDef().getNodeList().stream().map(NodeDef::getOp)
                .collect(Collectors.toSet());
        assertThat(ops).contains("InplaceUpdate", "BatchMatMulV3").doesNotContain("TensorScatterUpdate");
    }
}
