package io.genstream.app.routing;

import io.genstream.app.generator.ModelCatalog;
import io.genstream.models.manifest.ModelStoreException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds new model versions while serving: every interval it scans the model store and hands each
 * version the catalog does not serve yet to {@link ModelCatalog#admit}, which verifies it, loads it
 * and adds it atomically, or refuses it (the catalog keeps serving what it had). A refused version
 * is tried again on later scans, so a version still being copied is served once it is complete;
 * copying a version beside the store and renaming it in avoids the refusals.
 */
public final class ModelStoreWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModelStoreWatcher.class);

    private final Path root;
    private final ModelCatalog catalog;
    private final ScheduledExecutorService scheduler;
    private String lastScanFailure;

    private ModelStoreWatcher(Path root, ModelCatalog catalog, ScheduledExecutorService scheduler) {
        this.root = root;
        this.catalog = catalog;
        this.scheduler = scheduler;
    }

    /** Scans {@code root} every {@code interval} from now on. */
    public static ModelStoreWatcher start(Path root, ModelCatalog catalog, Duration interval) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "genstream-model-store-watcher");
            thread.setDaemon(true);
            return thread;
        });
        ModelStoreWatcher watcher = new ModelStoreWatcher(root, catalog, scheduler);
        scheduler.scheduleWithFixedDelay(watcher::scanLogged, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return watcher;
    }

    private void scanLogged() {
        try {
            scan();
        } catch (RuntimeException e) {
            // The scheduler would stop scanning for good on an escaping exception.
            LOG.error("Model store scan failed; scanning again in the next interval", e);
        }
    }

    /**
     * One scan.
     *
     * @return the versions ({@code name@version}) added by it
     */
    public synchronized List<String> scan() {
        List<String> added;
        try {
            added = catalog.admitNew(root);
        } catch (ModelStoreException | UncheckedIOException e) {
            if (!Objects.equals(lastScanFailure, e.getMessage())) {
                LOG.error("Cannot read the model store {}: {}; serving what was loaded", root, e.getMessage());
            }
            lastScanFailure = e.getMessage();
            return List.of();
        }
        lastScanFailure = null;
        if (!added.isEmpty()) {
            LOG.info("Now serving {} (added from {})", added, root);
        }
        return added;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
