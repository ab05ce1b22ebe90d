package io.genstream.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The result as one flat JSON object (snake_case, milliseconds and samples per second), for
 * scripts and dashboards comparing runs. A figure that could not be measured is {@code null}.
 */
final class BenchJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchJson() {}

    static ObjectNode of(BenchResult r) {
        ObjectNode json = MAPPER.createObjectNode();
        BenchResult.Setup setup = r.setup();
        json.put("model", setup.modelId());
        json.put("images_per_event", 1);
        json.put("machine_cores", setup.cores());
        json.put("device", setup.device());
        num(json, "limit_samples_per_s", r.limitSamplesPerSecond());
        num(json, "baseline_samples_per_s", r.baseline().samplesPerSecond());
        num(json, "genstream_samples_per_s", r.genstream().samplesPerSecond());
        num(json, "p50_ms", r.latency().p50Ms());
        num(json, "p99_ms", r.latency().p99Ms());
        json.put("max_batch_delay_ms", setup.maxBatchDelayMs());
        num(json, "batch_inference_ms", r.batchInferenceMs());
        json.put("batch_inference_source", "mean genstream.inference model call during the latency phase");
        num(json, "p99_bound_ms", r.p99BoundMs());
        num(json, "p_over_l", r.pOverL());
        num(json, "p_over_b", r.pOverB());
        json.put("limit_best_batch_size", r.limit().best().batchSize());
        num(json, "limit_best_batch_call_ms", r.limit().best().meanCallMs());
        ArrayNode points = json.putArray("limit_by_batch_size");
        for (LimitBench.Point p : r.limit().points()) {
            ObjectNode point = points.addObject().put("batch_size", p.batchSize());
            num(point, "samples_per_s", p.samplesPerSecond());
            num(point, "mean_call_ms", p.meanCallMs());
        }
        throughput(json, "baseline", r.baseline());
        throughput(json, "genstream", r.genstream());
        json.put("genstream_model_calls", r.genstreamBatches().calls());
        num(json, "genstream_mean_batch_size", r.genstreamBatches().meanBatchSize());
        num(json, "genstream_batch_call_ms", r.genstreamBatches().meanCallMs());
        json.put("warm_up_fraction", Throughput.WARM_UP);
        Latency latency = r.latency();
        num(json, "latency_offered_per_s", latency.offeredPerSecond());
        json.put("latency_events", latency.events());
        json.put("latency_measured", latency.measured());
        num(json, "latency_duration_s", latency.seconds());
        num(json, "max_ms", latency.maxMs());
        num(json, "visible_p50_ms", latency.visibleP50Ms());
        num(json, "visible_p99_ms", latency.visibleP99Ms());
        Latency.Parts parts = latency.parts();
        ObjectNode breakdown = json.putObject("latency_parts_ms");
        num(breakdown, "queue_p50", parts.queueP50Ms());
        num(breakdown, "queue_p99", parts.queueP99Ms());
        num(breakdown, "inference_p50", parts.inferenceP50Ms());
        num(breakdown, "inference_p99", parts.inferenceP99Ms());
        num(breakdown, "rest_p50", parts.restP50Ms());
        num(breakdown, "rest_p99", parts.restP99Ms());
        ArrayNode quarters = json.putArray("p99_by_quarter_ms");
        latency.p99ByQuarterMs().forEach(p99 -> quarters.add(p99));
        json.put("latency_model_calls", latency.batches().calls());
        num(json, "latency_mean_batch_size", latency.batches().meanBatchSize());
        CommitMeters commits = latency.commits();
        ObjectNode commit = json.putObject("latency_commits");
        num(commit, "count", commits.commits());
        num(commit, "mean_ms", commits.meanCommitMs());
        num(commit, "flush_ms", commits.meanFlushMs());
        num(commit, "send_offsets_ms", commits.meanOffsetsMs());
        num(commit, "commit_transaction_ms", commits.meanEndMs());
        num(commit, "blocked_ms", commits.blockedMs());
        Latency light = r.light();
        ObjectNode lightLoad = json.putObject("light_load");
        num(lightLoad, "offered_per_s", light.offeredPerSecond());
        lightLoad.put("measured", light.measured());
        num(lightLoad, "p50_ms", light.p50Ms());
        num(lightLoad, "p99_ms", light.p99Ms());
        lightLoad.put("model_calls", light.batches().calls());
        num(lightLoad, "mean_batch_size", light.batches().meanBatchSize());
        TextReport.json(r.text(), json);
        ObjectNode settings = json.putObject("settings");
        settings.put("batch.max.size", setup.batchMaxSize());
        settings.put("batch.max.delay.ms", setup.maxBatchDelayMs());
        settings.put("batch.target.busy", setup.targetBusy());
        settings.put("streams.threads", setup.streamThreads());
        settings.put("generator.instances.per.device", setup.instancesPerDevice());
        settings.put("streams.commit.interval.ms", setup.commitIntervalMs());
        settings.put("topic.partitions", setup.partitions());
        settings.put("generator.intra.op.threads", setup.intraOpThreads());
        settings.put("processing.guarantee", "exactly_once_v2");
        ObjectNode cpu = json.putObject("cpu");
        r.cpu().forEach((phase, use) -> {
            ObjectNode node = cpu.putObject(phase);
            num(node, "process_cores", use.processCores());
            num(node, "machine_cores", use.machineCores());
            num(node, "other_cores", use.otherCores());
            num(node, "jit_cores", use.jitCores());
        });
        ObjectNode targets = json.putObject("targets");
        for (BenchResult.Target t : r.targets()) {
            ObjectNode target = targets.putObject(t.key()).put("rule", t.rule());
            num(target, "value", t.value());
            target.put("met", t.met());
        }
        json.put("targets_met", r.targetsMet());
        return json;
    }

    static void write(BenchResult result, Path file) throws IOException {
        write(of(result), file);
    }

    /** The text keys alone ({@code bench --text-only}). */
    static void writeText(List<TextBench.Result> text, int intraOpThreads, Path file) throws IOException {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("machine_cores", Runtime.getRuntime().availableProcessors());
        json.putObject("settings").put("generator.intra.op.threads", intraOpThreads);
        TextReport.json(text, json);
        write(json, file);
    }

    private static void write(ObjectNode json, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        MAPPER.writeValue(file.toFile(), json);
    }

    private static void throughput(ObjectNode json, String name, Throughput t) {
        json.put(name + "_events", t.events());
        num(json, name + "_window_s", t.windowSeconds());
        num(json, name + "_phase_s", t.phaseSeconds());
        num(json, name + "_last_half_samples_per_s", t.lastHalfSamplesPerSecond());
    }

    /** Rounded to 3 decimals; NaN and infinities (nothing measured) become null. */
    static void num(ObjectNode json, String key, double value) {
        if (Double.isFinite(value)) {
            json.put(key, Math.round(value * 1000) / 1000.0);
        } else {
            json.putNull(key);
        }
    }
}
