package dev.groundwork.api.flashcard;

import java.util.Map;

/** A learner's cards in a roadmap: in all, stale, and per topic id. */
record CardCounts(long total, long stale, Map<String, TopicCount> topics) {

    /** One topic's cards and stale cards. */
    record TopicCount(long cards, long stale) {
    }
}
