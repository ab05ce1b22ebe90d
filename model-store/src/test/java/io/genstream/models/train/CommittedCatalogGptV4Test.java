package io.genstream.models.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.genstream.models.manifest.ModelManifest;
import io.genstream.models.text.TextSignatures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.framework.NodeDef;
import org.tensorflow.proto.framework.SavedModel;

/**
 * {@code catalog-gpt/4}: multi-query attention (four query heads sharing one key/value head per layer), trained
 * from scratch with the standard config; its KV cache is a quarter of version 3's and its step keeps version 3's
 * in-place cache write and {@code BatchMatMulV3} attention.
 */
class CommittedCatalogGptV4Test extends CommittedCatalogGptChecks {

    CommittedCatalogGptV4Test() {
        super("4");
    }

    @Test
    void itSharesOneKeyValueHeadAcrossItsFourQueryHeads() throws Exception {
        ModelManifest four = ModelManifest.read(Path.of("catalog-gpt", "4"));
        assertThat(four.properties()).containsEntry("heads", 4).containsEntry("kvHeads", 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) four.training().get("config");
        assertThat(config).containsEntry("heads", 4).containsEntry("kvHeads", 1);
        assertThat(four.intProperty("stateSize")).isEqualTo(2 * 2 * 160 * 24);
        for (int i = 0; i < 4; i++) {
            assertThat(four.signatures().get(TextSignatures.STEP).inputs().get(TextSignatures.state(i)).shape())
                    .containsExactly(-1L, 1L, 160L, 24L);
        }
        assertThat((String) four.properties().get("stateUpdate")).startsWith("in place");

        SavedModel savedModel = SavedModel.parseFrom(Files.readAllBytes(Path.of("catalog-gpt", "4", "saved_model.pb")));
        Set<String> ops = savedModel.getMetaGraphs(0).getGraphDef().getNodeList().stream().map(NodeDef::getOp)
                .collect(Collectors.toSet());
        assertThat(ops).contains("InplaceUpdate", "BatchMatMulV3").doesNotContain("TensorScatterUpdate");
    }
}
