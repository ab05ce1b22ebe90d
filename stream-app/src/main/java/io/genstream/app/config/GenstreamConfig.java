package io.genstream.app.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The typed configuration. Sources, later ones winning: the defaults below, a properties file
 * ({@code --config FILE}), {@code GENSTREAM_*} environment variables, then command-line flags.
 *
 * <p>Any key starting with {@code kafka.} is handed to every Kafka client with the prefix removed,
 * so security (SASL, TLS) is configuration: e.g. {@code GENSTREAM_KAFKA_SECURITY_PROTOCOL=SASL_SSL}.
 */
public final class GenstreamConfig {

    static final String ENV_PREFIX = "GENSTREAM_";
    /** Keys under this prefix go to the Kafka clients verbatim (prefix removed). */
    public static final String KAFKA_PREFIX = "kafka.";

    public static final ConfigKey<String> BOOTSTRAP_SERVERS = ConfigKey.string(
            "bootstrap.servers", "127.0.0.1:9092", "Kafka bootstrap servers (HOST:PORT,...)");
    public static final ConfigKey<String> APPLICATION_ID = ConfigKey.string(
            "application.id", "genstream", "Kafka Streams application id (consumer group, state, transactions)");
    public static final ConfigKey<String> TOPIC_PREFIX = ConfigKey.string(
            "topic.prefix", "genstream.", "Prefix of every genstream topic name");
    public static final ConfigKey<Integer> TOPIC_PARTITIONS = ConfigKey.integer(
            "topic.partitions", 3, "Partitions of the topics genstream creates (input topics bound parallelism)");
    public static final ConfigKey<Integer> TOPIC_REPLICATION = ConfigKey.integer(
            "topic.replication.factor", -1, "Replication factor of created topics; -1 = the broker's default");
    public static final ConfigKey<Boolean> TOPIC_CREATE = ConfigKey.bool(
            "topic.create", true, "Create missing topics at start");
    public static final ConfigKey<String> MODELS_DIR = ConfigKey.string(
            "models.dir", "model-store", "Folder holding <name>/<version>/model.json");
    public static final ConfigKey<Long> MODELS_SCAN_INTERVAL_MS = ConfigKey.longKey(
            "models.scan.interval.ms", 5_000L, "How often the model store is scanned for new versions; 0 = never");
    public static final ConfigKey<Integer> MAX_COUNT = ConfigKey.integer(
            "generation.max.count", 64, "Largest count (images per noise-seed event) accepted");
    public static final ConfigKey<Integer> MAX_STEPS = ConfigKey.integer(
            "generation.max.steps", 64, "Largest number of interpolation steps accepted");
    public static final ConfigKey<Integer> MAX_INPUT_BYTES = ConfigKey.integer(
            "input.max.bytes", 1 << 20, "Largest input record value accepted, in bytes");
    public static final ConfigKey<Integer> RATE_LIMIT_PER_KEY = ConfigKey.integer(
            "intake.rate.limit.per.key", 0,
            "Most requests accepted per record key in one rate window (record time); 0 = no limit");
    public static final ConfigKey<Long> RATE_LIMIT_WINDOW_MS = ConfigKey.longKey(
            "intake.rate.limit.window.ms", 1_000L, "Length of the tumbling record-time window of the per-key rate limit");
    public static final ConfigKey<Integer> MAX_PROMPT_CHARS = ConfigKey.integer(
            "text.max.prompt.chars", 512, "Longest prompt accepted, in characters (the model's length limit also applies)");
    public static final ConfigKey<Integer> MAX_TOKENS = ConfigKey.integer(
            "text.max.tokens", 256, "Largest maxTokens accepted in a prompt event");
    public static final ConfigKey<Integer> TEXT_MAX_ACTIVE = ConfigKey.integer(
            "text.max.active", 32, "Most sequences one text model instance advances together (continuous batching)");
    public static final ConfigKey<Integer> TEXT_QUEUE_CAPACITY = ConfigKey.integer(
            "text.queue.capacity", 1024, "Most prompts waiting per text model version; beyond it the stream waits");
    public static final ConfigKey<Integer> INSTANCES_PER_DEVICE = ConfigKey.integer(
            "generator.instances.per.device", 1, "Model instances (predictors) per device");
    public static final ConfigKey<String> DEVICE = ConfigKey.string(
            "generator.device", "auto", "Where generators run: auto (every GPU, else CPU), cpu, or gpu");
    public static final ConfigKey<Integer> INTRA_OP_THREADS = ConfigKey.integer(
            "generator.intra.op.threads", 0, "TensorFlow threads inside one op of a model call; 0 = one fewer than the cores (at least 1)");
    public static final ConfigKey<Integer> INTER_OP_THREADS = ConfigKey.integer(
            "generator.inter.op.threads", 0, "TensorFlow ops of one model call run at once; 0 = TensorFlow's default");
    public static final ConfigKey<Integer> BATCH_MAX_SIZE = ConfigKey.integer(
            "batch.max.size", 128, "Most items in one model call (merged across requests, tasks and threads)");
    public static final ConfigKey<Long> BATCH_MAX_DELAY_MS = ConfigKey.longKey(
            "batch.max.delay.ms", 10L, "Longest an item waits for a fuller batch before its model call");
    public static final ConfigKey<Double> BATCH_TARGET_BUSY = ConfigKey.doubleKey(
            "batch.target.busy", 0.5, "A partial batch runs before batch.max.delay.ms once it would keep the model"
                    + " instances busy at most this share of the time at the current load (0 = always wait the delay)");
    public static final ConfigKey<Integer> BATCH_QUEUE_CAPACITY = ConfigKey.integer(
            "batch.queue.capacity", 4096, "Most items queued per model version; beyond it the stream waits");
    public static final ConfigKey<Long> MAX_BLOCK_MS = ConfigKey.longKey(
            "generator.max.block.ms", 30_000L, "Longest a stream thread waits for queue room per record (< max.poll.interval.ms)");
    public static final ConfigKey<Long> QUALITY_WINDOW_MS = ConfigKey.longKey(
            "quality.window.ms", 60_000L, "Length of the tumbling event-time windows of genstream.quality");
    public static final ConfigKey<Long> QUALITY_GRACE_MS = ConfigKey.longKey(
            "quality.grace.ms", 10_000L, "How late an item may arrive and still count in its quality window");
    public static final ConfigKey<Integer> QUALITY_IMAGE_SAMPLE_SIZE = ConfigKey.integer(
            "quality.image.sample.size", 64,
            "Image feature vectors per window (the first by arrival) for Frechet distance and diversity");
    public static final ConfigKey<Integer> QUALITY_TEXT_SAMPLE_SIZE = ConfigKey.integer(
            "quality.text.sample.size", 64, "Texts per window (the first by arrival) for distinct-2 and self-BLEU");
    public static final ConfigKey<Double> CANARY_MAX_FRECHET_INCREASE = ConfigKey.doubleKey(
            "canary.max.frechet.increase", 0.5,
            "Roll a canary back when its windowed Frechet distance is this much above the incumbent's (0.5 = 50%)");
    public static final ConfigKey<Double> CANARY_MAX_GRAMMAR_VALID_DROP = ConfigKey.doubleKey(
            "canary.max.grammar.valid.drop", 0.1,
            "Roll a canary back when its windowed grammar-valid share is this much below the incumbent's");
    public static final ConfigKey<Long> CANARY_MIN_COUNT = ConfigKey.longKey(
            "canary.min.count", 20L, "Fewest items a quality window needs to judge a canary by");
    public static final ConfigKey<Integer> STREAM_THREADS = ConfigKey.integer(
            "streams.threads", 1, "Kafka Streams threads in this instance");
    public static final ConfigKey<String> STATE_DIR = ConfigKey.string(
            "streams.state.dir", "", "Kafka Streams state folder; empty = a folder under java.io.tmpdir");
    public static final ConfigKey<Long> COMMIT_INTERVAL_MS = ConfigKey.longKey(
            "streams.commit.interval.ms", 100L, "How often Streams commits its transaction");
    public static final ConfigKey<Integer> DEMO_PORT = ConfigKey.integer(
            "demo.port", 9092, "Port of the demo's embedded broker on 127.0.0.1");
    public static final ConfigKey<Integer> DEMO_EVENTS_PER_SECOND = ConfigKey.integer(
            "demo.events.per.second", 100, "Sample noise-seed events the demo produces per second");
    public static final ConfigKey<Integer> DEMO_DURATION_SECONDS = ConfigKey.integer(
            "demo.duration.seconds", 0, "How long the demo runs; 0 = until interrupted");
    public static final ConfigKey<String> DEMO_OUTPUT_DIR = ConfigKey.string(
            "demo.output.dir", "genstream-demo-output", "Folder the demo writes sample images to");
    public static final ConfigKey<Integer> DEMO_SAMPLE_LIMIT = ConfigKey.integer(
            "demo.sample.limit", 200, "Most sample images the demo writes");
    public static final ConfigKey<String> HTTP_HOST = ConfigKey.string(
            "http.host", "127.0.0.1", "Address the HTTP endpoints (metrics, health, gallery) listen on");
    public static final ConfigKey<Integer> HTTP_PORT = ConfigKey.integer(
            "http.port", 8080, "Port of the HTTP endpoints; 0 = any free port, -1 = no HTTP server");
    public static final ConfigKey<Integer> GALLERY_SIZE = ConfigKey.integer(
            "gallery.size", 48, "Latest generated images the gallery page shows (and a quarter as many texts)");

