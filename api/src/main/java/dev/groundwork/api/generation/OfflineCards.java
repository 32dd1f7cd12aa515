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
            CardShapes.opening(statements, heading, i + 1, types).map(c -> scored(c, concepts, uncovered))
                    .ifPresent(c -> all.add(new CardCandidate(c.type(), c.front(), c.back(), c.text(), c.passage(),
                            c.quote(), c.concept(), c.score() + rank)));
            for (Statement statement : statements) {
                if (!statement.ok() || (statement.kind() == Statement.Kind.SENTENCE
                        && (SentenceQuality.INSTRUCTION.matcher(statement.text()).find()
                                || SentenceQuality.COMMAND.matcher(statement.text()).find()))) {
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
            case TERM_DEFINITION -> CardShapes.termDefinition(s, passage, heading, types, out);
            case LEAD_IN -> CardShapes.leadIn(s, passage, heading, types, out);
            case SENTENCE -> {
                CardShapes.definition(s, passage, types, out);
                CardShapes.cloze(s, passage, terms, types, out);
            }
            default -> {
            }
        }
        return out.stream().map(c -> scored(c, concepts, uncovered)).toList();
    }

    /**
     * A candidate's score with what it teaches: a concept no card covers yet ranks it first, any concept of the topic
     * a little higher; a very short or very long quote a little lower.
     */
    private static CardCandidate scored(CardCandidate c, List<String> concepts, Set<String> uncovered) {
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
        int words = Statements.words(c.quote());
        double length = words < 8 ? -0.4 : words > 40 ? -0.3 : 0;
        return new CardCandidate(c.type(), c.front(), c.back(), c.text(), c.passage(), c.quote(), concept,
                c.score() + bonus + length);
    }

    /** "Choose your tool", "Install Redis": a heading that says what to do, not what something is. */
    static boolean imperative(String heading) {
        return heading.matches("(?i)^(?:choose|get|install|use|set|create|connect|run|build|add|configure|learn|"
                + "try|start|deploy|make|write|read|define|enable|see|find|go|check|explore|understand)\\b.*");
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
                    if (usableTerm(term, mark.kind() == MarkKind.CODE)) {
                        terms.putIfAbsent(term.toLowerCase(Locale.ROOT), term);
                    }
                }
            }
        }
        statements.stream().filter(st -> st.kind() == Statement.Kind.TERM_DEFINITION && st.ok())
                .forEach(st -> terms.putIfAbsent(st.term().toLowerCase(Locale.ROOT), st.term()));
        String heading = contextHeading(passage);
        if (heading != null && Statements.words(heading) <= 4 && !imperative(heading)
                && !SentenceQuality.INSTRUCTION.matcher(heading).find()) {
            terms.putIfAbsent(heading.toLowerCase(Locale.ROOT), heading);
        }
        return new ArrayList<>(terms.values());
    }

    /**
     * A bold or code span worth deleting: a name or short term, not a path, an option with its value, an admonition
     * label ("Tip", "Note") or a bold sentence ("Memory is bounded").
     */
    private static boolean usableTerm(String term, boolean code) {
        boolean plainWord = term.matches("\\p{Ll}+");   // "model", "logging": a common word set in bold or code
        if (code && term.contains(" ")) {
            return false;   // "docker run my-app": a command, not a term
        }
        return !term.isEmpty() && !plainWord && Statements.words(term) <= 4
                && term.chars().anyMatch(Character::isLetter)
                && term.chars().filter(c -> c == '_').count() < 2
                && !term.matches(".*[/=~\"'<>{}\\\\].*") && !term.matches("(?i)tip|note|warning|important|caution|info"
                + "|hint|danger|example|warn|error|success")
                && !term.matches("(?i).*\\b(?:is|are|was|were|be|can|will|should|must|has|have|do|does|not)\\b.*");
    }

    /** The passage's own section heading when it says what the section is about, else {@code null}. */
    static String contextHeading(RetrievedChunk passage) {
        if (passage.headingPath().isEmpty()) {
            return null;
        }
        String heading = passage.headingPath().get(passage.headingPath().size() - 1)
                .replaceAll("^[\\d.\\s]+", "").replaceAll("[:\\s]+$", "").strip();
        if (heading.isEmpty() || Statements.words(heading) > 8 || heading.endsWith("?")
                || GENERIC_HEADINGS.contains(heading.toLowerCase(Locale.ROOT))) {
            return null;
        }
        return heading;
    }

    static String flat(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
