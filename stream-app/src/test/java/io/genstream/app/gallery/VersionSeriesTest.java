package io.genstream.app.gallery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionSeriesTest {

    private static GalleryItem item(String version, long emittedAt, long latency, double confidence) {
        return GalleryItem.of(SampleContent.image("digits-gan", version, new byte[] {1},
                Map.of("classConfidence", confidence), emittedAt - latency, emittedAt));
    }

    @Test
    void bucketsItemsByEmitTimePerVersion() {
        VersionSeries series = new VersionSeries(1_000, 10, 4);
        series.add(item("1", 10_100, 20, 0.5));
        series.add(item("1", 10_900, 40, 1.0));
        series.add(item("1", 11_500, 10, 0.25));
        series.add(item("2", 10_200, 100, 0.75));

        List<VersionSeries.Point> v1 = series.points().get("digits-gan@1");
        assertThat(v1).extracting(VersionSeries.Point::startMillis).containsExactly(10_000L, 11_000L);
        assertThat(v1.get(0).items()).isEqualTo(2);
        assertThat(v1.get(0).itemsPerSecond()).isEqualTo(2.0);
        assertThat(v1.get(0).meanLatencyMs()).isCloseTo(30, within(1e-9));
        assertThat(v1.get(0).meanQuality()).isCloseTo(0.75, within(1e-9));
        assertThat(series.points().get("digits-gan@2")).hasSize(1);
        assertThat(series.totals().get("digits-gan@1").items()).isEqualTo(3);
        assertThat(series.totals().get("digits-gan@1").meanLatencyMs()).isCloseTo(70.0 / 3, within(1e-9));
    }

    @Test
    void keepsOnlyTheNewestBucketsAndTheFirstVersions() {
        VersionSeries series = new VersionSeries(1_000, 3, 1);
        for (long t = 0; t < 10; t++) {
            series.add(item("1", t * 1_000, 1, 1));
        }
        series.add(item("2", 9_000, 1, 1));
        assertThat(series.points()).containsOnlyKeys("digits-gan@1");
        assertThat(series.points().get("digits-gan@1")).extracting(VersionSeries.Point::startMillis)
                .containsExactly(7_000L, 8_000L, 9_000L);
        assertThat(series.totals().get("digits-gan@1").items()).isEqualTo(10);
    }

    @Test
    void aLateItemJoinsItsBucketWhenStillKept() {
        VersionSeries series = new VersionSeries(1_000, 5, 2);
        series.add(item("1", 1_000, 1, 1));
        series.add(item("1", 2_000, 1, 1));
        series.add(item("1", 1_500, 1, 1));
        assertThat(series.points().get("digits-gan@1")).extracting(VersionSeries.Point::items).containsExactly(2L, 1L);
    }
}
