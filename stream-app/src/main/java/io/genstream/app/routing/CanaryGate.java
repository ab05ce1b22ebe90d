package io.genstream.app.routing;

import io.genstream.app.metrics.LifecycleMetrics;
import io.genstream.avro.ModelRoute;
import io.genstream.avro.QualityReport;
import io.genstream.avro.RouteEntry;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quality-gated canary. Reads the windowed quality reports of one model (keyed by model name,
 * so that every version of it meets in the same task), keeps each version's latest report in a
 * changelogged store, and when a report arrives judges every canary of that model's route — each
 * version with a positive weight other than the incumbent, the version with the largest weight —
 * with {@link CanaryVerdict}. A failing canary is rolled back: a new route without it, with the
 * reason, goes to the routes topic (in the same transaction as the report's offset) and into
 * {@code genstream.canary.rollbacks}. The route table learns it from the topic like every instance,
 * once committed: were the gate to change the table itself, an aborted transaction would leave this
 * instance rolled back and the topic not. Until then the gate remembers what it rolled back, so
 * that it writes each rollback once.
 *
 * <p>Only reports of windows that end after the route's last change count, so a version routed
 * again after a rollback is judged on its new traffic, not on the windows that rolled it back.
 */
public final class CanaryGate implements Processor<String, QualityReport, String, ModelRoute> {

    public static final String STORE = "canary-latest-reports";

    private static final Logger LOG = LoggerFactory.getLogger(CanaryGate.class);

    private final RouteTable routes;
    private final CanaryVerdict.Margins margins;
    private final long minCount;
    private final LifecycleMetrics metrics;
    private final Clock clock;
    private ProcessorContext<String, ModelRoute> context;
    private KeyValueStore<String, QualityReport> latest;
    /** {@code alias@version@routeUpdatedAt} of the rollbacks written by this processor. */
    private final Set<String> rolledBack = new HashSet<>();

    /**
     * @param minCount fewest items a window must have to be judged (or to judge by)
     */
    public CanaryGate(RouteTable routes, CanaryVerdict.Margins margins, long minCount, LifecycleMetrics metrics,
            Clock clock) {
        this.routes = routes;
        this.margins = margins;
        this.minCount = minCount;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, ModelRoute> context) {
        this.context = context;
        this.latest = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, QualityReport> record) {
        QualityReport report = record.value();
        if (report == null || report.getCount() < minCount) {
            return;
        }
        String name = report.getModelName();
        latest.put(name + "@" + report.getModelVersion(), report);
        routes.route(name).ifPresent(route -> judge(name, route));
    }

    private void judge(String alias, ModelRoute route) {
        List<RouteEntry> serving = route.getRoutes().stream().filter(e -> e.getWeight() > 0)
                .filter(e -> !rolledBack.contains(key(route, e.getVersion()))).toList();
        if (serving.size() < 2) {
            return;
        }
        RouteEntry incumbent = serving.stream().max(Comparator.comparingDouble(RouteEntry::getWeight)).orElseThrow();
        QualityReport incumbentReport = current(alias, incumbent.getVersion(), route);
        for (RouteEntry canary : serving) {
            QualityReport canaryReport = canary == incumbent ? null : current(alias, canary.getVersion(), route);
            if (canaryReport == null) {
                continue;
            }
            Optional<CanaryVerdict.Failure> failure =
                    CanaryVerdict.judge(canaryReport, incumbentReport, route, margins);
            if (failure.isPresent()) {
                rollBack(route, canary.getVersion(), canaryReport, failure.get());
                return; // one change per report: the next report judges the new route
            }
        }
    }

    private static String key(ModelRoute route, String version) {
        return route.getAlias() + "@" + version + "@" + route.getUpdatedAt();
    }

    private QualityReport current(String alias, String version, ModelRoute route) {
        QualityReport report = latest.get(alias + "@" + version);
        return report != null && report.getWindowEnd() > route.getUpdatedAt() ? report : null;
    }

    private void rollBack(ModelRoute route, String version, QualityReport window, CanaryVerdict.Failure failure) {
        String reason = "rollback of canary " + route.getAlias() + "@" + version + ": " + failure.reason()
                + " (window " + window.getWindowStart() + ".." + window.getWindowEnd() + ", " + window.getCount()
                + " items)";
        long now = clock.millis();
        ModelRoute withoutCanary = ModelRoute.newBuilder(route)
                // Without the earlier rollbacks of this route too, should the table not have them yet.
                .setRoutes(route.getRoutes().stream().filter(e -> !e.getVersion().equals(version)
                        && !rolledBack.contains(key(route, e.getVersion()))).toList())
                .setUpdatedAt(now)
                .setReason(reason)
                .build();
        rolledBack.add(key(route, version));
        metrics.rolledBack(route.getAlias(), version, failure.metric());
        LOG.warn("{}; route now {}", reason, withoutCanary.getRoutes());
        context.forward(new Record<>(route.getAlias(), withoutCanary, now));
    }
}
