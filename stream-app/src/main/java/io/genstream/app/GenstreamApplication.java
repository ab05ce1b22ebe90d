package io.genstream.app;

import io.genstream.app.config.GenstreamConfig;
import io.genstream.app.generator.ModelCatalog;
import io.genstream.app.kafka.TopicAdmin;
import io.genstream.app.metrics.GenstreamMetrics;
import io.genstream.app.quality.QualityObservation;
import io.genstream.app.metrics.LifecycleMetrics;
import io.genstream.app.routing.CanaryGate;
import io.genstream.app.routing.CanaryVerdict;
import io.genstream.app.routing.ModelStoreWatcher;
import io.genstream.app.routing.RouteFeed;
import io.genstream.app.routing.RouteTable;
import io.genstream.app.runtime.BatchSettings;
import io.genstream.app.topology.CanaryFlow;
import io.genstream.app.topology.NoiseSeedTopology;
import io.genstream.app.topology.PromptTopology;
import io.genstream.app.topology.QualityTopology;
import io.genstream.app.topology.RequestRateLimit;
import io.genstream.app.topology.Topics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One genstream instance: the topologies over a Kafka cluster, exactly-once. Run more instances
 * with the same {@code application.id} (and more input partitions) to scale out.
 */
public final class GenstreamApplication implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GenstreamApplication.class);

    private final GenstreamConfig config;
    private final Topics topics;
    private final KafkaStreams streams;
    private final KafkaStreamsMetrics streamsMetrics;
    private final RouteTable routes;
    private final RouteFeed routeFeed;
    /** Adds versions dropped into the model store; null when scanning is off. */
    private final ModelStoreWatcher watcher;
    /** A temporary state folder this instance made (no streams.state.dir set), removed on close. */
    private final Path temporaryStateDir;

    private GenstreamApplication(GenstreamConfig config, Topics topics, KafkaStreams streams,
            KafkaStreamsMetrics streamsMetrics, RouteTable routes, RouteFeed routeFeed, ModelStoreWatcher watcher,
            Path temporaryStateDir) {
        this.config = config;
        this.topics = topics;
        this.streams = streams;
        this.streamsMetrics = streamsMetrics;
        this.routes = routes;
        this.routeFeed = routeFeed;
        this.watcher = watcher;
        this.temporaryStateDir = temporaryStateDir;
    }

    /**
     * The full topology of genstream, as run in production and driven by the tests. Windowed
     * Fréchet distances compare against the catalog's reference statistics
     * ({@link ModelCatalog#reference}).
     */
    public static Topology topology(GenstreamConfig config, ModelCatalog models, GenstreamMetrics metrics, Clock clock) {
        return topology(config, models, new RouteTable(), metrics, clock);
    }

    /** The full topology, requests resolved to model versions by {@code routes}. */
    public static Topology topology(GenstreamConfig config, ModelCatalog models, RouteTable routes,
            GenstreamMetrics metrics, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        Topics topics = topics(config);
        Duration maxBlock = Duration.ofMillis(config.get(GenstreamConfig.MAX_BLOCK_MS));
        KStream<String, QualityObservation> images = NoiseSeedTopology.build(builder, topics, models, routes,
                new NoiseSeedTopology.Settings(
                        config.get(GenstreamConfig.MAX_COUNT),
                        config.get(GenstreamConfig.MAX_STEPS),
                        config.get(GenstreamConfig.MAX_INPUT_BYTES),
                        rateLimit(config),
                        drainInterval(config),
                        maxBlock), metrics, clock);
        KStream<String, QualityObservation> texts = PromptTopology.build(builder, topics, models, routes,
                new PromptTopology.Settings(
                        config.get(GenstreamConfig.MAX_PROMPT_CHARS),
                        config.get(GenstreamConfig.MAX_TOKENS),
                        config.get(GenstreamConfig.MAX_INPUT_BYTES),
                        rateLimit(config),
                        drainInterval(config),
                        maxBlock), metrics, clock);
        QualityTopology.build(builder, topics, images.merge(texts, Named.as("quality-observations")),
                qualitySettings(config), models::reference, metrics);
        CanaryVerdict.Margins margins = new CanaryVerdict.Margins(
                config.get(GenstreamConfig.CANARY_MAX_FRECHET_INCREASE),
                config.get(GenstreamConfig.CANARY_MAX_GRAMMAR_VALID_DROP));
        LifecycleMetrics lifecycle = new LifecycleMetrics(metrics.registry());
        CanaryFlow.build(builder, topics, () -> new CanaryGate(routes, margins,
                config.get(GenstreamConfig.CANARY_MIN_COUNT), lifecycle, clock));
        return builder.build();
    }

    static QualityTopology.Settings qualitySettings(GenstreamConfig config) {
        return new QualityTopology.Settings(
                Duration.ofMillis(config.get(GenstreamConfig.QUALITY_WINDOW_MS)),
                Duration.ofMillis(config.get(GenstreamConfig.QUALITY_GRACE_MS)),
                config.get(GenstreamConfig.QUALITY_IMAGE_SAMPLE_SIZE),
                config.get(GenstreamConfig.QUALITY_TEXT_SAMPLE_SIZE));
    }

    /** The per-key request rate both intakes enforce; off unless configured. */
    static RequestRateLimit rateLimit(GenstreamConfig config) {
        return new RequestRateLimit(config.get(GenstreamConfig.RATE_LIMIT_PER_KEY),
                Duration.ofMillis(config.get(GenstreamConfig.RATE_LIMIT_WINDOW_MS)));
    }

    /**
     * Finished requests are emitted this often: a quarter of the batch delay, at most {@value #MAX_DRAIN_MS} ms
     * (with pacing a batch may run long before its delay is up), at least 1 ms.
     */
    static Duration drainInterval(GenstreamConfig config) {
        long quarter = config.get(GenstreamConfig.BATCH_MAX_DELAY_MS) / 4;
        return Duration.ofMillis(Math.max(1, Math.min(MAX_DRAIN_MS, quarter)));
    }

    /** The longest interval between two emissions of finished requests. */
    static final long MAX_DRAIN_MS = 2;

    /**
     * The batching of every model version, from the configuration. The queue must hold the
     * largest request whole (its items are submitted all or none), or that request could never run.
     */
    public static BatchSettings batchSettings(GenstreamConfig config) {
        int capacity = config.get(GenstreamConfig.BATCH_QUEUE_CAPACITY);
        int largest = Math.max(config.get(GenstreamConfig.MAX_COUNT), config.get(GenstreamConfig.MAX_STEPS));
        if (capacity < largest) {
            throw new IllegalArgumentException(GenstreamConfig.BATCH_QUEUE_CAPACITY.name() + " (" + capacity
                    + ") must be at least the largest request (" + largest + " items: "
                    + GenstreamConfig.MAX_COUNT.name() + ", " + GenstreamConfig.MAX_STEPS.name() + ")");
        }
        return new BatchSettings(config.get(GenstreamConfig.BATCH_MAX_SIZE),
                Duration.ofMillis(config.get(GenstreamConfig.BATCH_MAX_DELAY_MS)), capacity,
                config.get(GenstreamConfig.BATCH_TARGET_BUSY));
    }

    public static Topics topics(GenstreamConfig config) {
        return Topics.withPrefix(config.get(GenstreamConfig.TOPIC_PREFIX));
    }

    /** Settings shared by every Kafka client genstream makes: address and security. */
    public static Map<String, Object> clientConfig(GenstreamConfig config) {
        Map<String, Object> client = new HashMap<>(config.kafkaClientOverrides());
        client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.get(GenstreamConfig.BOOTSTRAP_SERVERS));
        return client;
    }

    /** Kafka Streams settings: exactly-once v2 always; the rest from the configuration. */
    public static Properties streamsProperties(GenstreamConfig config) {
        Properties props = new Properties();
        props.putAll(clientConfig(config));
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.get(GenstreamConfig.APPLICATION_ID));
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.get(GenstreamConfig.STREAM_THREADS));
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.get(GenstreamConfig.COMMIT_INTERVAL_MS));
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir(config).toString());
        // The stream thread must wake often enough to emit finished batches between polls.
        props.put(StreamsConfig.POLL_MS_CONFIG, drainInterval(config).toMillis());
        // A request task reads two independent topics (noise seeds and prompts), so there is no order
        // between them to wait for: without this, Kafka Streams checks (and formats a log line for)
        // the empty one before every record it processes. The quality windows come after a
        // repartition, whose tasks have one input each, so their ordering is unchanged.
        props.putIfAbsent(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
        // A stream thread blocked on a full model queue must still poll in time: Streams polls
        // again once half of max.poll.interval.ms has passed, so one wait stays well below that.
        long maxPollInterval = Long.parseLong(String.valueOf(props.getOrDefault(
                StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG),
                props.getOrDefault(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 300_000))));
        if (config.get(GenstreamConfig.MAX_BLOCK_MS) > maxPollInterval / 4) {
            throw new IllegalArgumentException(GenstreamConfig.MAX_BLOCK_MS.name() + " must be at most a quarter of "
                    + ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG + " (" + maxPollInterval + " ms)");
        }
        // Opt in now to what Kafka 5.0 makes the default (and silence its start-up warning).
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        return props;
    }

    private static Path stateDir(GenstreamConfig config) {
        String configured = config.get(GenstreamConfig.STATE_DIR);
        if (!configured.isBlank()) {
            return Path.of(configured);
        }
        try {
            return Files.createTempDirectory("genstream-state-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a state folder", e);
        }
    }

    /**
     * Creates missing topics (when configured to), reads the routes in force, then starts the
     * topologies.
     */
    public static GenstreamApplication start(GenstreamConfig config, ModelCatalog models, GenstreamMetrics metrics) {
        Topics topics = topics(config);
        if (config.get(GenstreamConfig.TOPIC_CREATE)) {
            TopicAdmin.ensureTopics(clientConfig(config), topics.names(), Set.of(topics.modelRoutes().name()),
                    config.get(GenstreamConfig.TOPIC_PARTITIONS), config.get(GenstreamConfig.TOPIC_REPLICATION));
        }
        RouteTable routes = new RouteTable();
        RouteFeed routeFeed = RouteFeed.start(clientConfig(config), topics.modelRoutes().name(), routes);
        try {
            // Requests are routed by the routes already written, not by an empty table.
            routeFeed.awaitCaughtUp(Duration.ofSeconds(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            routeFeed.close();
            throw new IllegalStateException("interrupted while reading the routes", e);
        }
        Topology topology = topology(config, models, routes, metrics, Clock.systemUTC());
        Properties props = streamsProperties(config);
        Path temporaryStateDir = config.get(GenstreamConfig.STATE_DIR).isBlank()
                ? Path.of(props.getProperty(StreamsConfig.STATE_DIR_CONFIG))
                : null;
        KafkaStreams streams = new KafkaStreams(topology, props);
        // A failed thread is replaced: its uncommitted transaction is aborted and redone.
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("Stream thread failed; replacing it", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(metrics.registry());
        streams.start();
        long scanInterval = config.get(GenstreamConfig.MODELS_SCAN_INTERVAL_MS);
        ModelStoreWatcher watcher = scanInterval <= 0 ? null : ModelStoreWatcher.start(
                Path.of(config.get(GenstreamConfig.MODELS_DIR)), models, Duration.ofMillis(scanInterval));
        return new GenstreamApplication(config, topics, streams, streamsMetrics, routes, routeFeed, watcher,
                temporaryStateDir);
    }

    public Topics topics() {
        return topics;
    }

    /** The routes this instance resolves requests by. */
    public RouteTable routes() {
        return routes;
    }

    public KafkaStreams streams() {
        return streams;
    }

    /** Waits until the instance is processing (RUNNING), or fails after the timeout. */
    public void awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (!streams.state().isRunningOrRebalancing() && streams.state() != KafkaStreams.State.CREATED) {
                throw new IllegalStateException("Kafka Streams is " + streams.state());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka Streams not running after " + timeout + " (" + streams.state() + ")");
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        streams.close(Duration.ofSeconds(30));
        streamsMetrics.close();
        routeFeed.close();
        if (temporaryStateDir != null) {
            try {
                Utils.delete(temporaryStateDir.toFile());
            } catch (IOException e) {
                LOG.warn("could not delete the temporary state folder {}: {}", temporaryStateDir, e.toString());
            }
        }
        LOG.info("genstream application {} stopped", config.get(GenstreamConfig.APPLICATION_ID));
    }
}
