package io.genstream.app.bench;

import io.genstream.app.Generators;
import io.genstream.app.config.GenstreamConfig;
import io.genstream.app.generator.DjlImageModel;
import io.genstream.app.generator.ImageGenerator;
import io.genstream.app.generator.ModelCatalog;
import io.genstream.app.kafka.EmbeddedKafkaBroker;
import io.genstream.app.metrics.GenstreamMetrics;
import io.genstream.app.runtime.DevicePlacement;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.time.Duration;
import io.genstream.app.generator.TextModelInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench}: on one embedded broker and one loaded {@code digits-gan}, measures L (the model
 * alone, best batch size), B (the per-record baseline topology) and P (genstream end to end,
 * exactly_once_v2), then genstream's latency at half of P; prints them with the targets and
 * optionally writes them as JSON. The settings under test are the normal configuration.
 */
public final class BenchCommand {

    static final String MODEL = "digits-gan";
    /** Share of the model's own rate a phase is expected to reach, to size its events to the phase time. */
    static final double EXPECTED_SHARE = 0.6;
    /** Fewest events of a throughput phase: the window must span many commits. */
    static final int MIN_EVENTS = 2_000;
    /** Load of the latency phase, as a share of P. */
    static final double LATENCY_LOAD = 0.5;
    /**
     * Load of the light-load phase, as a share of P: a trickle, where a batch waits for its delay or its pacing
     * rather than for a busy instance.
     */
    static final double LIGHT_LOAD = 0.01;

    private BenchCommand() {}

