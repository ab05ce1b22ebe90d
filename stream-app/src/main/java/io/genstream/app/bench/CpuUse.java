package io.genstream.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU this process used during a phase, next to what the whole machine used: on a shared
 * machine, the difference is what others took, and the phase's figures are low by about that much.
 *
 * <p>The JIT compiler's share is reported too: the bench runs in a fresh JVM, and while the broker,
 * Kafka Streams and genstream's code are compiled, the compiler threads take CPU from the phases.
 *
 * @param processCores this process's CPU time over the phase's wall time (2.0 = two cores busy)
 * @param machineCores the machine's busy time over the phase (from {@code /proc/stat}); NaN where unknown
 * @param jitCores of {@code processCores}, the CPU time of the JIT compiler threads over the wall time (from
 *     {@code /proc/self/task}; NaN off Linux)
 */
record CpuUse(double processCores, double machineCores, double jitCores) {

    private static final Path PROC_STAT = Path.of("/proc/stat");
    /** Linux reports thread CPU time in clock ticks of 10 ms (USER_HZ is 100 on every architecture it runs on). */
    private static final long NANOS_PER_TICK = 10_000_000L;

    /** A phase being measured. */
    static final class Sampler {
        private final long startWall = System.nanoTime();
        private final long startCpu = processCpuNanos();
        private final long startJit = jitTicks();
        private final long[] startMachine = machineTicks();

        CpuUse stop() {
            double wall = System.nanoTime() - startWall;
            long cpu = processCpuNanos();
            long[] machine = machineTicks();
            double machineCores = Double.NaN;
            if (machine != null && startMachine != null && machine[1] > startMachine[1]) {
                // busy share of all ticks × the machine's processors = busy cores on average
                double busy = (double) (machine[0] - startMachine[0]) / (machine[1] - startMachine[1]);
                machineCores = busy * Runtime.getRuntime().availableProcessors();
            }
            long jit = jitTicks();
            return new CpuUse(cpu < 0 || startCpu < 0 ? Double.NaN : (cpu - startCpu) / wall, machineCores,
                    jit < 0 || startJit < 0 ? Double.NaN : Math.max(0, jit - startJit) * NANOS_PER_TICK / wall);
        }
    }

    static Sampler start() {
        return new Sampler();
    }

    /** CPU used by others than this process. */
    double otherCores() {
        return Math.max(0, machineCores - processCores);
    }

    /** Process CPU time in nanoseconds, or -1 on a JVM without the HotSpot extension. */
    private static long processCpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean hotspot ? hotspot.getProcessCpuTime() : -1;
    }

    /**
     * CPU ticks of the JIT compiler threads now alive, or -1 off Linux (a compiler thread the JVM ends during a
     * phase takes its ticks along, so the share is a lower bound). Not the JVM's own compilation time: that is
     * wall time, which counts a compiler thread as busy while it waits for a core.
     */
    private static long jitTicks() {
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            long ticks = 0;
            for (Path thread : threads) {
                String stat = Files.readString(thread.resolve("stat"));
                int nameEnd = stat.lastIndexOf(')');
                String name = stat.substring(stat.indexOf('(') + 1, nameEnd);
                if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                    String[] fields = stat.substring(nameEnd + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                }
            }
            return ticks;
        } catch (IOException | RuntimeException e) {
            return -1; // not Linux, or a thread that ended while being read: the share is then unknown
        }
    }

    /** {busy, total} ticks of all processors since boot, or null off Linux. */
    private static long[] machineTicks() {
        try {
            String[] cpu = Files.readAllLines(PROC_STAT).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++) { // user nice system idle iowait irq softirq steal
                total += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return null; // not Linux, or an unexpected format: the machine's share is then unknown
        }
    }
}
