package dev.groundwork.api.flashcard;

import dev.groundwork.api.generation.KeyTerms;
import dev.groundwork.api.retrieval.RetrievedChunk;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What cards for a topic are written from.
 *
 * @param topicTitle the topic's title
 * @param concepts   the roadmap's concept lines of the topic and its subtopics
 * @param terms      the key terms those lines name, each mapped to its line
 * @param uncovered  the lines no card of the learner on this topic mentions yet
 * @param passages   the passages, most wanted first: those that mention an uncovered concept, then the topic's most
 *                   relevant ones; never the topic's own roadmap text
 * @param broadened  the topic's own sources were thin, so the whole knowledge base was searched for its concepts
 */
record Material(String topicTitle, List<String> concepts, Map<String, String> terms, Set<String> uncovered,
        List<RetrievedChunk> passages, boolean broadened) {

    /** The terms cards may teach, most wanted first: the concept lines' terms, then the title's. */
    List<String> keyTerms() {
        List<String> all = new ArrayList<>(terms.keySet());
        // a single common word of the title ("testing") says too little to be deleted from a sentence
        KeyTerms.ofTitle(topicTitle).stream().filter(t -> !all.contains(t) && !t.matches("\\p{Ll}+"))
                .forEach(all::add);
        return all;
    }

    /** What the topic is about: its concept lines' terms and its title's. */
    List<String> subject() {
        List<String> all = new ArrayList<>(terms.keySet());
        KeyTerms.ofTitle(topicTitle).stream().filter(t -> !all.contains(t)).forEach(all::add);
        return all;
    }

    /** The key terms of uncovered concept lines. */
    Set<String> uncoveredTerms() {
        return terms.entrySet().stream().filter(e -> uncovered.contains(e.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }
}