    /** Every key, in the order the README documents them. */
    public static final List<ConfigKey<?>> KEYS = List.of(
            BOOTSTRAP_SERVERS, APPLICATION_ID, TOPIC_PREFIX, TOPIC_PARTITIONS, TOPIC_REPLICATION,
            TOPIC_CREATE, MODELS_DIR, MODELS_SCAN_INTERVAL_MS, MAX_COUNT, MAX_STEPS, MAX_INPUT_BYTES,
            RATE_LIMIT_PER_KEY, RATE_LIMIT_WINDOW_MS, MAX_PROMPT_CHARS, MAX_TOKENS,
            TEXT_MAX_ACTIVE, TEXT_QUEUE_CAPACITY, INSTANCES_PER_DEVICE,
            DEVICE, INTRA_OP_THREADS, INTER_OP_THREADS, BATCH_MAX_SIZE, BATCH_MAX_DELAY_MS, BATCH_TARGET_BUSY,
            BATCH_QUEUE_CAPACITY, MAX_BLOCK_MS, QUALITY_WINDOW_MS, QUALITY_GRACE_MS, QUALITY_IMAGE_SAMPLE_SIZE,
            QUALITY_TEXT_SAMPLE_SIZE, CANARY_MAX_FRECHET_INCREASE, CANARY_MAX_GRAMMAR_VALID_DROP, CANARY_MIN_COUNT,
            STREAM_THREADS, STATE_DIR, COMMIT_INTERVAL_MS, DEMO_PORT, DEMO_EVENTS_PER_SECOND,
            DEMO_DURATION_SECONDS, DEMO_OUTPUT_DIR, DEMO_SAMPLE_LIMIT, HTTP_HOST, HTTP_PORT, GALLERY_SIZE);

