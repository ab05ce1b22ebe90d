package io.genstream.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.genstream.app.BrokerPerClass;
import io.genstream.app.ModelStoreCopies;
import io.genstream.app.routing.RouteFeed;
import io.genstream.app.routing.RouteTable;
import io.genstream.avro.ModelRoute;
import io.genstream.avro.RouteEntry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code models route|promote|list} against a real broker: what lands on the routes topic, and what list shows. */
@Tag("integration")
class ModelsRouteCommandTest {

    @RegisterExtension
    static final BrokerPerClass BROKER = new BrokerPerClass();

    @TempDir
    static Path store;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeAll
    static void copyModels() throws Exception {
        Path v1 = ModelStoreCopies.copyBundled("digits-gan", "1", store.resolve("store"));
        ModelStoreCopies.copyAs(v1, store.resolve("store"), "2");
    }

    private int run(String... words) throws Exception {
        String[] common = {"--bootstrap-servers", BROKER.bootstrapServers(), "--topic.prefix", "cli.",
            "--topic.replication.factor", "1", "--model-store", store.resolve("store").toString()};
        String[] args = new String[words.length + common.length];
        System.arraycopy(words, 0, args, 0, words.length);
        System.arraycopy(common, 0, args, words.length, common.length);
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private static Map<String, ModelRoute> routes() throws InterruptedException {
        RouteTable table = new RouteTable();
        try (RouteFeed feed = RouteFeed.start(Map.of("bootstrap.servers", BROKER.bootstrapServers()),
                "cli.model-routes", table)) {
            feed.awaitCaughtUp(Duration.ofSeconds(30));
        }
        return table.all();
    }

    @Test
    void routeWritesTheWeightsAndGateThenPromoteSendsEverythingToOneVersionAndListShowsIt() throws Exception {
        assertThat(run("models", "route", "digits-gan", "1=0.8", "2=0.2", "--max-frechet-distance", "40")).isZero();
        ModelRoute split = routes().get("digits-gan");
        assertThat(split.getRoutes()).extracting(RouteEntry::getVersion, RouteEntry::getWeight)
                .containsExactly(tuple("1", 0.8), tuple("2", 0.2));
        assertThat(split.getMaxFrechetDistance()).isEqualTo(40.0);
        assertThat(run("models", "list")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("digits-gan +1 +gan +\\d+ +ok +80%")
                .containsPattern("digits-gan +2 +gan +\\d+ +ok +20%");

        assertThat(run("models", "promote", "digits-gan", "2")).isZero();
        ModelRoute promoted = routes().get("digits-gan");
        assertThat(promoted.getRoutes()).extracting(RouteEntry::getVersion).containsExactly("2");
        assertThat(promoted.getMaxFrechetDistance()).isNull();
    }

    @Test
    void aVersionTheModelStoreDoesNotHaveIsRefusedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> run("models", "promote", "digits-gan", "9"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("digits-gan@9");
        assertThatThrownBy(() -> run("models", "route", "digits-gan", "1=0", "2=0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive weight");
    }
}
