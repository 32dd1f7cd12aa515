package dev.groundwork.api.interview;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a roadmap names — an interview line, a concept, a build task — into the question an interviewer at a
 * given level would ask. A junior question checks understanding; mid asks how it works and where it fits; senior asks
 * about trade-offs, failure modes, "why" and "when would you not"; staff about choices across teams, growth and cost.
 * Each kind has its own shape per level. An interview line that already is a question is asked as written.
 */
final class QuestionShapes {

    static final List<String> KINDS = List.of("concept", "trade-off", "design", "scenario", "debugging");
    static final List<String> LEVELS = List.of("junior", "mid", "senior", "staff");

    private static final Pattern DESIGN = Pattern.compile(
            "(?i)^(?:system design|design|architect|build|implement|create|sketch)\\b\\s*:?");
    private static final Pattern WHEN_TO = Pattern.compile("(?i)^when to (?:use |apply |choose )?(.+)$");
    private static final Pattern VERSUS = Pattern.compile("(?i)\\s(?:vs\\.?|versus)\\s");
    private static final Pattern TRADE_OFF = Pattern.compile("(?i)\\btrade-?offs?\\b|\\bcomparison\\b|\\bcompare\\b");
    private static final Pattern DEBUGGING = Pattern.compile(
            "(?i)\\b(?:debug\\w*|troubleshoot\\w*|incident\\w*|outage\\w*|root cause|diagnos\\w*)\\b");
    private static final Pattern SCENARIO = Pattern.compile("(?i)\\b(?:monitoring|scal\\w+|production|migrat\\w+|"
            + "deploy\\w*|failover|disaster|capacity)\\b");
    private static final Pattern SYSTEM = Pattern.compile(
            "(?i)\\b(?:architecture|system|pipeline|infrastructure|platform|service)$");
    private static final Pattern LABEL = Pattern.compile("(?i)^(?:build|project|mini[- ]project|deliverable|task)\\s*:\\s*");

    private static final Map<String, Map<String, String>> SHAPES = Map.of(
            "concept", Map.of(
                    "junior", "What is %s, and what problem does it solve?",
                    "mid", "How does %s work, and what would you use it for in a real system?",
                    "senior", "Why does %s matter in practice, what trade-offs does it force, and when would you not"
                            + " rely on it? What goes wrong in production?",
                    "staff", "How would you explain %s to teams deciding on it across the organisation: what does it"
                            + " cost as the system grows, and when would you push back?"),
            "trade-off", Map.of(
                    "junior", "What are the main advantages and disadvantages of %s?",
                    "mid", "What does %s trade away, and what do you get in return?",
                    "senior", "Walk me through the trade-offs of %s: what does it cost, when is the alternative"
                            + " better, and how would you decide?",
                    "staff", "Your teams disagree about %s. How would you frame the trade-offs for them, what would"
                            + " you measure, and what would make you revisit the decision?"),
            "design", Map.of(
                    "junior", "How would you build %s? What are the main parts?",
                    "mid", "Design %s. Walk through the components and how data flows between them.",
                    "senior", "Design %s. Walk through the components, how it scales, where it fails first, and how"
                            + " you would find out.",
                    "staff", "Design %s for several teams over the next few years: the components, the capacity, the"
                            + " failure modes, and what you would build first."),
            "scenario", Map.of(
                    "junior", "You are asked to use %s in a small project. What do you do first, and what do you"
                            + " watch out for?",
                    "mid", "A service that relies on %s slows down under load. What would you check, and why?",
                    "senior", "Traffic on a system built around %s grows tenfold in a month. What breaks first, and"
                            + " what would you change?",
                    "staff", "Several teams depend on %s, and one failure in it took down three products. How would"
                            + " you limit the blast radius, and what would you change in how teams use it?"),
            "debugging", Map.of(
                    "junior", "Something that uses %s gives wrong results. How would you start to find out why?",
                    "mid", "A system that uses %s misbehaves now and then in production. How do you narrow down the"
                            + " cause?",
                    "senior", "A system that uses %s shows rising latency and occasional errors, but only at peak."
                            + " How would you debug it, and which of its failure modes would you suspect first?",
                    "staff", "An incident involving %s keeps coming back in different teams. How would you find the"
                            + " systemic cause, and what would you put in place so that it stays fixed?"));

    private QuestionShapes() {
    }

    /** The kind a line asks for by itself: a design line, a comparison, a debugging or an operations line. */
    static String naturalKind(String line, String origin) {
        String text = subject(line);
        if (DESIGN.matcher(text).find() || "build-task".equals(origin)
                || ("interview-line".equals(origin) && SYSTEM.matcher(text).find())) {
            return "design";
        }
        if (VERSUS.matcher(text).find() || TRADE_OFF.matcher(text).find() || WHEN_TO.matcher(text).find()) {
            return "trade-off";
        }
        if (DEBUGGING.matcher(text).find()) {
            return "debugging";
        }
        if (SCENARIO.matcher(text).find()) {
            return "scenario";
        }
        return "concept";
    }