    private final Map<String, String> values;

    private GenstreamConfig(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
        for (ConfigKey<?> key : KEYS) {
            get(key); // fail at start, not mid-stream, on an unparsable value
        }
    }

    /** The defaults only. */
    public static GenstreamConfig defaults() {
        return new GenstreamConfig(Map.of());
    }

    /** Defaults overridden by the given map (used by tests and by {@link #load}). */
    public static GenstreamConfig of(Map<String, String> overrides) {
        return new GenstreamConfig(overrides);
    }

    /**
     * Defaults, then the file (if any), then the environment, then the flags.
     *
     * @param file a properties file, or null
     * @param env the environment (normally {@code System.getenv()})
     * @param flags {@code key → value} pairs from the command line
     */
    public static GenstreamConfig load(Path file, Map<String, String> env, Map<String, String> flags) {
        Map<String, String> merged = new LinkedHashMap<>();
        if (file != null) {
            Properties props = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                props.load(reader);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage(), e);
            }
            props.stringPropertyNames().forEach(k -> merged.put(k, props.getProperty(k).trim()));
        }
        env.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX)) {
                merged.put(keyForEnv(name), value);
            }
        });
        merged.putAll(flags);
        return new GenstreamConfig(merged);
    }

    private static String keyForEnv(String envName) {
        for (ConfigKey<?> key : KEYS) {
            if (key.envName().equals(envName)) {
                return key.name();
            }
        }
        // Kafka client settings are all lower-case and dot-separated.
        return envName.substring(ENV_PREFIX.length()).toLowerCase().replace('_', '.');
    }

    /** The value of a key, parsed; the default when unset. */
    public <T> T get(ConfigKey<T> key) {
        String raw = values.get(key.name());
        if (raw == null) {
            return key.defaultValue();
        }
        try {
            return key.parser().apply(raw);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "invalid value '" + raw + "' for " + key.name() + " (" + key.doc() + ")", e);
        }
    }

    /** A copy with one key changed. */
    public GenstreamConfig with(ConfigKey<?> key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(key.name(), value);
        return new GenstreamConfig(copy);
    }

    /** The {@code kafka.*} settings with the prefix removed, for every Kafka client. */
    public Map<String, Object> kafkaClientOverrides() {
        Map<String, Object> out = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(KAFKA_PREFIX)) {
                out.put(k.substring(KAFKA_PREFIX.length()), v);
            }
        });
        return out;
    }
}
