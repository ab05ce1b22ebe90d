package io.genstream.models.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.genstream.models.manifest.SavedModelFiles;
import io.genstream.models.text.CatalogCorpus;
import io.genstream.models.text.CatalogExample;
import io.genstream.models.text.CharVocabulary;

class CharLstmTrainerTest {

    @TempDir
    Path work;

    @Test
    void sameConfigGivesBitIdenticalWeightsAndTheLossFalls() {
        CharLstmConfig config = CharLstmConfig.tiny().withSteps(12);
        List<int[]> sequences = new ArrayList<>();
        for (CatalogExample e : CatalogCorpus.generate(config.dataSeed(), config.dataSize())) {
            sequences.add(CharVocabulary.catalog().encode(e.trainingText()));
        }
        TrainedCharLstm a = new CharLstmTrainer(config, line -> {}).train(sequences, "x", work.resolve("a").toString());
        TrainedCharLstm b = new CharLstmTrainer(config, line -> {}).train(sequences, "x", work.resolve("b").toString());

        assertThat(SavedModelFiles.sha256(Path.of(a.checkpointPrefix() + ".data-00000-of-00001")))
                .isEqualTo(SavedModelFiles.sha256(Path.of(b.checkpointPrefix() + ".data-00000-of-00001")));
        assertThat(lossColumn(a)).isEqualTo(lossColumn(b)).hasSize(12);
        assertThat(a.finalLoss()).isLessThan(a.losses().get(0).get(1).doubleValue());
    }

    private static List<Double> lossColumn(TrainedCharLstm trained) {
        return trained.losses().stream().map(r -> r.get(1).doubleValue()).toList();
    }

    @Test
    void learningRateFollowsACosineFromStartToFinal() {
        CharLstmConfig config = CharLstmConfig.standard();
        assertThat(config.learningRateAt(1)).isEqualTo(config.learningRate());
        assertThat(config.learningRateAt(config.steps())).isCloseTo(config.finalLearningRate(), org.assertj.core.api.Assertions.within(1e-12));
        double middle = config.learningRateAt((config.steps() + 1) / 2);
        assertThat(middle).isCloseTo((config.learningRate() + config.finalLearningRate()) / 2, org.assertj.core.api.Assertions.within(1e-5));
    }
}
