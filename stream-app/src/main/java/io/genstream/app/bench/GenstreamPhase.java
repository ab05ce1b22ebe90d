package io.genstream.app.bench;

import io.genstream.app.GenstreamApplication;
import io.genstream.app.config.GenstreamConfig;
import io.genstream.app.generator.ModelCatalog;
import io.genstream.app.kafka.TopicAdmin;
import io.genstream.app.metrics.GenstreamMetrics;
import io.genstream.app.topology.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Runs P and then the latency phase on one production application ({@link GenstreamApplication},
 * exactly_once_v2) under a topic prefix and application id of its own. The warm-up before P runs the
 * same way under other names ({@link #WARM_UP}), so it shares no topic, state or transaction with P.
 */
final class GenstreamPhase implements AutoCloseable {

    /** Topic prefix and application id of one application run by the bench. */
    record Names(String topicPrefix, String applicationId) {}

    static final Names MEASURED = new Names("bench-genstream.", "genstream-bench");
    static final Names WARM_UP = new Names("bench-warm-up.", "genstream-bench-warm-up");
    static final String THROUGHPUT_IDS = "p-";
    static final String LATENCY_IDS = "l-";
    static final String LIGHT_LOAD_IDS = "q-";

    private final GenstreamConfig config;
    private final ModelCatalog models;
    private final GenstreamMetrics metrics;
    private final Topics topics;
    private final Map<String, Object> client;
    private final EventLoad load;
    private final ContentMeter meter;
    private final String modelId;
    private GenstreamApplication app;
    private BatchMeters throughputBatches;

    /**
     * @param model the model the events ask for, by name
     * @param modelId its {@code name@version}, which tags its batcher meters
     */
    GenstreamPhase(GenstreamConfig base, Names names, ModelCatalog models, GenstreamMetrics metrics, String model,
            String modelId) {
        this.config = config(base, names);
        this.models = models;
        this.metrics = metrics;
        this.topics = GenstreamApplication.topics(config);
        this.client = GenstreamApplication.clientConfig(config);
        this.modelId = modelId;
        this.load = new EventLoad(client, model);
        this.meter = new ContentMeter(client, topics.content().name());
    }

    /** The configuration under test, on the bench's own topic prefix and application id. */
    static GenstreamConfig config(GenstreamConfig base, Names names) {
        return base.with(GenstreamConfig.TOPIC_PREFIX, names.topicPrefix())
                .with(GenstreamConfig.APPLICATION_ID, names.applicationId());
    }

    /**
     * Creates genstream's topics ahead of {@link GenstreamApplication#start}, whose own creation
     * then finds them: the events must be in the input topic before the application starts.
     */
    static void createTopics(GenstreamConfig base, Names names) {
        GenstreamConfig config = config(base, names);
        Topics topics = GenstreamApplication.topics(config);
        TopicAdmin.ensureTopics(GenstreamApplication.clientConfig(config), topics.names(),
                Set.of(topics.modelRoutes().name()), config.get(GenstreamConfig.TOPIC_PARTITIONS),
                config.get(GenstreamConfig.TOPIC_REPLICATION));
    }

    /** P: pre-produces {@code events}, starts the application, times its committed outputs. */
    Throughput throughput(int events, Duration timeout) throws InterruptedException {
        load.produce(topics.noiseSeeds().name(), THROUGHPUT_IDS, events);
        BatchMeters before = BatchMeters.read(metrics.registry(), modelId);
        long start = System.nanoTime();
        app = GenstreamApplication.start(config, models, metrics);
        List<ContentMeter.Output> outputs = meter.await(THROUGHPUT_IDS, events, timeout, this::alive);
        throughputBatches = BatchMeters.read(metrics.registry(), modelId).since(before);
        return Throughput.of(outputs.stream().map(ContentMeter.Output::arrivalNanos).toList(), start);
    }

    /** The model calls made during {@link #throughput}. */
    BatchMeters throughputBatches() {
        return throughputBatches;
    }

    /**
     * Offers {@code perSecond} events for {@code duration} to the running (and by now idle)
     * application; the first {@link Throughput#WARM_UP} of the time is left out of the percentiles.
     *
     * @param ids the prefix of the events' request ids, one per measurement of this phase
     */
    Latency latency(String ids, double perSecond, Duration duration, Duration timeout) throws InterruptedException {
        BatchMeters before = BatchMeters.read(metrics.registry(), modelId);
        CommitMeters commitsBefore = CommitMeters.read(app.streams().metrics());
        long startMillis = System.currentTimeMillis();
        int sent = load.paced(topics.noiseSeeds().name(), ids, perSecond, duration);
        List<ContentMeter.Output> outputs = meter.await(ids, sent, timeout, this::alive);
        BatchMeters calls = BatchMeters.read(metrics.registry(), modelId).since(before);
        CommitMeters commits = CommitMeters.read(app.streams().metrics()).since(commitsBefore);
        long warmUpEnd = startMillis + (long) (duration.toMillis() * Throughput.WARM_UP);
        return Latency.of(outputs, warmUpEnd, perSecond, sent, duration.toMillis() / 1000.0, calls, commits);
    }

    private boolean alive() {
        KafkaStreams.State state = app.streams().state();
        return state.isRunningOrRebalancing() || state == KafkaStreams.State.CREATED;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            meter.close();
            load.close();
        } finally {
            if (app != null) {
                app.close();
                app.streams().cleanUp();
            }
        }
    }
}
