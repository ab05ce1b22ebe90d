package io.genstream.app.cli;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A program a test runs (prometheus, chromium), found on the PATH. Missing, the test is skipped with a clear
 * message, unless {@value #REQUIRE} is set (CI sets it), in which case the test fails.
 */
final class ExternalTool {

    static final String REQUIRE = "GENSTREAM_REQUIRE_TOOLS";

    private ExternalTool() {}

    static Optional<Path> find(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static boolean required() {
        return "1".equals(System.getenv(REQUIRE)) || "true".equalsIgnoreCase(System.getenv(REQUIRE));
    }

    /** The tool's path; skips (or, when required, fails) the calling test when it is missing. */
    static Path require(String name, String debianPackage) {
        Optional<Path> path = find(name);
        String message = name + " is not installed (apt-get install " + debianPackage + ")";
        if (path.isEmpty() && required()) {
            fail(message + ", and " + REQUIRE + " is set");
        }
        assumeTrue(path.isPresent(), message + ": test skipped; CI sets " + REQUIRE + "=1 and fails instead");
        return path.orElseThrow();
    }
}
