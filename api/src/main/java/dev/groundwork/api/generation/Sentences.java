package dev.groundwork.api.generation;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Sentences of a passage, and the content words of a text. Stateless. */
final class Sentences {

    private static final Set<String> STOPWORDS = Set.of("the", "and", "for", "are", "but", "not", "you", "your", "with",
            "this", "that", "from", "they", "have", "has", "had", "was", "were", "will", "would", "can", "could",
            "should", "what", "when", "where", "which", "who", "why", "how", "does", "did", "its", "into", "about",
            "than", "then", "there", "their", "them", "these", "those", "been", "being", "also", "such", "some", "any",
            "all", "each", "other", "more", "most", "use", "used", "using", "between", "our", "out", "over", "only",
            "very", "just", "may", "might", "must", "shall", "here", "both", "own", "same", "too", "per", "via");

    private Sentences() {
    }

    /**
     * The prose sentences of a passage, in order: fenced code, table rows and list markers are left out, and so are
     * fragments too short or too long to quote (under 4 words, over 400 characters).
     */
    static List<String> of(String passage) {
        List<String> sentences = new ArrayList<>();
        boolean code = false;
        StringBuilder paragraph = new StringBuilder();
        for (String line : passage.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("```")) {
                code = !code;
                flush(paragraph, sentences);
                continue;
            }
            if (code || trimmed.startsWith("|") || trimmed.isEmpty() || trimmed.startsWith("#")) {
                flush(paragraph, sentences);
                continue;
            }
            paragraph.append(trimmed.replaceFirst("^([-*+]|\\d+[.)])\\s+", "")).append(' ');
            if (!trimmed.endsWith(",") && (trimmed.endsWith(".") || trimmed.endsWith(":") || trimmed.endsWith("?")
                    || trimmed.endsWith("!"))) {
                flush(paragraph, sentences);
            }
        }
        flush(paragraph, sentences);
        return sentences;
    }

    /** Lower-cased content words (three letters or more, no stopwords, plural s dropped). */
    static Set<String> terms(String text) {
        Set<String> terms = new HashSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= 3 && !STOPWORDS.contains(word)) {
                terms.add(word.length() > 4 && word.endsWith("s") && !word.endsWith("ss")
                        ? word.substring(0, word.length() - 1) : word);
            }
        }
        return terms;
    }

    private static void flush(StringBuilder paragraph, List<String> sentences) {
        String text = paragraph.toString().strip();
        paragraph.setLength(0);
        if (text.isEmpty()) {
            return;
        }
        BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        breaks.setText(text);
        for (int start = breaks.first(), end = breaks.next(); end != BreakIterator.DONE;
                start = end, end = breaks.next()) {
            String sentence = text.substring(start, end).strip();
            if (sentence.length() <= 400 && sentence.split("\\s+").length >= 4) {
                sentences.add(sentence);
            }
        }
    }
}
