package io.genstream.models.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.genstream.models.classifier.ClassifierNetwork;
import io.genstream.models.data.DigitsDataset;
import io.genstream.models.export.ClassifierInferenceModel;
import io.genstream.models.gan.ParameterSpec;
import io.genstream.models.tf.TensorFlowNatives;

class ClassifierTrainerTest {

    @TempDir
    Path work;

    @BeforeAll
    static void natives() {
        TensorFlowNatives.ensureLocated();
    }

    private TrainedClassifier train(ClassifierConfig config, String name) {
        DigitsDataset data = DigitsDataset.generate(config.dataSeed(), config.dataSize());
        return new ClassifierTrainer(config, line -> {}).train(data, work.resolve(name).resolve("ckpt").toString());
    }

    @Test
    void retrainingWithTheSameConfigGivesBitIdenticalWeights() {
        ClassifierConfig config = ClassifierConfig.tiny().with(new TrainingOverrides(5, null, null, null, 2));
        TrainedClassifier first = train(config, "a");
        TrainedClassifier second = train(config, "b");
        TrainedWeights.assertBitIdentical(first.weights(), second.weights());
        assertThat(lossValues(second)).isEqualTo(lossValues(first));
    }

    @Test
    void aDifferentSeedGivesDifferentWeights() {
        TrainedClassifier first = train(ClassifierConfig.tiny(), "a");
        TrainedClassifier other = train(ClassifierConfig.tiny().with(new TrainingOverrides(null, 8L, null, null, null)), "b");
        assertThat(other.weights().get("classifier/logits/kernel")).isNotEqualTo(first.weights().get("classifier/logits/kernel"));
    }

    @Test
    void trainingMovesEveryParameter() {
        ClassifierConfig config = ClassifierConfig.tiny();
        TrainedClassifier trained = train(config, "a");
        List<ParameterSpec> specs = ClassifierNetwork.parameters(config.architecture());
        assertThat(specs).extracting(ParameterSpec::name).contains("classifier/features/kernel", "classifier/logits/kernel");
        TrainedWeights.assertEveryParameterMoved(trained.weights(), specs, config.seed());
    }

    /**
     * A few hundred steps on a small network already tell most digits apart: the loss, its
     * gradients and the labels are wired the right way round (a chance classifier scores 0.1).
     */
    @Test
    void aShortRunLearnsToClassifyHeldOutDigits() {
        ClassifierConfig config = new ClassifierConfig(8, 16, 250, 32, 3e-3, 0.9, 0.999, 1L, 5L, 2_000, 300, 30, 2, 50);
        TrainedClassifier trained = train(config, "a");
        assertThat(trained.losses()).extracting(ClassifierLossRecord::step).containsExactly(50, 100, 150, 200, 250);
        assertThat(trained.finalLosses().loss()).isLessThan(trained.losses().get(0).loss());
        DigitsDataset heldOut = DigitsDataset.generate(config.dataSeed() + 1, config.heldOutSize());
        try (ClassifierInferenceModel model =
                ClassifierInferenceModel.restore(config.architecture(), trained.checkpointPrefix(), 1)) {
            double accuracy = (double) new ClassifierEvaluator(model).heldOut(heldOut).figures().get("heldOutAccuracy");
            assertThat(accuracy).isGreaterThan(0.7);
        }
    }

    @Test
    void theLearningRateIsConstantForHalfTheRunThenFallsToZero() {
        ClassifierConfig config = ClassifierConfig.standard();
        int steps = config.steps();
        assertThat(config.learningRate(1)).isEqualTo((float) config.learningRate());
        assertThat(config.learningRate(steps / 2)).isEqualTo((float) config.learningRate());
        assertThat(config.learningRate(steps * 3 / 4 + 1)).isEqualTo((float) (config.learningRate() / 2));
        // The last step still moves, by 2/steps of the rate: the schedule reaches 0 just after it.
        assertThat((double) config.learningRate(steps)).isCloseTo(2 * config.learningRate() / steps, within(1e-9));
    }

    private static List<List<Double>> lossValues(TrainedClassifier trained) {
        return trained.losses().stream().map(r -> List.of(r.loss(), r.accuracy())).toList();
    }
}
