package dev.groundwork.api.retrieval;

/**
 * Where a search looks: a topic (the chunks of its and its subtopics' resources plus their own texts), a roadmap
 * (all of its topics), or everything.
 */
public record Scope(Kind kind, String id) {

    public enum Kind { GLOBAL, ROADMAP, TOPIC }

    public static Scope global() {
        return new Scope(Kind.GLOBAL, null);
    }

    public static Scope roadmap(String roadmapId) {
        return new Scope(Kind.ROADMAP, roadmapId);
    }

    public static Scope topic(String topicId) {
        return new Scope(Kind.TOPIC, topicId);
    }
}
