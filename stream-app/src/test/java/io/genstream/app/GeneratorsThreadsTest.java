package io.genstream.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genstream.app.config.GenstreamConfig;
import io.genstream.app.metrics.GenstreamMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TensorFlow's thread counts: by default one fewer intra-op thread than the cores (at least one), handed to DJL's
 * engine as it reads them; a configured count as given; a negative one refused.
 */
class GeneratorsThreadsTest {

    private static final String INTRA = "ai.djl.tensorflow.num_intraop_threads";
    private static final String INTER = "ai.djl.tensorflow.num_interop_threads";

    private String intraBefore;
    private String interBefore;

    @BeforeEach
    void remember() {
        intraBefore = System.getProperty(INTRA);
        interBefore = System.getProperty(INTER);
    }

    @AfterEach
    void restore() {
        restore(INTRA, intraBefore);
        restore(INTER, interBefore);
    }

    @Test
    void theDefaultLeavesOneCoreToTheRestOfTheProcess() {
        assertThat(Generators.defaultIntraOpThreads(1)).isEqualTo(1);
        assertThat(Generators.defaultIntraOpThreads(2)).isEqualTo(1);
        assertThat(Generators.defaultIntraOpThreads(4)).isEqualTo(3);
        assertThat(Generators.defaultIntraOpThreads(16)).isEqualTo(15);
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(Generators.intraOpThreads(GenstreamConfig.of(Map.of()))).isEqualTo(Math.max(1, cores - 1));
        assertThat(Generators.intraOpThreads(GenstreamConfig.of(Map.of("generator.intra.op.threads", "3")))).isEqualTo(3);
    }

    @Test
    void theEngineGetsTheDefaultOrTheConfiguredCounts(@TempDir Path empty) throws Exception {
        System.clearProperty(INTRA);
        System.clearProperty(INTER);
        load(Map.of("models.dir", empty.toString()));
        assertThat(System.getProperty(INTRA))
                .isEqualTo(Integer.toString(Generators.defaultIntraOpThreads(Runtime.getRuntime().availableProcessors())));
        assertThat(System.getProperty(INTER)).as("TensorFlow's own default").isNull();

        load(Map.of("models.dir", empty.toString(), "generator.intra.op.threads", "3", "generator.inter.op.threads", "2"));
        assertThat(System.getProperty(INTRA)).isEqualTo("3");
        assertThat(System.getProperty(INTER)).isEqualTo("2");
    }

    @Test
    void aNegativeCountIsRefused(@TempDir Path empty) {
        assertThatThrownBy(() -> Generators.load(
                GenstreamConfig.of(Map.of("models.dir", empty.toString(), "generator.intra.op.threads", "-1")),
                new GenstreamMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(INTRA);
    }

    /** Loads from an empty store: no models, but the engine's settings are made all the same. */
    private static void load(Map<String, String> settings) throws Exception {
        Generators.load(GenstreamConfig.of(settings),
                new GenstreamMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))).close();
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
