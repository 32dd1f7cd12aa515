package dev.groundwork.api.generation;

import dev.groundwork.api.retrieval.RetrievedChunk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes cards without a model, from the text itself: definitions ("X is a …", "X refers to …") as basic cards,
 * term–definition pairs (list items "Term – definition", bold leads, two-column table rows) as reversed cards, a
 * lead-in with its list as a basic card, and cloze deletions of key terms (the topic's concepts, bold and code terms,
 * defined terms) in informative sentences. Only statements the shared quality filter ({@link Statements}) accepts
 * are used, each at most once, and every card quotes its statement verbatim. Stateless; CPU only.
 */
public final class OfflineCards {

    private static final Pattern DEFINITION = Pattern.compile("^(?<article>(?:The|A|An)\\s+)?(?<term>[\\p{L}\\p{N}]"
            + "[\\p{L}\\p{N} .+#'’/-]{0,60}?)\\s+(?<verb>is defined as|are defined as|refers to|refer to|stands for|"
            + "is|are|means)\\s+(?<rest>.+)$", Pattern.DOTALL);
    private static final Pattern DETERMINER = Pattern.compile("^(?:a|an|the|one|any|used|responsible|defined|"
            + "designed|made up|composed|based)\\b", Pattern.CASE_INSENSITIVE);
    /** A lead-in that announces a list of things: "the following guarantees", "three kinds", "include". */
    private static final Pattern ENUMERATION = Pattern.compile("(?i)\\b(?:following|these|two|three|four|five|six|"
            + "seven|several|both|\\d+|types?|kinds?|categories|ways|forms|levels|parts|components|properties|"
            + "guarantees|principles|include|includes|including|consists? of|such as|main|key|are|are:)\\b");
    private static final Set<String> EVALUATIVE = Set.of("good", "great", "better", "best", "common", "popular",
            "simple", "easy", "important", "nice", "bad", "key", "critical", "useful", "recommended", "lot", "little",
            "few", "bit", "must", "way", "matter", "broad", "difficult", "hard", "complex", "slow", "fast", "tricky",
            "powerful", "huge", "large", "small", "big", "reason", "problem", "question", "example", "case", "thing",
            "new", "part", "step", "result", "choice", "option", "number", "variety", "set", "list");
    private static final Set<String> NOT_A_TERM = Set.of("this", "that", "it", "there", "here", "what", "which", "one",
            "each", "every", "some", "most", "many", "all", "both", "such", "another", "other", "your", "our", "we",
            "you", "they", "he", "she", "its", "their", "these", "those", "following", "result", "goal", "idea",
            "answer", "reason", "difference", "problem", "solution", "key", "point", "default", "first", "next",
            "last", "only", "main");
    private static final Set<String> GENERIC_HEADINGS = Set.of("introduction", "overview", "summary", "examples",
            "example", "installation", "prerequisites", "next steps", "conclusion", "getting started", "usage",
            "setup", "notes", "faq", "references", "resources", "background", "motivation", "requirements",
            "concepts", "basics", "quickstart", "tutorial", "contents");

    private OfflineCards() {
    }

