package io.genstream.models.tf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;

import org.bytedeco.javacpp.Loader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points DJL's TensorFlow engine at native libraries that are already on this machine, before
 * the engine starts, so that it never tries to download them or to call home.
 *
 * <p>Why this exists: DJL 0.28's TensorFlow engine only accepts the natives bundled in
 * {@code tensorflow-native-cpu-2.10.1} when the host's CUDA flavour matches the jar's (it is a
 * CUDA 11.3 build), and otherwise falls back to a download, which fails offline. TF Java 0.5.0
 * ships the same TensorFlow 2.10.1 as a CPU build. So:
 *
 * <ol>
 *   <li>{@code TENSORFLOW_LIBRARY_PATH} (environment or system property), when set, wins: that is
 *       how an operator supplies a different build, e.g. for a GPU with a newer CUDA.
 *   <li>With a CUDA GPU visible and the CUDA 11.3 build on the class path, that build is unpacked
 *       once into the cache folder and used: the GPU path.
 *   <li>Otherwise TF Java's CPU build is used: javacpp unpacks it into its cache, and DJL is told
 *       where.
 * </ol>
 */
public final class TensorFlowNatives {

    /** Property and environment variable DJL reads for an explicit natives folder. */
    public static final String LIBRARY_PATH_KEY = "TENSORFLOW_LIBRARY_PATH";

    private static final Logger LOG = LoggerFactory.getLogger(TensorFlowNatives.class);
    private static final String JNI_LIBRARY = "libjnitensorflow.so";
    private static final String GPU_BUILD_RESOURCE = "native/lib/";
    private static final List<String> GPU_BUILD_FILES =
            List.of(JNI_LIBRARY, "libtensorflow_framework.so.2", "libtensorflow_cc.so.2");

    private static volatile Path located;

    private TensorFlowNatives() {}

    /** The natives in use, with the reason they were chosen. */
    public record Location(Path directory, String source) {}

    /**
     * Locates the natives (once per JVM) and sets the system properties DJL reads. Safe to call
     * from any thread, any number of times.
     *
     * @return the folder holding {@code libjnitensorflow.so}
     */
    public static synchronized Location ensureLocated() {
        // DJL must stay offline: no model-zoo or natives download, no usage telemetry.
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        if (located != null) {
            return new Location(located, "already located");
        }
        Location location = locate();
        System.setProperty(LIBRARY_PATH_KEY, location.directory().toString());
        located = location.directory();
        LOG.info("TensorFlow natives: {} ({})", location.directory(), location.source());
        return location;
    }

    private static Location locate() {
        String configured = System.getProperty(LIBRARY_PATH_KEY, System.getenv(LIBRARY_PATH_KEY));
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured);
            if (!Files.isRegularFile(dir.resolve(JNI_LIBRARY))) {
                throw new IllegalStateException(
                        LIBRARY_PATH_KEY + "=" + configured + " has no " + JNI_LIBRARY);
            }
            return new Location(dir, LIBRARY_PATH_KEY);
        }
        if (CudaProbe.gpuCount() > 0 && hasGpuBuild()) {
            return new Location(unpackGpuBuild(), "CUDA 11.3 build, GPU visible");
        }
        return new Location(unpackCpuBuild(), "TF Java CPU build");
    }

    private static boolean hasGpuBuild() {
        return TensorFlowNatives.class.getClassLoader().getResource(GPU_BUILD_RESOURCE + JNI_LIBRARY)
                != null;
    }

    private static Path unpackCpuBuild() {
        try {
            Path jni =
                    Loader.cacheResource(
                                    org.tensorflow.internal.c_api.global.tensorflow.class,
                                    Loader.getPlatform() + "/" + JNI_LIBRARY)
                            .toPath();
            return Objects.requireNonNull(jni.getParent());
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException(
                    "TensorFlow CPU natives (tensorflow-core-api:linux-x86_64) are not on the class path",
                    e);
        }
    }

    private static Path unpackGpuBuild() {
        Path dir = cacheRoot().resolve("tensorflow-2.10.1-cu113");
        if (Files.isRegularFile(dir.resolve(JNI_LIBRARY))) {
            return dir;
        }
        try {
            Files.createDirectories(dir.getParent());
            Path tmp = Files.createTempDirectory(dir.getParent(), "unpack");
            for (String file : GPU_BUILD_FILES) {
                try (InputStream in =
                        TensorFlowNatives.class
                                .getClassLoader()
                                .getResourceAsStream(GPU_BUILD_RESOURCE + file)) {
                    if (in == null) {
                        throw new IOException("missing " + GPU_BUILD_RESOURCE + file);
                    }
                    Files.copy(in, tmp.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            // Moved into place at once, so a half-unpacked folder is never taken as complete.
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the CUDA TensorFlow build into " + dir, e);
        }
    }

    private static Path cacheRoot() {
        String override = System.getenv("GENSTREAM_CACHE_DIR");
        return override != null && !override.isBlank()
                ? Path.of(override)
                : Path.of(System.getProperty("user.home"), ".cache", "genstream");
    }
}
