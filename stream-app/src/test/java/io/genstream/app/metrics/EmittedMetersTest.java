package io.genstream.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.genstream.app.gallery.SampleContent;
import io.genstream.avro.GeneratedContent;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EmittedMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final GenstreamMetrics metrics = new GenstreamMetrics(registry);

    @Test
    void countsItemsByKindAndTimesCreatedToEmittedPerModelVersion() {
        metrics.emitted(SampleContent.image("digits-gan", "1", new byte[] {1}, Map.of(), 1_000, 1_250));
        metrics.emitted(SampleContent.image("digits-gan", "1", new byte[] {1}, Map.of(), 1_000, 1_050));
        metrics.emitted(SampleContent.text("catalog-gpt", "3", "hi", Map.of(), 1_000, 1_400));

        assertThat(registry.get(GenstreamMetrics.ITEMS_EMITTED).tags(ModelTags.of("digits-gan@1"))
                .tag("kind", "IMAGE").counter().count()).isEqualTo(2.0);
        assertThat(registry.get(GenstreamMetrics.ITEMS_EMITTED).tag("model", "catalog-gpt").tag("version", "3")
                .tag("kind", "TEXT").counter().count()).isEqualTo(1.0);
        Timer images = registry.get(GenstreamMetrics.END_TO_END).tags(ModelTags.of("digits-gan", "1")).timer();
        assertThat(images.count()).isEqualTo(2);
        assertThat(images.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(300.0);
        assertThat(images.max(TimeUnit.MILLISECONDS)).isEqualTo(250.0);
    }

    @Test
    void aProducerClockAheadOfOursCountsAsZeroLatency() {
        metrics.emitted(SampleContent.text("catalog-gpt", "3", "hi", Map.of(), 2_000, 1_000));
        assertThat(registry.get(GenstreamMetrics.END_TO_END).timer().max(TimeUnit.MILLISECONDS)).isZero();
    }

    @Test
    void listenersSeeEveryEmittedItem() {
        List<GeneratedContent> seen = new ArrayList<>();
        metrics.onEmitted(seen::add);
        GeneratedContent content = SampleContent.text("catalog-gpt", "3", "hi", Map.of(), 0, 1);
        metrics.emitted(content);
        assertThat(seen).containsExactly(content);
    }

    @Test
    void modelTagsSplitTheIdAtItsLastAt() {
        assertThat(ModelTags.of("digits-gan@2")).isEqualTo(ModelTags.of("digits-gan", "2"));
        assertThat(ModelTags.of("plain")).isEqualTo(ModelTags.of("plain", ""));
    }
}