    /**
     * Candidate cards from the passages, best first: at most one per statement.
     *
     * @param passages  the passages, most relevant first; a candidate's {@code passage} is its 1-based index here
     * @param concepts  the topic's key terms ({@link KeyTerms}), most important first
     * @param uncovered those of {@code concepts} that no card of the learner teaches yet: cards on them rank first
     * @param types     the card types wanted ({@code basic}, {@code reversed}, {@code cloze})
     */
    public static List<CardCandidate> write(List<RetrievedChunk> passages, List<String> concepts,
            Set<String> uncovered, Set<String> types) {
        List<CardCandidate> all = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            RetrievedChunk passage = passages.get(i);
            List<Segment> segments = Segments.of(passage);
            List<Statement> statements = Statements.of(passage.text(), segments);
            List<String> terms = keyTerms(passage, segments, statements, concepts);
            String heading = contextHeading(passage);
            double rank = 0.8 / (1 + i * 0.15);
            for (Statement statement : statements) {
                if (!statement.ok() || (statement.kind() == Statement.Kind.SENTENCE
                        && Statements.INSTRUCTION.matcher(statement.text()).find())) {
                    continue;   // an instruction ("Follow the guide to …") teaches no fact
                }
                CardCandidate best = null;
                for (CardCandidate c : candidates(statement, i + 1, heading, terms, concepts, uncovered, types)) {
                    if (best == null || c.score() > best.score()) {
                        best = c;
                    }
                }
                if (best != null) {
                    all.add(new CardCandidate(best.type(), best.front(), best.back(), best.text(), best.passage(),
                            best.quote(), best.concept(), best.score() + rank));
                }
            }
        }
        all.sort(Comparator.comparingDouble(CardCandidate::score).reversed());
        return all;
    }

    private static List<CardCandidate> candidates(Statement s, int passage, String heading, List<String> terms,
            List<String> concepts, Set<String> uncovered, Set<String> types) {
        List<CardCandidate> out = new ArrayList<>();
        switch (s.kind()) {
            case TERM_DEFINITION -> termDefinition(s, passage, heading, types, out);
            case LEAD_IN -> leadIn(s, passage, heading, types, out);
            case SENTENCE -> {
                definition(s, passage, types, out);
                cloze(s, passage, terms, types, out);
            }
            default -> {
            }
        }
        List<CardCandidate> scored = new ArrayList<>();
        for (CardCandidate c : out) {
            String content = c.front() == null ? c.text() : c.front() + " " + c.back();
            String concept = null;
            double bonus = 0;
            for (String term : concepts) {
                if (KeyTerms.mentions(content, term)) {
                    if (uncovered.contains(term)) {
                        concept = term;
                        bonus = 3.0;
                        break;
                    }
                    if (concept == null) {
                        concept = term;
                        bonus = 0.8;
                    }
                }
            }
            int words = Statements.words(s.text());
            double length = words < 8 ? -0.4 : words > 40 ? -0.3 : 0;
            scored.add(new CardCandidate(c.type(), c.front(), c.back(), c.text(), c.passage(), c.quote(), concept,
                    c.score() + bonus + length));
        }
        return scored;
    }

    /** "Redis is an in-memory data store …" → What is Redis? */
    private static void definition(Statement s, int passage, Set<String> types, List<CardCandidate> out) {
        Matcher m = DEFINITION.matcher(s.text().strip());
        if (!m.matches() || !types.contains("basic")) {
            return;
        }
        String term = m.group("term").strip();
        String verb = m.group("verb");
        String rest = m.group("rest");
        String firstWord = term.split("\\s+")[0].toLowerCase(Locale.ROOT);
        if (Statements.words(term) > 6 || NOT_A_TERM.contains(firstWord)
                || term.matches("(?i).*\\b(?:how|what|which|that|where|when|why|who|whose|whether|if|on|of the)\\b.*")
                || Character.isLowerCase(term.charAt(0))
                && !term.matches(".*[A-Z0-9_.-].*") && Statements.words(term) > 2) {
            return;
        }
        if (verb.equals("is") || verb.equals("are")) {
            Matcher det = DETERMINER.matcher(rest);
            String[] words = rest.split("\\s+");
            String second = words.length > 1 ? words[1].toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") : "";
            if (!det.find() || EVALUATIVE.contains(second)) {
                return;
            }
        }
        String article = m.group("article") == null ? "" : m.group("article").toLowerCase(Locale.ROOT);
        String subject = article + term;
        String front = switch (verb) {
            case "are", "are defined as" -> "What are " + subject + "?";
            case "refers to", "refer to" -> "What does " + subject + " refer to?";
            case "means" -> "What does " + subject + " mean?";
            case "stands for" -> "What does " + subject + " stand for?";
            default -> "What is " + subject + "?";
        };
        out.add(new CardCandidate("basic", front, flat(s.text()), null, passage, s.text(), null, 3.0));
    }

    /** "Consistency - Every read receives the most recent write" → Consistency ↔ its definition. */
    private static void termDefinition(Statement s, int passage, String heading, Set<String> types,
            List<CardCandidate> out) {
        String term = s.term();
        // the definition's first sentence: what follows often leans on it ("This is the default …")
        String definition = flat(s.definition());
        String quote = s.text();
        int firstEnd = firstSentenceEnd(definition);
        if (firstEnd > 0 && firstEnd < definition.length() && Statements.words(definition.substring(0, firstEnd)) >= 4) {
            String first = definition.substring(0, firstEnd);
            int at = s.text().indexOf(first.substring(Math.max(0, first.length() - 12)));
            if (at >= 0) {
                definition = first;
                quote = s.text().substring(0, at + Math.min(12, first.length()));
            }
        }
        definition = capitalise(definition);
        String context = needsContext(term) && heading != null && !imperative(heading)
                && !KeyTerms.mentions(term, heading) ? " (" + heading + ")" : "";
        if (types.contains("reversed")) {
            out.add(new CardCandidate("reversed", term + context, definition, null, passage, quote, null, 2.6));
        } else if (types.contains("basic")) {
            out.add(new CardCandidate("basic", "What is " + term + context + "?", definition, null, passage, quote,
                    null, 2.5));
        } else if (types.contains("cloze") && Statements.words(definition) >= 4) {
            out.add(new CardCandidate("cloze", null, null, "{{c1::" + term + "}}" + context + ": " + definition,
                    passage, quote, null, 1.8));
        }
    }

    /** A plain word or two ("Consistency") is ambiguous on its own; a name (redis-cli, LRU, Kafka Streams) is not. */
    private static boolean needsContext(String term) {
        if (Statements.words(term) > 2 || term.matches(".*[\\d_.\\-/].*")) {
            return false;
        }
        for (String word : term.split("\\s+")) {
            if (word.chars().skip(1).anyMatch(Character::isUpperCase)) {
                return false;   // an acronym or a CamelCase name
            }
        }
        return true;
    }

    /** "Choose your tool", "Install Redis": a heading that says what to do, not what something is. */
    private static boolean imperative(String heading) {
        return heading.matches("(?i)^(?:choose|get|install|use|set|create|connect|run|build|add|configure|learn|"
                + "try|start|deploy|make|write|read|define|enable|see|find|go|check|explore|understand)\\b.*");
    }

    /** Where the first sentence of a text ends (after its full stop), or -1. */
    private static int firstSentenceEnd(String text) {
        java.text.BreakIterator breaks = java.text.BreakIterator.getSentenceInstance(Locale.ENGLISH);
        breaks.setText(text);
        breaks.first();
        int end = breaks.next();
        while (end != java.text.BreakIterator.DONE && end < text.length()
                && text.substring(0, end).strip().matches("(?s).*\\b(?:e\\.g|i\\.e|etc|vs)\\.$")) {
            end = breaks.next();
        }
        return end == java.text.BreakIterator.DONE ? -1 : text.substring(0, end).stripTrailing().length();
    }

    /** "You can only support two of the following guarantees:" and its list → the list is the answer. */
    private static void leadIn(Statement s, int passage, String heading, Set<String> types, List<CardCandidate> out) {
        if (!types.contains("basic") || s.items().size() < 2 || s.items().size() > 7
                || !ENUMERATION.matcher(s.leadIn()).find()
                || s.items().stream().anyMatch(item -> Statements.INSTRUCTION.matcher(item).find())) {
            return;   // only a list of things the lead-in counts or names, not a list of steps
        }
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < s.items().size(); i++) {
            String answer = s.itemTerms().get(i).isEmpty() ? flat(s.items().get(i)) : s.itemTerms().get(i);
            if (Statements.words(answer) > 15) {
                return;
            }
            answers.add(answer);
        }
        String lead = flat(s.leadIn()).replaceFirst("\\s*:$", "");
        String front = (heading != null && !KeyTerms.mentions(lead, heading) ? heading + ": " : "") + lead
                + " — which are they?";
        String back = String.join("; ", answers);
        out.add(new CardCandidate("basic", front, back, null, passage, s.text(), null, 2.4));
    }

    /** A key term deleted from an informative sentence. */
    private static void cloze(Statement s, int passage, List<String> terms, Set<String> types,
            List<CardCandidate> out) {
        int words = Statements.words(s.text());
        if (!types.contains("cloze") || words < 8 || words > 45) {
            return;
        }
        String sentence = flat(s.text());
        for (int rank = 0; rank < terms.size(); rank++) {
            String term = terms.get(rank);
            if (!KeyTerms.mentions(sentence, term) || !sentence.toLowerCase(Locale.ROOT)
                    .contains(term.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String text = Cloze.delete(sentence, term, 1);
            if (!text.contains("{{c1::")) {
                continue;
            }
            String rest = text.replaceAll("\\{\\{c1::.*?}}", " ");
            if (Statements.words(rest) < 6 || Statements.terms(rest).size() < 3) {
                continue;
            }
            out.add(new CardCandidate("cloze", null, null, text, passage, s.text(), null,
                    1.6 + 0.4 / (1 + rank)));
            return;
        }
    }

    /**
     * The terms worth a cloze in this passage, most wanted first: the topic's concept terms, then its bold and code
     * terms and defined terms, then its last heading.
     */
    private static List<String> keyTerms(RetrievedChunk passage, List<Segment> segments, List<Statement> statements,
            List<String> concepts) {
        Map<String, String> terms = new LinkedHashMap<>();
        concepts.forEach(c -> terms.putIfAbsent(c.toLowerCase(Locale.ROOT), c));
        for (Segment segment : segments) {
            for (Mark mark : segment.marks()) {
                if (mark.kind() == MarkKind.STRONG || mark.kind() == MarkKind.CODE) {
                    String term = flat(passage.text().substring(mark.start(), mark.end()))
                            .replaceAll("^[\\p{Punct}\\s]+|[\\p{Punct}\\s]+$", "");
                    if (!term.isEmpty() && Statements.words(term) <= 4 && term.chars().anyMatch(Character::isLetter)) {
                        terms.putIfAbsent(term.toLowerCase(Locale.ROOT), term);
                    }
                }
            }
        }
        statements.stream().filter(st -> st.kind() == Statement.Kind.TERM_DEFINITION && st.ok())
                .forEach(st -> terms.putIfAbsent(st.term().toLowerCase(Locale.ROOT), st.term()));
        String heading = contextHeading(passage);
        if (heading != null && Statements.words(heading) <= 4 && !imperative(heading)
                && !Statements.INSTRUCTION.matcher(heading).find()) {
            terms.putIfAbsent(heading.toLowerCase(Locale.ROOT), heading);
        }
        return new ArrayList<>(terms.values());
    }

    /** The passage's own section heading when it says what the section is about, else {@code null}. */
    static String contextHeading(RetrievedChunk passage) {
        if (passage.headingPath().isEmpty()) {
            return null;
        }
        String heading = passage.headingPath().get(passage.headingPath().size() - 1)
                .replaceAll("^[\\d.\\s]+", "").replaceAll("[:\\s]+$", "").strip();
        if (heading.isEmpty() || Statements.words(heading) > 6 || heading.endsWith("?")
                || GENERIC_HEADINGS.contains(heading.toLowerCase(Locale.ROOT))) {
            return null;
        }
        return heading;
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static String flat(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
