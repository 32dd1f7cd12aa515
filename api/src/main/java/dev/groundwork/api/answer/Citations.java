package dev.groundwork.api.answer;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows the citation markers of an answer as it streams, and checks them when it ends: a marker of a source
 * that was not retrieved is dropped, and every sentence without a valid marker is reported as unsupported. One per
 * answer; not thread-safe (a stream's events arrive one at a time).
 */
final class Citations {

    private static final Pattern MARKER = Pattern.compile("\\[(\\d{1,3})]");
    private static final Pattern ONLY_MARKERS = Pattern.compile("[\\s\\p{Punct}]*(\\[\\d{1,3}][\\s\\p{Punct}]*)+");

    private final int sources;
    private final StringBuilder text = new StringBuilder();
    private final Set<Integer> seenAt = new HashSet<>();
    private final Set<Integer> dropped = new LinkedHashSet<>();

    Citations(int sources) {
        this.sources = sources;
    }

    /** Appends a token and returns the source numbers of the valid markers it completed, in order. */
    List<Integer> append(String token) {
        int from = Math.max(0, text.length() - 5);   // a marker split across tokens: "[1" + "2]"
        text.append(token);
        List<Integer> completed = new ArrayList<>();
        Matcher marker = MARKER.matcher(text);
        marker.region(from, text.length());
        while (marker.find()) {
            if (!seenAt.add(marker.start())) {
                continue;
            }
            int n = Integer.parseInt(marker.group(1));
            if (n >= 1 && n <= sources) {
                completed.add(n);
            } else {
                dropped.add(n);
            }
        }
        return completed;
    }

    String text() {
        return text.toString();
    }

    boolean isEmpty() {
        return text.isEmpty();
    }

    /** Marker numbers that pointed at no retrieved source. */
    List<Integer> dropped() {
        return List.copyOf(dropped);
    }

    /**
     * The sentences of the answer that cite no retrieved source. Code, headings and notes set entirely in
     * emphasis (such as the offline-mode line) are not claims and are skipped.
     */
    List<String> unsupported() {
        List<String> unsupported = new ArrayList<>();
        boolean code = false;
        for (String line : text.toString().split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("```")) {
                code = !code;
                continue;
            }
            if (code || trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("|")
                    || trimmed.matches("_[^_]+_\\.?") || trimmed.matches("\\*[^*]+\\*\\.?")) {
                continue;
            }
            for (String sentence : sentences(trimmed.replaceFirst("^([-*+]|\\d+[.)])\\s+", ""))) {
                if (!supported(sentence) && sentence.chars().filter(Character::isLetter).count() >= 12) {
                    unsupported.add(sentence);
                }
            }
        }
        return unsupported;
    }

    private boolean supported(String sentence) {
        Matcher marker = MARKER.matcher(sentence);
        while (marker.find()) {
            int n = Integer.parseInt(marker.group(1));
            if (n >= 1 && n <= sources) {
                return true;
            }
        }
        return false;
    }

    /** Sentences of a line; a fragment of only markers ("[2]." after "… end.") belongs to the one before. */
    private static List<String> sentences(String line) {
        List<String> sentences = new ArrayList<>();
        BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        breaks.setText(line);
        for (int start = breaks.first(), end = breaks.next(); end != BreakIterator.DONE;
                start = end, end = breaks.next()) {
            String sentence = line.substring(start, end).strip();
            if (sentence.isEmpty()) {
                continue;
            }
            if (!sentences.isEmpty() && ONLY_MARKERS.matcher(sentence).matches()) {
                sentences.set(sentences.size() - 1, sentences.get(sentences.size() - 1) + " " + sentence);
            } else {
                sentences.add(sentence);
            }
        }
        return sentences;
    }
}
