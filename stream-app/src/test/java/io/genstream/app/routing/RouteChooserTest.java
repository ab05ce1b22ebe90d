package io.genstream.app.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.genstream.avro.ModelRoute;
import io.genstream.avro.RouteEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteChooserTest {

    static ModelRoute route(String alias, Object... versionsAndWeights) {
        ModelRoute.Builder route = ModelRoute.newBuilder().setAlias(alias).setUpdatedAt(0L);
        List<RouteEntry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < versionsAndWeights.length; i += 2) {
            entries.add(new RouteEntry((String) versionsAndWeights[i], ((Number) versionsAndWeights[i + 1]).doubleValue()));
        }
        return route.setRoutes(entries).build();
    }

    @Test
    void aRequestIdAlwaysMapsToTheSamePointInTheUnitInterval() {
        double first = RouteChooser.point("request-42");
        assertThat(RouteChooser.point("request-42")).isEqualTo(first);
        assertThat(first).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
        assertThat(RouteChooser.point("request-43")).isNotEqualTo(first);
    }

    @Test
    void eightyTwentyWeightsSendAboutAFifthOfRequestIdsToTheCanary() {
        ModelRoute route = route("digits-gan", "1", 8.0, "2", 2.0);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            counts.merge(RouteChooser.version(route, RouteChooser.point("req-" + i)).orElseThrow(), 1, Integer::sum);
        }
        assertThat(counts.get("2") / 20_000.0).isBetween(0.18, 0.22);
        assertThat(counts.get("1") + counts.get("2")).isEqualTo(20_000);
    }

    @Test
    void theCumulativeWeightsSplitTheIntervalInRouteOrderSkippingZeroWeights() {
        ModelRoute route = route("a", "1", 1.0, "off", 0.0, "2", 3.0);
        assertThat(RouteChooser.version(route, 0.0)).contains("1");
        assertThat(RouteChooser.version(route, 0.2499)).contains("1");
        assertThat(RouteChooser.version(route, 0.25)).contains("2");
        assertThat(RouteChooser.version(route, 0.9999)).contains("2");
    }

    @Test
    void aRouteWithNoPositiveWeightChoosesNothing() {
        assertThat(RouteChooser.version(route("a", "1", 0.0), 0.5)).isEmpty();
        assertThat(RouteChooser.version(route("a"), 0.5)).isEmpty();
    }

    @Test
    void theTableResolvesARoutedAliasToNameAtVersionAndAnUnroutedNameToItself() {
        RouteTable table = new RouteTable();
        table.put("digits-gan", route("digits-gan", "2", 1.0));
        assertThat(table.resolve("digits-gan", "any")).contains("digits-gan@2");
        assertThat(table.candidates("digits-gan")).containsExactly("digits-gan@2");
        table.put("digits-gan", route("digits-gan", "7", 1.0, "off", 0.0, "2", 1.0));
        assertThat(table.candidates("digits-gan")).containsExactly("digits-gan@7", "digits-gan@2");
        assertThat(table.candidates("catalog-gpt")).containsExactly("catalog-gpt");
        assertThat(table.resolve("catalog-gpt", "any")).contains("catalog-gpt");

        table.put("digits-gan", null); // tombstone
        assertThat(table.resolve("digits-gan", "any")).contains("digits-gan");
    }
}
