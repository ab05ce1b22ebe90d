package io.genstream.models.text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The words of the {@code catalog} grammar: user segments, and per category its items and the
 * features its items may be praised for. Kept small on purpose: a small character-level model
 * must be able to learn the whole language.
 */
public final class CatalogLexicon {

    /** One category: the items it holds and the features that may be said of them. */
    public record Category(String name, List<String> items, List<String> features) {}

    public static final List<String> SEGMENTS = List.of(
            "runners", "new parents", "home cooks", "gamers",
            "hikers", "students", "gardeners", "remote workers");

    public static final List<Category> CATEGORIES = List.of(
            new Category("footwear", List.of("trail shoe", "road shoe", "hiking boot"),
                    List.of("light", "grippy", "waterproof", "cushioned")),
            new Category("kitchen", List.of("stand mixer", "chef knife", "cast iron pan"),
                    List.of("sharp", "sturdy", "compact", "nonstick")),
            new Category("baby", List.of("baby carrier", "stroller", "night light"),
                    List.of("soft", "safe", "foldable", "quiet")),
            new Category("gaming", List.of("headset", "controller", "gaming chair"),
                    List.of("wireless", "comfy", "responsive", "durable")),
            new Category("outdoor", List.of("tent", "backpack", "water bottle"),
                    List.of("waterproof", "light", "roomy", "durable")),
            new Category("garden", List.of("pruner", "garden hose", "seed kit"),
                    List.of("sturdy", "sharp", "flexible", "compact")),
            new Category("office", List.of("standing desk", "desk lamp", "webcam"),
                    List.of("adjustable", "bright", "quiet", "compact")),
            new Category("study", List.of("planner", "laptop stand", "pen set"),
                    List.of("handy", "light", "sturdy", "colorful")));

    private static final Map<String, Category> BY_NAME = new LinkedHashMap<>();
    private static final Map<String, Category> BY_ITEM = new LinkedHashMap<>();

    static {
        for (Category c : CATEGORIES) {
            BY_NAME.put(c.name(), c);
            for (String item : c.items()) {
                if (BY_ITEM.put(item, c) != null) {
                    throw new IllegalStateException("item in two categories: " + item);
                }
            }
        }
    }

    private static final List<String> ITEMS = List.copyOf(BY_ITEM.keySet());
    private static final List<String> FEATURES =
            CATEGORIES.stream().flatMap(c -> c.features().stream()).distinct().toList();
    private static final List<String> CATEGORY_NAMES = List.copyOf(BY_NAME.keySet());

    private CatalogLexicon() {}

    public static Optional<Category> category(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static Optional<Category> categoryOfItem(String item) {
        return Optional.ofNullable(BY_ITEM.get(item));
    }

    /** Every item of every category, in lexicon order. */
    public static List<String> allItems() {
        return ITEMS;
    }

    /** Every feature word, without repeats, in lexicon order. */
    public static List<String> allFeatures() {
        return FEATURES;
    }

    public static List<String> categoryNames() {
        return CATEGORY_NAMES;
    }
}
