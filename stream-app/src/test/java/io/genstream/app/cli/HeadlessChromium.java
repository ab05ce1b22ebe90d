package io.genstream.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Headless Chromium with a fresh profile and nothing that reaches the network on its own. */
final class HeadlessChromium {

    private final Path binary;
    private final Path workDir;

    HeadlessChromium(Path binary, Path workDir) {
        this.binary = binary;
        this.workDir = workDir;
    }

    /** Loads the page and returns its DOM after scripts ran. */
    String dumpDom(String url) throws IOException, InterruptedException {
        Path out = workDir.resolve("dom.html");
        run(List.of("--dump-dom", url), out);
        return Files.readString(out);
    }

    /** Loads the page and writes a PNG screenshot of the window. */
    Path screenshot(String url, int width, int height) throws IOException, InterruptedException {
        Path png = workDir.resolve("screenshot.png");
        run(List.of("--screenshot=" + png, "--window-size=" + width + "," + height, "--force-device-scale-factor=1",
                "--hide-scrollbars", url), workDir.resolve("screenshot.log"));
        return png;
    }

    private void run(List<String> args, Path stdout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createTempDirectory(workDir, "profile-")));
        command.addAll(args);
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(workDir.resolve("chromium-stderr.log").toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("chromium did not finish in 60 s: " + command);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("chromium exited " + process.exitValue() + ": "
                    + Files.readString(workDir.resolve("chromium-stderr.log")));
        }
    }
}
