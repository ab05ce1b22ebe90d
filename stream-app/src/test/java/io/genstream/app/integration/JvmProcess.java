package io.genstream.app.integration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A main class of this project in a JVM of its own (genstream's {@code run} command, or a broker),
 * so a test can kill it the hard way ({@code kill -9}: no shutdown hook, no commit, no close) and
 * start it again.
 */
final class JvmProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private JvmProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code genstream run} with the test's own class path.
     *
     * @param flags configuration flags, {@code key → value}
     * @param log where the child's output goes
     */
    static JvmProcess app(Map<String, String> flags, Path log) throws IOException {
        List<String> args = new ArrayList<>(List.of("run"));
        flags.forEach((key, value) -> {
            args.add("--" + key);
            args.add(value);
        });
        return start("io.genstream.app.cli.Main", args, log);
    }

    /** Starts a main class with the test's own class path, its output appended to {@code log}. */
    static JvmProcess start(String mainClass, List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-cp", System.getProperty("java.class.path"),
                mainClass));
        command.addAll(args);
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new JvmProcess(process, log);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: the JVM gets no chance to commit, flush or close anything. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the process did not die after SIGKILL");
        }
    }

    /** Waits until the process has written {@code line} to its log, or fails after the timeout. */
    void awaitLog(String line, Duration timeout) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.readString(log).contains(line)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("no '" + line + "' in the log\n" + logTail());
            }
            Thread.sleep(100);
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill9();
            }
        }
    }
}
