package io.genstream.models.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.genstream.models.lstm.CharLstmArchitecture;
import io.genstream.models.manifest.ModelManifest;
import io.genstream.models.text.CatalogCorpus;
import io.genstream.models.text.CatalogExample;
import io.genstream.models.text.CharVocabulary;
import io.genstream.models.text.SavedModelTextModel;
import io.genstream.models.text.TextModel;
import io.genstream.models.text.TextSignatures;
import io.genstream.models.train.CharLstmConfig;
import io.genstream.models.train.CharLstmTrainer;
import io.genstream.models.train.TrainedCharLstm;

/**
 * The exported catalog-lstm keeps the text contract: {@code prefill} of a sequence equals feeding
 * it token by token through {@code step}, and no row of a batch affects another.
 */
class CharLstmExportTest {

    private static final int MAX_LENGTH = 48;

    @TempDir
    static Path work;

    private static SavedModelTextModel model;
    private static CharLstmArchitecture arch;
    private static final List<int[]> SEQUENCES = new ArrayList<>();

    @BeforeAll
    static void trainExportAndReload() throws Exception {
        CharLstmConfig config = CharLstmConfig.tiny();
        arch = config.architecture();
        for (CatalogExample e : CatalogCorpus.generate(config.dataSeed(), config.dataSize())) {
            SEQUENCES.add(CharVocabulary.catalog().encode(e.trainingText()));
        }
        TrainedCharLstm trained = new CharLstmTrainer(config, line -> {}).train(SEQUENCES, "test", work.resolve("ckpt").toString());
        Path dir = work.resolve("catalog-lstm/1");
        try (CharLstmInferenceModel lstm = CharLstmInferenceModel.restore(arch, MAX_LENGTH, trained.checkpointPrefix(), 1)) {
            lstm.exportSavedModel(dir);
        }
        new ModelManifest("catalog-lstm", "1", "char-lstm", ModelManifest.FORMAT_SAVED_MODEL,
                TextSignatures.describe(arch.vocabularySize(), arch.stateSize()),
                Map.of("vocabulary", CharVocabulary.catalog().chars(), "stateSize", arch.stateSize(), "maxLength", MAX_LENGTH),
                Map.of(), Map.of(), Map.of()).withFilesOf(dir).write(dir);
        model = SavedModelTextModel.load(dir, 1);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void prefillEqualsFeedingTheSameTokensOneStepAtATime() {
        int[] sequence = java.util.Arrays.copyOf(SEQUENCES.get(0), 30);
        TextModel.Output prefilled = model.prefill(new int[][] {sequence});

        TextModel.Output stepped = model.prefill(new int[][] {{sequence[0]}});
        for (int t = 1; t < sequence.length; t++) {
            stepped = model.step(new int[] {sequence[t]}, new int[] {t}, stepped.state());
        }
        assertThat(prefilled.state()[0]).hasSize(arch.stateSize());
        assertThat(prefilled.logits()[0]).hasSize(arch.vocabularySize());
        assertClose(prefilled.logits()[0], stepped.logits()[0]);
        assertClose(prefilled.state()[0], stepped.state()[0]);
    }

    @Test
    void aRowGivesTheSameOutputWhateverElseIsInItsBatch() {
        int[] row = java.util.Arrays.copyOf(SEQUENCES.get(1), 20);
        TextModel.Output alone = model.prefill(new int[][] {row});
        int[][] batch = new int[8][];
        for (int r = 0; r < 8; r++) {
            batch[r] = java.util.Arrays.copyOf(SEQUENCES.get(2 + r), 5 + 4 * r);
        }
        batch[5] = row;
        TextModel.Output together = model.prefill(batch);
        assertClose(alone.logits()[0], together.logits()[5]);
        assertClose(alone.state()[0], together.state()[5]);

        int[] tokens = {3, 7, 11, 13, 17, 19, 23, 29};
        int[] positions = new int[8];
        float[][] states = together.state();
        TextModel.Output stepAlone = model.step(new int[] {tokens[5]}, new int[] {0}, new float[][] {states[5]});
        TextModel.Output stepTogether = model.step(tokens, positions, states);
        assertClose(stepAlone.logits()[0], stepTogether.logits()[5]);
        assertClose(stepAlone.state()[0], stepTogether.state()[5]);
    }

    @Test
    void paddingBeyondARowsLengthChangesNothing() {
        int[] row = java.util.Arrays.copyOf(SEQUENCES.get(3), 12);
        int[] longer = java.util.Arrays.copyOf(SEQUENCES.get(4), 40);
        TextModel.Output alone = model.prefill(new int[][] {row});
        TextModel.Output padded = model.prefill(new int[][] {row, longer});
        assertThat(padded.logits()[0]).containsExactly(alone.logits()[0]);
        assertThat(padded.state()[0]).containsExactly(alone.state()[0]);
    }

    /**
     * Prefill and step run the same ops on the same inputs, but oneDNN may pick another matmul
     * kernel for another batch size, which can change the last bits; 1e-5 on logits of order 1 is
     * far below anything sampling could notice, and far above such rounding.
     */
    private static void assertClose(float[] expected, float[] actual) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(Math.abs(actual[i] - expected[i])).as("index %d", i).isLessThan(1e-5f);
        }
    }
}
