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
    private static final Set<String> TOO_GENERIC = Set.copyOf(java.util.List.of("data", "model", "models", "system",
            "systems", "design",
            "architecture", "basics", "fundamentals", "overview", "introduction", "practice", "tools", "other",
            "scale", "production", "performance", "strategy", "process", "approach", "patterns", "hybrid", "handling",
            "strategies", "techniques", "methods", "method", "options", "considerations", "tradeoffs", "trade-offs",
            "principles", "practices", "concepts", "types", "variants", "examples", "challenges", "solutions",
            "benefits", "use cases", "implementation", "optimization", "management", "integration", "deployment",
            "basics", "setup", "tooling", "workflow", "workflows", "lifecycle", "structure", "frameworks", "framework",
            "models", "pipelines", "pipeline", "layers", "components", "features", "metrics", "analysis", "review",
            "fundamentals", "essentials", "introduction", "deep dive", "comparison", "selection", "decisions",
            "requirements", "estimation", "calculations", "approaches", "patterns", "updates", "strategy", "level",
            "levels", "scale", "systems", "applications", "services", "apps", "projects", "project", "week", "day"));

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

    /** "Week 7 – ", "Day 12: ", "Month 2: ", "M1: ": the label of a roadmap's numbered heading. */
    private static final Pattern LABEL = Pattern.compile("^(?:week|day|month|phase|milestone|part|step|module|stage|"
            + "sprint|m|w|d)\\s*\\d+(?:\\s*[-–—]\\s*\\d+)?\\s*[:.–—-]\\s*", Pattern.CASE_INSENSITIVE);

    /**
     * The terms a topic's title names ("Week 7 – Testing & CI/CD" → testing, CI/CD): the numbered label dropped, its
     * Title Case words read as common words (a title capitalises every word), acronyms kept.
     */
    public static List<String> ofTitle(String title) {
        String bare = LABEL.matcher(title.strip()).replaceFirst("");
        List<String> terms = new ArrayList<>();
        for (String term : of(bare)) {
            StringBuilder plain = new StringBuilder();
            for (String word : term.split(" ")) {
                boolean titleCase = word.length() > 1 && Character.isUpperCase(word.codePointAt(0))
                        && word.substring(1).chars().noneMatch(Character::isUpperCase);
                plain.append(plain.isEmpty() ? "" : " ").append(titleCase ? word.toLowerCase(Locale.ROOT) : word);
            }
            if (!TOO_GENERIC.contains(plain.toString())) {
                terms.add(plain.toString());
            }
        }
        return terms;
    }

    /** An acronym ("YOLO", "CDN", "JWTs"): matched as written, so that "cdn" in a URL is not taken for it. */
    static boolean name(String term) {
        return !term.contains(" ") && term.length() > 1 && term.chars().filter(Character::isLetter)
                .filter(Character::isUpperCase).count() >= 2 && term.chars().filter(Character::isLowerCase).count() <= 1;
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
        // an acronym is matched as written
        int flags = name(term) ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        if (Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(term) + "(?![\\p{L}\\p{N}])", flags)
                .matcher(text).find()) {
            return true;
        }
        if (name(term)) {
            return false;
        }
        Set<String> wanted = Statements.terms(term);
        return wanted.size() > 1 && Statements.terms(text).containsAll(wanted);
    }
}
