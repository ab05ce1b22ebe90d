package io.genstream.app.bench;

import java.io.PrintStream;
import java.util.Locale;

/** The result as a person reads it: the three throughputs side by side, the latency, the targets. */
final class BenchReport {

    private BenchReport() {}

    static void print(BenchResult r, PrintStream out) {
        BenchResult.Setup s = r.setup();
        out.println();
        out.printf(Locale.ROOT, "genstream bench — %s, 1 image per event, %d cores, device %s, exactly_once_v2%n",
                s.modelId(), s.cores(), s.device());
        out.printf(Locale.ROOT, "settings: batch.max.size=%d batch.max.delay.ms=%d batch.target.busy=%s "
                        + "streams.threads=%d generator.instances.per.device=%d streams.commit.interval.ms=%d "
                        + "topic.partitions=%d generator.intra.op.threads=%d%n",
                s.batchMaxSize(), s.maxBatchDelayMs(), number(s.targetBusy()), s.streamThreads(),
                s.instancesPerDevice(), s.commitIntervalMs(), s.partitions(), s.intraOpThreads());
        out.println();
        LimitBench.Point best = r.limit().best();
        out.printf(Locale.ROOT, "L  raw DJL predict (limit)     %10.1f samples/s  best batch %d, %.2f ms per call%n",
                best.samplesPerSecond(), best.batchSize(), best.meanCallMs());
        for (LimitBench.Point p : r.limit().points()) {
            out.printf(Locale.ROOT, "     batch %4d                %10.1f samples/s  %.2f ms per call%n",
                    p.batchSize(), p.samplesPerSecond(), p.meanCallMs());
        }
        throughput(out, "B  per-record baseline         ", r.baseline());
        throughput(out, "P  genstream end to end        ", r.genstream());
        out.printf(Locale.ROOT, "     its model calls: %d, mean batch %.1f items, %.2f ms per call%n",
                r.genstreamBatches().calls(), r.genstreamBatches().meanBatchSize(), r.genstreamBatches().meanCallMs());
        out.printf(Locale.ROOT, "   P/L = %.3f   P/B = %.2f%n", r.pOverL(), r.pOverB());
        out.println();
        Latency l = r.latency();
        out.printf(Locale.ROOT, "Latency at 50%% of P: %.1f events/s for %.0f s, %d of %d outputs measured (after warm-up)%n",
                l.offeredPerSecond(), l.seconds(), l.measured(), l.events());
        out.printf(Locale.ROOT, "   emittedAt − createdAt:          p50 %s ms, p99 %s ms, max %s ms%n",
                number(l.p50Ms()), number(l.p99Ms()), number(l.maxMs()));
        out.printf(Locale.ROOT, "   read_committed arrival − createdAt: p50 %s ms, p99 %s ms (adds the commit wait)%n",
                number(l.visibleP50Ms()), number(l.visibleP99Ms()));
        Latency.Parts parts = l.parts();
        out.printf(Locale.ROOT, "   parts (p50 / p99 ms): batcher queue %s / %s, model call %s / %s, "
                        + "rest (Kafka, store, PNG, emit) %s / %s%n",
                number(parts.queueP50Ms()), number(parts.queueP99Ms()), number(parts.inferenceP50Ms()),
                number(parts.inferenceP99Ms()), number(parts.restP50Ms()), number(parts.restP99Ms()));
        out.printf(Locale.ROOT, "   p99 by quarter of the measured requests: %s ms (falling = still warming up)%n",
                String.join(" / ", l.p99ByQuarterMs().stream().map(BenchReport::number).toList()));
        out.printf(Locale.ROOT, "   one batch's inference: %.2f ms (mean genstream.inference call in this phase; "
                        + "%d calls, mean batch %.1f items)%n",
                r.batchInferenceMs(), l.batches().calls(), l.batches().meanBatchSize());
        CommitMeters c = l.commits();
        out.printf(Locale.ROOT, "   stream thread commits: %.0f (one every %s ms), %s ms each (producer flush %s, "
                        + "send offsets %s, commit transaction %s); blocked on Kafka %s ms per s%n",
                c.commits(), number(round(l.seconds() * 1000 / c.commits())), number(round(c.meanCommitMs())),
                number(round(c.meanFlushMs())), number(round(c.meanOffsetsMs())), number(round(c.meanEndMs())),
                number(round(c.blockedMs() / l.seconds())));
        Latency light = r.light();
        out.printf(Locale.ROOT, "Light load, %s%% of P: %.1f events/s for %.0f s, %d of %d outputs measured: "
                        + "p50 %s ms, p99 %s ms; %d calls, mean batch %.1f items, %.2f ms per call%n",
                number(BenchCommand.LIGHT_LOAD * 100), light.offeredPerSecond(), light.seconds(), light.measured(),
                light.events(), number(light.p50Ms()), number(light.p99Ms()), light.batches().calls(),
                light.batches().meanBatchSize(), light.batches().meanCallMs());
        out.println();
        TextReport.print(r.text(), out);
        out.println();
        out.println("Targets:");
        for (BenchResult.Target t : r.targets()) {
            out.printf(Locale.ROOT, "  %-16s %10s  %-10s %s%n", t.label(), number(t.value()), t.rule(),
                    t.met() ? "PASS" : "MISS");
        }
        out.printf(Locale.ROOT, "  (p99 bound = %d ms max batch delay + %.0f × %.2f ms batch inference)%n",
                s.maxBatchDelayMs(), BenchResult.P99_CALLS, r.batchInferenceMs());
        out.println();
        out.printf(Locale.ROOT, "CPU busy, in cores of %d (others = the rest of the machine, competing with the bench;"
                + " JIT = the bench's own compiler threads, warming up its code):%n", s.cores());
        r.cpu().forEach((phase, use) -> out.printf(Locale.ROOT, "  %-10s bench %.2f (JIT %.2f), others %.2f%n",
                phase, use.processCores(), use.jitCores(), use.otherCores()));
    }

    private static void throughput(PrintStream out, String label, Throughput t) {
        out.printf(Locale.ROOT, "%s%10.1f samples/s  %d events; steady window %.1f s of %.1f s; last half %.1f/s%n",
                label, t.samplesPerSecond(), t.events(), t.windowSeconds(), t.phaseSeconds(),
                t.lastHalfSamplesPerSecond());
    }

    /** To a tenth. */
    private static double round(double value) {
        return Math.rint(value * 10) / 10;
    }

    /** Whole numbers without decimals, others with up to three. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return "n/a";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.valueOf((long) value);
        }
        return String.format(Locale.ROOT, "%.3f", value).replaceAll("0+$", "");
    }
}