    /** The question for a roadmap line, in the given kind and level. */
    static String question(String line, String origin, String kind, String level) {
        String text = subject(line);
        if ("interview-line".equals(origin) && text.endsWith("?")) {
            return text;
        }
        Matcher when = WHEN_TO.matcher(text);
        if (when.matches() && "trade-off".equals(kind)) {
            String choice = VERSUS.matcher(when.group(1)).replaceFirst(" rather than ");
            return "When would you use " + choice + ", and when would you not? " + tail(level);
        }
        if ("design".equals(kind) && "build-task".equals(origin) && !DESIGN.matcher(text).find()) {
            // "Add Redis caching": a task in the imperative, asked as how the learner would do it
            String task = text.length() > 1 && Character.isLowerCase(text.charAt(1))
                    ? Character.toLowerCase(text.charAt(0)) + text.substring(1) : text;
            if (task.matches("(?i)^(?:a|an|the)\\s.*")) {
                task = "build " + task;
            }
            String shape = SHAPES.get("design").get(level);
            return "How would you " + task + "?" + shape.substring(shape.indexOf("%s") + 3);
        }
        if ("design".equals(kind) && DESIGN.matcher(text).find()) {
            String what = DESIGN.matcher(text).replaceFirst("").strip();
            return String.format(Locale.ROOT, SHAPES.get("design").get(level), article(what));
        }
        if ("trade-off".equals(kind) && TRADE_OFF.matcher(text).find()) {
            String what = TRADE_OFF.matcher(text).replaceAll("").replaceAll("\\s+", " ").strip();
            return "What are the trade-offs in " + lower(what) + "? " + tail(level);
        }
        return String.format(Locale.ROOT, SHAPES.get(kind).get(level), "design".equals(kind) ? article(text)
                : lower(text));
    }

    /** What a senior or staff interviewer adds after a comparison; less for junior and mid. */
    private static String tail(String level) {
        return switch (level) {
            case "junior" -> "Give an example.";
            case "mid" -> "Say what you would check before choosing.";
            case "senior" -> "What fails, what does it cost, and how would you decide?";
            default -> "How would you decide for several teams, and what would make you revisit it?";
        };
    }

    /** The line without quotes, a "Build:" label, a trailing full stop or a parenthetical tail. */
    static String subject(String line) {
        String text = line.strip().replaceAll("^[\"“']+|[\"”']+$", "").strip();
        text = LABEL.matcher(text).replaceFirst("");
        text = text.replaceAll("\\s*\\(([^)]*)\\)$", "").replaceAll("[.;:]+$", "").strip();
        return text.isEmpty() ? line.strip() : text;
    }

    /** "a URL shortener" stays; "URL shortener" becomes "a URL shortener"; a plural ("message queues") stays bare. */
    private static String article(String what) {
        String lower = what.toLowerCase(Locale.ROOT);
        String head = lower.split("\\s+(?:for|with|that|in|of|using|on|at)\\s+", 2)[0].strip();
        String last = head.substring(head.lastIndexOf(' ') + 1);
        boolean plural = last.endsWith("s") && !last.endsWith("ss") && !last.endsWith("us") && !last.endsWith("is");
        if (lower.startsWith("a ") || lower.startsWith("an ") || lower.startsWith("the ") || plural
                || what.isEmpty()) {
            return lower(what);
        }
        String first = what.split("\\s+", 2)[0];
        boolean acronym = first.length() > 1 && first.equals(first.toUpperCase(Locale.ROOT));
        boolean vowelSound = acronym ? "AEFHILMNORSX".indexOf(first.charAt(0)) >= 0 : lower.matches("^[aeiou].*");
        return (vowelSound ? "an " : "a ") + lower(what);
    }

    /** Lower-cases the first letter of an ordinary capitalised word ("Feature store"), never an acronym or a name. */
    static String lower(String text) {
        if (text.length() < 2 || !Character.isUpperCase(text.charAt(0)) || !Character.isLowerCase(text.charAt(1))) {
            return text;
        }
        String first = text.split("[\\s:,]", 2)[0].toLowerCase(Locale.ROOT);
        boolean common = COMMON.contains(first.split("-", 2)[0]) || COMMON_ENDING.matcher(first).find();
        return common ? Character.toLowerCase(text.charAt(0)) + text.substring(1) : text;
    }

    /** Endings of ordinary English words ("Processing", "Scalability", "Advanced"), rarely of product names. */
    private static final Pattern COMMON_ENDING = Pattern.compile("(?:ing|tion|sion|ity|ment|ness|ance|ence|ics|ies|"
            + "ive|ous|ed|al)$");

    private static final java.util.Set<String> COMMON = java.util.Set.of("feature", "features", "data", "text",
            "model", "models", "production", "deployment", "algorithm", "system", "systems", "design", "distributed",
            "event", "events", "message", "messages", "caching", "cache", "load", "database", "databases", "service",
            "services", "api", "apis", "security", "monitoring", "testing", "batch", "stream", "streaming", "real-time",
            "scalable", "structured", "optimization", "neural", "classical", "deep", "transfer", "training",
            "inference", "consistent", "eventual", "replication", "sharding", "partitioning", "indexing", "query",
            "queries", "container", "containers", "network", "networking", "storage", "object", "objects", "backup",
            "rate", "authentication", "authorization", "access", "infrastructure", "platform", "enterprise",
            "specialized", "specialised", "time", "hyperparameter", "handling", "activation", "overfitting",
            "layer", "vector", "search", "ranking", "recommendation", "anomaly", "fraud", "visual", "governance",
            "pipeline", "pipelines", "microservices", "observability", "logging", "metrics", "tracing", "cost",
            "capacity", "performance", "concurrency", "transactions", "consensus", "leader", "how", "what", "why",
            "when", "key", "core", "basic", "advanced", "modern", "common");
}
