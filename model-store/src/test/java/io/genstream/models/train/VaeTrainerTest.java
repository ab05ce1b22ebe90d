package io.genstream.models.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.genstream.models.data.DigitsDataset;
import io.genstream.models.gan.ParameterSpec;
import io.genstream.models.tf.TensorFlowNatives;
import io.genstream.models.vae.DigitsVae;

class VaeTrainerTest {

    @TempDir
    Path work;

    @BeforeAll
    static void natives() {
        TensorFlowNatives.ensureLocated();
    }

    private TrainedVae train(VaeConfig config, String name) {
        DigitsDataset data = DigitsDataset.generate(config.dataSeed(), config.dataSize());
        return new VaeTrainer(config, line -> {}).train(data, work.resolve(name).resolve("ckpt").toString());
    }

    @Test
    void retrainingWithTheSameConfigGivesBitIdenticalWeights() {
        VaeConfig config = VaeConfig.tiny().with(new TrainingOverrides(5, null, null, null, 2));
        TrainedVae first = train(config, "a");
        TrainedVae second = train(config, "b");
        TrainedWeights.assertBitIdentical(first.weights(), second.weights());
        assertThat(lossValues(second)).isEqualTo(lossValues(first));
    }

    @Test
    void aDifferentSeedGivesDifferentWeights() {
        TrainedVae first = train(VaeConfig.tiny(), "a");
        TrainedVae other = train(VaeConfig.tiny().with(new TrainingOverrides(null, 8L, null, null, null)), "b");
        assertThat(other.weights().get("decoder/dense/kernel")).isNotEqualTo(first.weights().get("decoder/dense/kernel"));
    }

    @Test
    void trainingMovesEveryParameterOfBothNetworks() {
        VaeConfig config = VaeConfig.tiny();
        TrainedVae trained = train(config, "a");
        List<ParameterSpec> specs = DigitsVae.parameters(config.architecture());
        assertThat(specs).anyMatch(s -> s.name().startsWith("encoder/")).anyMatch(s -> s.name().startsWith("decoder/"));
        TrainedWeights.assertEveryParameterMoved(trained.weights(), specs, config.seed());
    }

    /** The loss is reconstruction + w·KL with w on its warm-up ramp, and every part is a positive number of nats. */
    @Test
    void lossesAreRecordedEveryLogStepWithTheWarmUpWeight() {
        VaeConfig config = VaeConfig.tiny().with(new TrainingOverrides(4, null, null, null, null));
        TrainedVae trained = train(config, "a");
        assertThat(trained.losses()).extracting(VaeLossRecord::step).containsExactly(1, 2, 3, 4);
        assertThat(trained.losses()).extracting(VaeLossRecord::klWeight).containsExactly(0.5, 1.0, 1.0, 1.0);
        for (VaeLossRecord r : trained.losses()) {
            assertThat(r.reconstruction()).isFinite().isPositive();
            assertThat(r.kl()).isFinite().isPositive();
            assertThat(r.loss()).isCloseTo(r.reconstruction() + r.klWeight() * r.kl(), within(1e-3));
        }
        assertThat(trained.wallSeconds()).isPositive();
        assertThat(trained.dataSha256()).matches("[0-9a-f]{64}");
    }

    @Test
    void theKlWeightRisesLinearlyOverTheWarmUpThenStaysAtOne() {
        VaeConfig config = VaeConfig.standard();
        int warmup = config.klWarmupSteps();
        assertThat(config.klWeight(1)).isEqualTo(1f / warmup);
        assertThat(config.klWeight(warmup / 2)).isEqualTo(0.5f);
        assertThat(config.klWeight(warmup)).isEqualTo(1f);
        assertThat(config.klWeight(config.steps())).isEqualTo(1f);
    }

    private static List<List<Double>> lossValues(TrainedVae trained) {
        return trained.losses().stream().map(r -> List.of(r.loss(), r.reconstruction(), r.kl())).toList();
    }
}
