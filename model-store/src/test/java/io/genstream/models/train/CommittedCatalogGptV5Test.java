package io.genstream.models.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.genstream.models.manifest.ModelManifest;
import io.genstream.models.text.TextSignatures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.framework.NodeDef;
import org.tensorflow.proto.framework.SavedModel;

/**
 * {@code catalog-gpt/5}: version 4's weights exported with a cheaper graph ({@code --weights-of 4}): prefill runs
 * the last block at each prompt's last position only (besides its keys and values), and step takes the KV cache
 * at any length that holds the positions it writes. Same weights, same figures as version 4.
 */
class CommittedCatalogGptV5Test extends CommittedCatalogGptChecks {

    CommittedCatalogGptV5Test() {
        super("5");
    }

    @Test
    void itIsVersion4sWeightsWithAStepThatTakesTheCacheAtAnyLength() throws Exception {
        ModelManifest five = ModelManifest.read(Path.of("catalog-gpt", "5"));
        ModelManifest four = ModelManifest.read(Path.of("catalog-gpt", "4"));
        assertThat((String) five.training().get("weightsOf")).startsWith("catalog-gpt@4");
        assertThat(five.training().get("config")).isEqualTo(four.training().get("config"));
        assertThat(Files.readAllBytes(Path.of("catalog-gpt", "5", "variables", "variables.data-00000-of-00001")))
                .as("the same weights").isEqualTo(
                        Files.readAllBytes(Path.of("catalog-gpt", "4", "variables", "variables.data-00000-of-00001")));
        for (String figure : List.of("heldOutPerplexity", "grammarValidRate", "contextValidRate")) {
            assertThat(five.evaluation().get(figure)).as(figure).isEqualTo(four.evaluation().get(figure));
        }
        for (int i = 0; i < 4; i++) {
            assertThat(five.signatures().get(TextSignatures.PREFILL).outputs().get(TextSignatures.state(i)).shape())
                    .containsExactly(-1L, 1L, 160L, 24L);
            assertThat(five.signatures().get(TextSignatures.STEP).inputs().get(TextSignatures.state(i)).shape())
                    .containsExactly(-1L, 1L, -1L, 24L);
        }

        SavedModel savedModel = SavedModel.parseFrom(Files.readAllBytes(Path.of("catalog-gpt", "5", "saved_model.pb")));
        Set<String> ops = savedModel.getMetaGraphs(0).getGraphDef().getNodeList().stream().map(NodeDef::getOp)
                .collect(Collectors.toSet());
        assertThat(ops).contains("InplaceUpdate", "BatchMatMulV3").doesNotContain("TensorScatterUpdate");
        assertThat(savedModel.getMetaGraphs(0).getSignatureDefMap().get(TextSignatures.STEP).getInputsMap()
                .get(TextSignatures.state(0)).getTensorShape().getDim(2).getSize()).as("step's cache length in the graph")
                .isEqualTo(-1L);
    }
}
