package io.genstream.app.generator;

import io.genstream.models.registry.VersionOrder;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable snapshot of the generators served, keyed {@code name@version}, with the latest
 * version of every name. The catalog swaps in a new snapshot when a version is added, so a reader
 * sees a version either not at all or complete.
 *
 * @param <G> the generator type
 */
final class ServedVersions<G> {

    private final Map<String, G> byId;
    private final Map<String, String> latestIdByName;

    private ServedVersions(Map<String, G> byId, Map<String, String> latestIdByName) {
        this.byId = Collections.unmodifiableMap(byId);
        this.latestIdByName = Collections.unmodifiableMap(latestIdByName);
    }

    static <G> ServedVersions<G> empty() {
        return new ServedVersions<>(Map.of(), Map.of());
    }

    /** This snapshot plus one version, which becomes its name's default when it is the latest. */
    ServedVersions<G> with(String name, String version, G generator) {
        return with(name, version, generator, true);
    }

    /**
     * This snapshot plus one version (replacing nothing: a served version is never reloaded).
     *
     * @param mayBecomeDefault whether a bare name may now mean this version, when it is the latest;
     *     the first version of a name always does
     */
    ServedVersions<G> with(String name, String version, G generator, boolean mayBecomeDefault) {
        String id = name + "@" + version;
        Map<String, G> ids = new LinkedHashMap<>(byId);
        ids.put(id, generator);
        Map<String, String> latest = new LinkedHashMap<>(latestIdByName);
        latest.merge(name, id, (old, added) ->
                mayBecomeDefault && VersionOrder.INSTANCE.compare(versionOf(old), version) < 0 ? added : old);
        return new ServedVersions<>(ids, latest);
    }

    private static String versionOf(String id) {
        return id.substring(id.lastIndexOf('@') + 1);
    }

    /**
     * The generator a request names: {@code name@version} exactly, or a bare name as its latest
     * served version.
     */
    Optional<G> find(String nameOrId) {
        String id = nameOrId.indexOf('@') >= 0 ? nameOrId : latestIdByName.get(nameOrId);
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    boolean contains(String id) {
        return byId.containsKey(id);
    }

    Collection<G> all() {
        return byId.values();
    }
}