    /**
     * @param config the normal configuration (batching, threads, devices, models.dir, ...)
     * @param flags the command line's flags, of which the {@link BenchOptions} are read here
     */
    public static int run(GenstreamConfig config, Map<String, String> flags, PrintStream out) throws Exception {
        BenchOptions options = BenchOptions.from(flags);
        if (options.textOnly()) {
            return textOnly(config, options, out);
        }
        Duration timeout = options.phase().multipliedBy(6).plusSeconds(60);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, Map.of())) {
            GenstreamConfig local = config
                    .with(GenstreamConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers())
                    .with(GenstreamConfig.TOPIC_REPLICATION, "1");
            out.printf("bench: Kafka broker (KRaft, in this JVM) on %s%n", broker.bootstrapServers());
            GenstreamMetrics metrics = new GenstreamMetrics(new SimpleMeterRegistry());
            try (ModelCatalog models = Generators.load(local, metrics)) {
                ImageGenerator generator = models.image(MODEL).orElseThrow(() -> new IllegalStateException(
                        "no " + MODEL + " in " + local.get(GenstreamConfig.MODELS_DIR)));
                String modelId = generator.info().id();
                // Topics first: a partition refuses writes for a moment after its creation
                // (NOT_LEADER_OR_FOLLOWER), which costs the first transactions a retry or an
                // abort. Created now, they are settled by the time L is measured.
                BaselinePhase.createTopics(local);
                GenstreamPhase.createTopics(local, GenstreamPhase.MEASURED);
                if (!options.warmUp().isZero()) {
                    GenstreamPhase.createTopics(local, GenstreamPhase.WARM_UP);
                }

                out.printf("L: %s called directly at batch sizes %s, %d s in all%n", modelId,
                        options.limitBatchSizes(), options.phase().toSeconds());
                Map<String, CpuUse> cpu = new LinkedHashMap<>();
                CpuUse.Sampler sampler = CpuUse.start();
                LimitBench.Result limit = LimitBench.run(generator.model(), options.limitBatchSizes(), options.phase());
                cpu.put("limit", sampler.stop());
                out.printf(Locale.ROOT, "   best %.1f samples/s at batch %d%n",
                        limit.best().samplesPerSecond(), limit.best().batchSize());

                LimitBench.Point smallest = limit.points().stream()
                        .min(Comparator.comparingInt(LimitBench.Point::batchSize)).orElseThrow();
                int baselineEvents = events(options.baselineEvents(), smallest.samplesPerSecond(), options.phase());
                out.printf("B: per-record baseline topology, %d events pre-produced%n", baselineEvents);
                sampler = CpuUse.start();
                Throughput baseline = BaselinePhase.run(local, generator.model(), baselineEvents, timeout);
                cpu.put("baseline", sampler.stop());
                out.printf(Locale.ROOT, "   %.1f samples/s%n", baseline.samplesPerSecond());

                if (!options.warmUp().isZero()) {
                    out.printf("Warm-up: genstream for %d s, not measured (a backlog, then a steady load)%n",
                            options.warmUp().toSeconds());
                    sampler = CpuUse.start();
                    warmUp(local, models, metrics, modelId, limit.best().samplesPerSecond(), options.warmUp(), timeout);
                    cpu.put("warm-up", sampler.stop());
                }
                int genstreamEvents = events(options.genstreamEvents(), limit.best().samplesPerSecond(), options.phase());
                Throughput genstream;
                BatchMeters genstreamBatches;
                Latency latency;
                Latency light;
                try (GenstreamPhase phase = new GenstreamPhase(local, GenstreamPhase.MEASURED, models, metrics, MODEL,
                        modelId)) {
                    out.printf("P: genstream end to end, %d events pre-produced%n", genstreamEvents);
                    sampler = CpuUse.start();
                    genstream = phase.throughput(genstreamEvents, timeout);
                    cpu.put("genstream", sampler.stop());
                    genstreamBatches = phase.throughputBatches();
                    out.printf(Locale.ROOT, "   %.1f samples/s%n", genstream.samplesPerSecond());
                    double rate = LATENCY_LOAD * genstream.samplesPerSecond();
                    out.printf(Locale.ROOT, "Latency: %.1f events/s (50%% of P) for %d s%n", rate,
                            options.latencyDuration().toSeconds());
                    sampler = CpuUse.start();
                    latency = phase.latency(GenstreamPhase.LATENCY_IDS, rate, options.latencyDuration(), timeout);
                    cpu.put("latency", sampler.stop());
                    double lightRate = LIGHT_LOAD * genstream.samplesPerSecond();
                    Duration lightDuration = lightDuration(options.latencyDuration());
                    out.printf(Locale.ROOT, "Light load: %.1f events/s (%s%% of P) for %d s%n", lightRate,
                            BenchReport.number(LIGHT_LOAD * 100), lightDuration.toSeconds());
                    sampler = CpuUse.start();
                    light = phase.latency(GenstreamPhase.LIGHT_LOAD_IDS, lightRate, lightDuration, timeout);
                    cpu.put("light", sampler.stop());
                }

                List<TextBench.Result> text = text(models, local, out);
                BenchResult result = new BenchResult(BenchResult.Setup.of(modelId, devices(local), local),
                        limit, baseline, genstream, genstreamBatches, latency, light, cpu, text);
                BenchReport.print(result, out);
                if (options.json() != null) {
                    BenchJson.write(result, options.json());
                    out.printf("JSON written to %s%n", options.json().toAbsolutePath());
                }
                return 0;
            }
        }
    }

    /**
     * Runs genstream, unmeasured, on topics and an application of its own. The bench's JVM is fresh: without
     * this the JIT compiler is still compiling the broker, Kafka Streams and genstream through P and the latency
     * phase (0.3–0.5 of the 2 cores here), and takes that from them. Half the time a backlog (full batches, as
     * in P), half a steady load of about half of P (small batches, as in the latency phase).
     */
    private static void warmUp(GenstreamConfig config, ModelCatalog models, GenstreamMetrics metrics, String modelId,
            double limitRate, Duration warmUp, Duration timeout) throws InterruptedException {
        Duration half = warmUp.dividedBy(2);
        try (GenstreamPhase phase = new GenstreamPhase(config, GenstreamPhase.WARM_UP, models, metrics, MODEL,
                modelId)) {
            phase.throughput(events(0, limitRate, half), timeout);
            phase.latency(GenstreamPhase.LATENCY_IDS, LATENCY_LOAD * EXPECTED_SHARE * limitRate, half, timeout);
        }
    }

    /** The light-load phase lasts half as long as the half-load one, at least 10 s. */
    static Duration lightDuration(Duration latencyDuration) {
        Duration half = latencyDuration.dividedBy(2);
        return half.compareTo(Duration.ofSeconds(10)) < 0 ? Duration.ofSeconds(10) : half;
    }

    /** Text: every served text model version, continuous batching against one request at a time. */
    private static List<TextBench.Result> text(ModelCatalog models, GenstreamConfig config, PrintStream out)
            throws InterruptedException, ExecutionException {
        List<TextBench.Result> results = new ArrayList<>();
        for (TextModelInfo info : models.textModels()) {
            out.printf("Text: %s, %d prompts one at a time, %d at once (continuous batching), and %d in flight"
                    + " (closed loop); TensorFlow intra-op threads %d%n", info.id(), TextBench.REQUESTS,
                    TextBench.CONCURRENT, TextBench.CONCURRENT, Generators.intraOpThreads(config));
            results.add(TextBench.run(models.text(info.id()).orElseThrow(),
                    config.get(GenstreamConfig.TEXT_MAX_ACTIVE)));
        }
        return results;
    }

    /** {@code bench --text-only}: the text comparison alone (no broker needed), printed and as JSON. */
    private static int textOnly(GenstreamConfig config, BenchOptions options, PrintStream out) throws Exception {
        GenstreamMetrics metrics = new GenstreamMetrics(new SimpleMeterRegistry());
        try (ModelCatalog models = Generators.load(config, metrics)) {
            List<TextBench.Result> results = text(models, config, out);
            out.println();
            TextReport.print(results, out);
            TextReport.headline(results).ifPresent(r -> out.printf(Locale.ROOT,
                    "Target: continuous / one at a time for %s %.2f× >= %.0f× %s%n", r.model().name(), r.speedup(),
                    TextBench.MIN_SPEEDUP, r.speedup() >= TextBench.MIN_SPEEDUP ? "PASS" : "MISS"));
            if (options.json() != null) {
                BenchJson.writeText(results, Generators.intraOpThreads(config), options.json());
                out.printf("JSON written to %s%n", options.json().toAbsolutePath());
            }
            return 0;
        }
    }

    /** The given count, or enough for about one phase at the expected share of {@code modelRate}. */
    static int events(int requested, double modelRate, Duration phase) {
        if (requested > 0) {
            return requested;
        }
        double expected = EXPECTED_SHARE * modelRate * phase.toMillis() / 1000.0;
        return (int) Math.max(MIN_EVENTS, Math.min(Integer.MAX_VALUE, expected));
    }

    /** Where the model ran, as the generators chose it. */
    private static String devices(GenstreamConfig config) {
        DevicePlacement.Mode mode = DevicePlacement.parseMode(config.get(GenstreamConfig.DEVICE));
        int gpus = mode == DevicePlacement.Mode.CPU ? 0 : DjlImageModel.visibleGpus();
        return DevicePlacement.devices(mode, gpus).toString();
    }
}
