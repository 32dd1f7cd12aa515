package dev.groundwork.api.answer.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Distinct questions, so that no cache flatters a measurement: the first {@value #WORDS} words of each sentence of
 * the ingested sources (about as long as a learner's question), each asked once; when they run out, they come round
 * again with a number, which still makes each text new to a cache. Thread-safe.
 */
final class Questions {

    static final int WORDS = 8;

    private final List<String> sentences;
    private final AtomicInteger next = new AtomicInteger();

    private Questions(List<String> sentences) {
        this.sentences = sentences;
    }

    static Questions from(JdbcClient jdbc) {
        Set<String> sentences = new LinkedHashSet<>();
        for (String content : jdbc.sql("SELECT content FROM chunks ORDER BY id").query(String.class).list()) {
            for (String sentence : content.split("(?<=[.?!])\\s+|\\n+")) {
                String[] words = sentence.strip().replaceAll("[^\\p{L}\\p{N}\\s'-]", " ").strip().split("\\s+");
                if (words.length >= WORDS && !sentence.strip().startsWith("#")) {
                    sentences.add(String.join(" ", java.util.Arrays.copyOf(words, WORDS)) + "?");
                }
            }
        }
        if (sentences.isEmpty()) {
            throw new IllegalStateException("No sentences in the ingested chunks");
        }
        return new Questions(new ArrayList<>(sentences));
    }

    int size() {
        return sentences.size();
    }

    /** A question no earlier call returned. */
    String next() {
        int n = next.getAndIncrement();
        String sentence = sentences.get(n % sentences.size());
        return n < sentences.size() ? sentence : sentence + " (" + (n / sentences.size()) + ")";
    }
}
