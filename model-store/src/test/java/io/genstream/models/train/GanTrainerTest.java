package io.genstream.models.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.genstream.models.data.DigitsDataset;
import io.genstream.models.gan.DigitsGan;
import io.genstream.models.gan.ParameterSpec;
import io.genstream.models.tf.TensorFlowNatives;

class GanTrainerTest {

    @TempDir
    Path work;

    @BeforeAll
    static void natives() {
        TensorFlowNatives.ensureLocated();
    }

    private TrainedGan train(GanConfig config, String name) {
        DigitsDataset data = DigitsDataset.generate(config.dataSeed(), config.dataSize());
        return new GanTrainer(config, line -> {}).train(data, work.resolve(name).resolve("ckpt").toString());
    }

    @Test
    void retrainingWithTheSameSeedGivesBitIdenticalWeights() {
        GanConfig config = GanConfig.tiny().withSteps(5).withThreads(2);
        TrainedGan first = train(config, "a");
        TrainedGan second = train(config, "b");
        TrainedWeights.assertBitIdentical(first.weights(), second.weights());
        assertThat(lossValues(second)).isEqualTo(lossValues(first));
    }

    @Test
    void aDifferentSeedGivesDifferentWeights() {
        TrainedGan first = train(GanConfig.tiny(), "a");
        TrainedGan other = train(GanConfig.tiny().withSeed(8), "b");
        assertThat(other.weights().get("generator/dense/kernel"))
                .isNotEqualTo(first.weights().get("generator/dense/kernel"));
    }

    @Test
    void trainingMovesEveryParameterOfBothNetworks() {
        GanConfig config = GanConfig.tiny();
        TrainedGan trained = train(config, "a");
        TrainedWeights.assertEveryParameterMoved(trained.weights(), DigitsGan.parameters(config.architecture()), config.seed());
    }

    @Test
    void lossesAreRecordedEveryLogStepAndAreFinite() {
        GanConfig config = GanConfig.tiny().withSteps(4);
        TrainedGan trained = train(config, "a");
        assertThat(trained.losses()).extracting(LossRecord::step).containsExactly(1, 2, 3, 4);
        List<Double> values = new ArrayList<>();
        trained.losses().forEach(r -> {
            values.add(r.discriminatorLoss());
            values.add(r.generatorLoss());
        });
        assertThat(values).allSatisfy(v -> assertThat(v).isFinite().isPositive());
        assertThat(trained.wallSeconds()).isPositive();
        assertThat(trained.dataSha256()).matches("[0-9a-f]{64}");
    }

    @Test
    void initialWeightsDependOnTheSeedAndTheNameOnly() {
        ParameterSpec spec = new ParameterSpec("generator/dense/kernel", new long[] {3, 4}, 0.5);
        ParameterSpec renamed = new ParameterSpec("generator/other/kernel", new long[] {3, 4}, 0.5);
        assertThat(spec.initialValues(1)).containsExactly(spec.initialValues(1));
        assertThat(spec.initialValues(1)).isNotEqualTo(spec.initialValues(2));
        assertThat(spec.initialValues(1)).isNotEqualTo(renamed.initialValues(1));
        assertThat(new ParameterSpec("b", new long[] {5}, 0).initialValues(1)).containsOnly(0f);
    }

    private static List<List<Double>> lossValues(TrainedGan trained) {
        return trained.losses().stream().map(r -> List.of(r.discriminatorLoss(), r.generatorLoss())).toList();
    }
}
