package io.genstream.app.routing;

import io.genstream.avro.ModelRoute;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The routes in force, by alias: the latest {@code ModelRoute} of each key of the routes topic (kept
 * current by {@link RouteFeed}). An alias is a model name; its route lists versions of that model. A
 * name with no route is served by its latest version. Thread-safe: stream threads read it while the
 * feed and the canary gate write it.
 */
public final class RouteTable {

    private final Map<String, ModelRoute> routes = new ConcurrentHashMap<>();

    /** The route of an alias, if one is set. */
    public Optional<ModelRoute> route(String alias) {
        return Optional.ofNullable(routes.get(alias));
    }

    /** Sets an alias's route; a null route (a tombstone) removes it. */
    public void put(String alias, ModelRoute route) {
        if (route == null) {
            routes.remove(alias);
        } else {
            routes.put(alias, route);
        }
    }

    /** Every route in force, by alias. */
    public Map<String, ModelRoute> all() {
        return Map.copyOf(routes);
    }

    /**
     * The model version ({@code name@version}) that serves a request for {@code model} with this
     * requestId: by its alias's route, else {@code model} itself (a name: its latest version; or an
     * explicit {@code name@version}). Empty when the route gives no version any weight.
     */
    public Optional<String> resolve(String model, String requestId) {
        return resolveAt(model, RouteChooser.point(requestId));
    }

    /**
     * Every version that may serve a request for {@code model}: its alias's versions with a positive
     * weight, in route order, else {@code model} itself. Request validation checks a request against
     * the first of them served here, before a version is chosen for it.
     */
    public List<String> candidates(String model) {
        ModelRoute route = routes.get(model);
        if (route == null) {
            return List.of(model);
        }
        return route.getRoutes().stream().filter(e -> e.getWeight() > 0).map(e -> model + "@" + e.getVersion())
                .toList();
    }

    private Optional<String> resolveAt(String model, double point) {
        ModelRoute route = routes.get(model);
        if (route == null) {
            return Optional.of(model);
        }
        return RouteChooser.version(route, point).map(version -> model + "@" + version);
    }
}
