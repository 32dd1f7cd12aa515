package dev.groundwork.api.exchange;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where cards go between a roadmap and Anki's decks and tags. Out: one deck per roadmap ({@code Roadmap title}), a
 * subdeck per top-level topic ({@code Roadmap title::Topic title}); tags {@code groundwork::<roadmap>} and
 * {@code groundwork::<roadmap>::<topic key>} beside the card's own. In: a card goes on the topic its Groundwork tag
 * names (when it is a topic of the target roadmap), else on the topic its deck or subdeck is named after, else on the
 * roadmap's first top-level topic.
 */
final class Decks {

    private final String roadmapId;
    private final String rootDeck;
    private final Map<UUID, ExchangeStore.Topic> byId = new HashMap<>();
    private final List<ExchangeStore.Topic> topics;

    Decks(ExchangeStore.Roadmap roadmap, List<ExchangeStore.Topic> topics) {
        this.roadmapId = roadmap.id();
        this.rootDeck = clean(roadmap.title());
        this.topics = topics;
        topics.forEach(t -> byId.put(t.id(), t));
    }

    String rootDeck() {
        return rootDeck;
    }

    /** The deck of a card on {@code topicId}: the roadmap's deck, subdeck of the topic's top-level ancestor. */
    String deck(UUID topicId) {
        ExchangeStore.Topic top = topLevel(topicId);
        return top == null ? rootDeck : rootDeck + "::" + clean(top.title());
    }

    /** The roadmap's and the topic's tags. */
    List<String> tags(UUID topicId) {
        String roadmapTag = RowReader.TAG_PREFIX + tagSafe(roadmapId);
        ExchangeStore.Topic topic = byId.get(topicId);
        return topic == null ? List.of(roadmapTag)
                : List.of(roadmapTag, roadmapTag + "::" + tagSafe(topic.key()).replace("/", "::"));
    }

    /** The topic of the roadmap an imported row belongs on. */
    UUID topicFor(String deck, List<String> topicTags) {
        String prefix = (RowReader.TAG_PREFIX + tagSafe(roadmapId) + "::").toLowerCase(Locale.ROOT);
        for (String tag : topicTags) {
            if (tag.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                String key = tag.substring(prefix.length()).replace("::", "/");
                Optional<ExchangeStore.Topic> topic = live().filter(t -> tagSafe(t.key()).equalsIgnoreCase(key))
                        .findFirst();
                if (topic.isPresent()) {
                    return topic.get().id();
                }
            }
        }
        if (deck != null) {
            String[] parts = deck.split("::");
            for (int i = parts.length - 1; i >= 0; i--) {
                String name = parts[i].strip();
                Optional<ExchangeStore.Topic> topic = live().filter(t -> clean(t.title()).equalsIgnoreCase(name))
                        .min(Comparator.comparing((ExchangeStore.Topic t) -> t.parentId() != null)
                                .thenComparingInt(ExchangeStore.Topic::position));
                if (topic.isPresent()) {
                    return topic.get().id();
                }
            }
        }
        return firstTopLevel();
    }

    UUID firstTopLevel() {
        return live().filter(t -> t.parentId() == null).findFirst()
                .or(() -> live().findFirst())
                .or(() -> topics.stream().findFirst())
                .map(ExchangeStore.Topic::id).orElseThrow();
    }

    /** The topic and every topic below it. */
    List<UUID> subtree(UUID topicId) {
        return topics.stream().filter(t -> isWithin(t, topicId)).map(ExchangeStore.Topic::id).toList();
    }

    private boolean isWithin(ExchangeStore.Topic topic, UUID ancestor) {
        ExchangeStore.Topic t = topic;
        for (int depth = 0; t != null && depth < 64; depth++) {
            if (t.id().equals(ancestor)) {
                return true;
            }
            t = t.parentId() == null ? null : byId.get(t.parentId());
        }
        return false;
    }

    private ExchangeStore.Topic topLevel(UUID topicId) {
        ExchangeStore.Topic t = byId.get(topicId);
        for (int depth = 0; t != null && t.parentId() != null && depth < 64; depth++) {
            t = byId.getOrDefault(t.parentId(), t);
            if (t.parentId() != null && !byId.containsKey(t.parentId())) {
                break;
            }
        }
        return t;
    }

    private java.util.stream.Stream<ExchangeStore.Topic> live() {
        return topics.stream().filter(t -> !t.archived());
    }

    /** A title as a deck name part: Anki's separator {@code ::} cannot appear in it. */
    static String clean(String title) {
        String cleaned = title == null ? "" : title.replace("::", ":").replaceAll("\\s+", " ").strip();
        return cleaned.isEmpty() ? "Untitled" : cleaned;
    }

    /** Anki tags hold no spaces. */
    static String tagSafe(String value) {
        return value.strip().replaceAll("\\s+", "_");
    }
}
