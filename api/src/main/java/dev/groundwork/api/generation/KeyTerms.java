package dev.groundwork.api.generation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The terms a roadmap concept line names, and whether a text mentions one. A line such as "CNNs: Convolution, pooling,
 * architecture patterns" or "Time series forecasting (ARIMA, Prophet, LSTM)" names several: the head before a colon,
 * the items of its lists, the alternatives of a "vs". Stateless.
 */
public final class KeyTerms {

    private static final Pattern SPLIT = Pattern.compile("\\s*(?:[,;:()→]|\\bvs\\.?(?=\\s)|\\bversus\\b|\\band\\b|&)\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING = Pattern.compile("^(?:(?:when|how|why|what) to \\w+|how|why|when|what|"
            + "intro(?:duction)? to|basics of|fundamentals of|overview of|understanding|understand|learn(?:ing)?|"
            + "read(?:ing)?|study|practice|build(?:ing)?|the|a|an)\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAILING = Pattern.compile("\\s+(?:basics|fundamentals|essentials|overview|"
            + "deep dive|introduction|concepts|techniques|strategies|patterns|approaches|best practices|"
            + "comparison|variants|solutions|systems?)$", Pattern.CASE_INSENSITIVE);
    private static final Set<String> TOO_GENERIC = Set.of("data", "model", "models", "system", "systems", "design",
            "architecture", "basics", "fundamentals", "overview", "introduction", "practice", "tools", "other",
            "scale", "production", "performance", "strategy", "process", "approach", "patterns", "hybrid");

    private KeyTerms() {
    }

    /** The terms of one concept line, most specific parts first, without repeats; at most five words each. */
    public static List<String> of(String concept) {
        Set<String> parts = new LinkedHashSet<>();
        for (String raw : SPLIT.split(concept)) {
            String part = raw.strip().replaceAll("^[-–—•*\\s]+|[-–—.\\s]+$", "");
            for (int i = 0; i < 3; i++) {
                part = LEADING.matcher(part).replaceFirst("");
                part = TRAILING.matcher(part).replaceFirst("");
            }
            part = part.strip();
            int words = part.isEmpty() ? 0 : part.split("\\s+").length;
            if (words == 0 || words > 5 || (Statements.terms(part).isEmpty() && !part.matches(".*\\p{Lu}{2}.*"))
                    || TOO_GENERIC.contains(part.toLowerCase(Locale.ROOT))) {
                continue;
            }
            parts.add(part);
        }
        return List.copyOf(parts);
    }

    /** The terms of several concept lines, in order, without repeats. */
    public static List<String> of(List<String> concepts) {
        Set<String> all = new LinkedHashSet<>();
        concepts.forEach(c -> all.addAll(of(c)));
        return new ArrayList<>(all);
    }

    /**
     * Whether {@code text} mentions {@code term}: the phrase itself (case ignored, whole words), or — for a term of
     * several words — every one of its content words.
     */
    public static boolean mentions(String text, String term) {
        if (text == null || term == null) {
            return false;
        }
        if (Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(term) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text).find()) {
            return true;
        }
        Set<String> wanted = Statements.terms(term);
        return wanted.size() > 1 && Statements.terms(text).containsAll(wanted);
    }
}
