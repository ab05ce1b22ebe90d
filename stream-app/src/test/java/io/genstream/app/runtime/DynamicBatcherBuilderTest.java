package io.genstream.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Required settings have no defaults here: the typed configuration is the one place defaults live. */
class DynamicBatcherBuilderTest {

    private static DynamicBatcher.Builder<Integer, Integer> complete() {
        return DynamicBatcher.<Integer, Integer>builder()
                .setName("builder-test")
                .setMaxBatchSize(8)
                .setMaxBatchDelay(Duration.ofMillis(5))
                .setQueueCapacity(64)
                .setHandlers(List.of(new DoublingHandler()));
    }

    @Test
    void completeBuilderStartsABatcherThatReportsItsSettings() {
        try (DynamicBatcher<Integer, Integer> batcher = complete().build()) {
            assertThat(batcher.name()).isEqualTo("builder-test");
            assertThat(batcher.capacity()).isEqualTo(64);
            assertThat(batcher.queueDepth()).isZero();
        }
    }

    @Test
    void missingOrInvalidSettingsAreRejectedWithTheirName() {
        assertThatThrownBy(() -> DynamicBatcher.<Integer, Integer>builder().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> complete().setMaxBatchSize(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBatchSize");
        assertThatThrownBy(() -> complete().setMaxBatchDelay(Duration.ofMillis(-1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBatchDelay");
        assertThatThrownBy(() -> complete().setQueueCapacity(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("queueCapacity");
        assertThatThrownBy(() -> complete().optTargetBusy(-0.1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("targetBusy");
        assertThatThrownBy(() -> complete().optTargetBusy(1.5).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("targetBusy");
        assertThatThrownBy(() -> complete().setHandlers(List.of()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("handler");
    }
}
