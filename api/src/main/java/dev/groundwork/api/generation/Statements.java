package dev.groundwork.api.generation;

import static dev.groundwork.api.generation.SentenceQuality.IMPERATIVE;
import static dev.groundwork.api.generation.SentenceQuality.INSTRUCTION;
import static dev.groundwork.api.generation.SentenceQuality.LEANS;
import static dev.groundwork.api.generation.SentenceQuality.MAX_WORDS;
import static dev.groundwork.api.generation.SentenceQuality.MIN_WORDS;
import static dev.groundwork.api.generation.SentenceQuality.NAVIGATION;
import static dev.groundwork.api.generation.SentenceQuality.NOT_A_TERM;
import static dev.groundwork.api.generation.SentenceQuality.POINTS_AROUND;
import static dev.groundwork.api.generation.SentenceQuality.URL;
import static dev.groundwork.api.generation.SentenceQuality.judge;
import static dev.groundwork.api.generation.SentenceQuality.linkShare;
import static dev.groundwork.api.generation.SentenceQuality.symbolic;
import static dev.groundwork.api.generation.SentenceQuality.terminal;

import dev.groundwork.api.generation.Statement.Kind;
import dev.groundwork.api.generation.Statement.Quality;
import dev.groundwork.api.retrieval.RetrievedChunk;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a passage into {@link Statement}s and judges each: the one sentence-quality filter that extractive answers
 * and generated cards share. A passage's structure (paragraphs, list items, tables, code, and inline bold, code and
 * link spans) comes from the chunk's stored blocks; for chunks stored without them it is read from the text's lines.
 * Stateless and thread-safe.
 */
public final class Statements {

    private static final Set<String> STOPWORDS = Set.of("the", "and", "for", "are", "but", "not", "you", "your", "with",
            "this", "that", "from", "they", "have", "has", "had", "was", "were", "will", "would", "can", "could",
            "should", "what", "when", "where", "which", "who", "why", "how", "does", "did", "its", "into", "about",
            "than", "then", "there", "their", "them", "these", "those", "been", "being", "also", "such", "some", "any",
            "all", "each", "other", "more", "most", "use", "used", "using", "between", "our", "out", "over", "only",
            "very", "just", "may", "might", "must", "shall", "here", "both", "own", "same", "too", "per", "via");

    private static final Pattern LINK_HEADER = Pattern.compile("(?i)\\b(?:references?|links?|sources?|resources|"
            + "further reading|urls?|articles?|videos?|talks?|papers?)\\b");
    /** "Section 3", "Step 2", "Chapter 1": where something is, not what it is. */
    private static final Pattern OUTLINE_TERM = Pattern.compile("(?i)(?:section|chapter|part|step|lesson|module|unit|"
            + "week|day|phase|stage|level|option)\\s*\\d+|(?:january|february|march|april|may|june|july|august|"
            + "september|october|november|december)?\\s*\\d{4}");
    /** Titles run together where a page joined links without a space: "storageHow", "platformLessons". */
    private static final Pattern GLUED = Pattern.compile("\\p{Ll}{2}\\p{Lu}\\p{Ll}");
    /** "Term - definition", "Term – definition", "Term: definition" (the term short, the definition a phrase). */
    private static final Pattern TERM_SEPARATOR = Pattern.compile(
            "^(?<term>[^.;!?:\\n]{1,60}?)\\s*(?:\\s[-–—]\\s|:\\s)"
            + "\\s*(?<definition>\\S.+)$", Pattern.DOTALL);
    private static final int MAX_LEAD_IN_ITEMS = 10;

    private Statements() {
    }

    /** The statements of a chunk's passage in order, each judged. */
    public static List<Statement> of(RetrievedChunk chunk) {
        return of(chunk.text(), Segments.of(chunk));
    }

    /** The statements of a text whose structure is unknown (read from its lines). */
    public static List<Statement> of(String text) {
        return of(text, Segments.fromLines(text));
    }

    static List<Statement> of(String text, List<Segment> segments) {
        List<Statement> out = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            switch (segment.kind()) {
                case CODE -> out.add(statement(Kind.ITEM, text, segment.start(), segment.end(), Quality.CODE));
                case TABLE -> tableRows(text, segment, out);
                case LIST_ITEM -> out.add(listItem(text, segment));
                default -> prose(text, segments, i, out);
            }
        }
        return out;
    }

    /** Lower-cased content words (three letters or more, no stopwords, a plural s dropped). */
    public static Set<String> terms(String text) {
        Set<String> terms = new HashSet<>();
        if (text == null) {
            return terms;
        }
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= 3 && !STOPWORDS.contains(word)) {
                terms.add(stem(word));
            }
        }
        return terms;
    }

    /** How many content words two sets of {@link #terms} share. */
    public static int shared(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return both.size();
    }

    /** Shared words over all words of two sets of {@link #terms}; 1 for two empty sets. */
    public static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        return shared(a, b) / (double) union.size();
    }

    /** One content word as {@link #terms} counts it. */
    public static String stem(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.length() > 4 && lower.endsWith("ies")) {
            return lower.substring(0, lower.length() - 3) + "y";
        }
        return lower.length() > 4 && lower.endsWith("s") && !lower.endsWith("ss") && !lower.endsWith("us")
                ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static void prose(String text, List<Segment> segments, int index, List<Statement> out) {
        Segment segment = segments.get(index);
        List<int[]> sentences = sentences(text, segment.start(), segment.end());
        for (int s = 0; s < sentences.size(); s++) {
            int start = sentences.get(s)[0];
            int end = sentences.get(s)[1];
            String sentence = text.substring(start, end);
            boolean last = s == sentences.size() - 1;
            if (sentence.endsWith(":") && last) {
                out.add(leadIn(text, segments, index, start, end));
                continue;
            }
            Quality quality = sentence.endsWith(":") ? Quality.LEAD_IN_WITHOUT_LIST : judge(sentence, segment, start);
            out.add(statement(Kind.SENTENCE, text, start, end, quality));
        }
    }

    /** A sentence ending in a colon takes the list items right after it; without them it cannot stand alone. */
    private static Statement leadIn(String text, List<Segment> segments, int index, int start, int end) {
        String sentence = text.substring(start, end);
        List<String> items = new ArrayList<>();
        List<String> itemTerms = new ArrayList<>();
        int last = end;
        boolean links = false;
        for (int j = index + 1; j < segments.size() && segments.get(j).kind() == SegmentKind.LIST_ITEM
                && items.size() < MAX_LEAD_IN_ITEMS; j++) {
            Segment item = segments.get(j);
            String itemText = text.substring(item.start(), item.end());
            items.add(itemText.strip());
            Statement defined = termDefinition(text, item, item.start(), item.end());
            itemTerms.add(defined == null ? "" : defined.term());
            links |= linkShare(itemText, item, item.start()) > 0.5 || URL.matcher(itemText).find();
            last = item.end();
        }
        Quality quality = items.isEmpty() ? Quality.LEAD_IN_WITHOUT_LIST : judge(sentence, segments.get(index), start);
        if (quality == Quality.TOO_SHORT && !items.isEmpty() && words(sentence) >= 3) {
            quality = Quality.OK;   // "The three guarantees are:" is short, and complete with its list
        }
        if (quality == Quality.OK && links) {
            quality = Quality.LINK_LIST;
        }
        return new Statement(Kind.LEAD_IN, text.substring(start, last), start, last, null, null, sentence, items,
                itemTerms, quality);
    }

    private static Statement listItem(String text, Segment segment) {
        int start = segment.start();
        int end = segment.end();
        String item = text.substring(start, end);
        if (linkShare(item, segment, start) > 0.5 || URL.matcher(item).find()) {
            return statement(Kind.ITEM, text, start, end, Quality.LINK_LIST);
        }
        if (NAVIGATION.matcher(item).find()) {
            return statement(Kind.ITEM, text, start, end, Quality.NAVIGATION);
        }
        Statement definition = termDefinition(text, segment, start, end);
        if (definition != null) {
            return definition;
        }
        Matcher pair = TERM_SEPARATOR.matcher(item);
        if (pair.matches() && Character.isLowerCase(pair.group("definition").codePointAt(0))) {
            // "Redis Cloud — create a free account": a menu entry with what to do there, not a statement
            return statement(Kind.ITEM, text, start, end, Quality.LABEL);
        }
        if (words(item) >= MIN_WORDS && (terminal(item) || words(item) >= 10)) {
            return statement(Kind.SENTENCE, text, start, end, judge(item, segment, start));
        }
        return statement(Kind.ITEM, text, start, end, Quality.LABEL);
    }

    /** "Term - definition" / "Term: definition" / a bold term followed by its definition. */
    private static Statement termDefinition(String text, Segment segment, int start, int end) {
        String item = text.substring(start, end);
        String term = null;
        String definition = null;
        Mark lead = segment.marks().stream()
                .filter(m -> (m.kind() == MarkKind.STRONG || m.kind() == MarkKind.CODE) && m.start() == start)
                .findFirst().orElse(null);
        if (lead != null && lead.end() < end) {
            term = text.substring(lead.start(), lead.end()).strip().replaceAll("[\\s:;,.–—-]+$", "");
            definition = item.substring(lead.end() - start).replaceFirst("^\\s*(?:[-–—:.]|is|are)?\\s*", "").strip();
        } else {
            Matcher m = TERM_SEPARATOR.matcher(item);
            if (m.matches()) {
                term = m.group("term").strip();
                definition = m.group("definition").strip();
            }
        }
        if (term == null || term.isEmpty() || definition.isEmpty() || words(term) > 6 || words(definition) < 3
                || OUTLINE_TERM.matcher(term).matches()
                || LEANS.matcher(term).find() || !Character.isLetterOrDigit(term.codePointAt(0))
                || (Character.isLowerCase(definition.codePointAt(0)) && (IMPERATIVE.matcher(definition).find()
                        || definition.matches("(?s)^(?:for|in|to|with|by|on|at|if|when|as|from|see|via)\\b.*")))
                || INSTRUCTION.matcher(term).find() || NOT_A_TERM.matcher(term).find() || term.matches(".*[=\"{}<>].*")
                || term.chars().filter(c -> c == '_').count() >= 2
                || LEANS.matcher(definition).find()) {
            return null;   // "Create an index — build a secondary index …" is a step, not a definition
        }
        Quality quality = linkShare(definition, null, 0) > 0.5 ? Quality.LINK_LIST
                : NAVIGATION.matcher(item).find() ? Quality.NAVIGATION
                : words(definition) > MAX_WORDS ? Quality.TOO_LONG
                : symbolic(definition) ? Quality.CODE
                : POINTS_AROUND.matcher(definition).find() ? Quality.LEANS_ON_CONTEXT
                : Quality.OK;
        return new Statement(Kind.TERM_DEFINITION, item, start, end, term, definition, null, List.of(), List.of(),
                quality);
    }

    /** Rows of a table: a two-column row of a short term and a description is a definition; the header is not. */
    private static void tableRows(String text, Segment segment, List<Statement> out) {
        int offset = segment.start();
        boolean header = true;
        String[] rows = text.substring(segment.start(), segment.end()).split("\n", -1);
        // a table whose header names references or links lists titles of links, not definitions
        boolean links = LINK_HEADER.matcher(rows[0]).find();
        for (String row : rows) {
            int start = offset;
            int end = offset + row.length();
            offset = end + 1;
            String[] cells = row.split(" \\| ");
            if (header || cells.length < 2) {
                header = false;
                out.add(statement(Kind.ITEM, text, start, end, Quality.LABEL));
                continue;
            }
            String term = cells[0].strip();
            String definition = cells[cells.length - 1].strip();
            boolean pair = !links && cells.length == 2 && words(term) <= 6 && words(definition) >= 4
                    && words(definition) <= 40
                    && !symbolic(definition) && glued(definition) < 2 && !NOT_A_TERM.matcher(term).find()
                    && !term.matches(".*[=\"{}<>].*");
            out.add(pair ? new Statement(Kind.TERM_DEFINITION, row, start, end, term, definition, null, List.of(),
                    List.of(), Quality.OK) : statement(Kind.ITEM, text, start, end, Quality.LABEL));
        }
    }

    private static int glued(String text) {
        Matcher m = GLUED.matcher(text);
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count;
    }

    static int words(String text) {
        String t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    /** Sentence spans within {@code [from, to)} of {@code text}, trimmed. */
    private static List<int[]> sentences(String text, int from, int to) {
        List<int[]> spans = new ArrayList<>();
        BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        String segment = text.substring(from, to);
        breaks.setText(segment);
        for (int start = breaks.first(), end = breaks.next(); end != BreakIterator.DONE;
                start = end, end = breaks.next()) {
            int s = start;
            int e = end;
            while (s < e && Character.isWhitespace(segment.charAt(s))) {
                s++;
            }
            while (e > s && Character.isWhitespace(segment.charAt(e - 1))) {
                e--;
            }
            if (e > s) {
                // "e.g." and "i.e." end no sentence: glue a piece that starts in lower case to the one before
                if (!spans.isEmpty() && Character.isLowerCase(segment.charAt(s))
                        && segment.substring(spans.get(spans.size() - 1)[0] - from, s).strip()
                                .matches("(?s).*\\b(?:e\\.g|i\\.e|etc|vs|cf|approx|incl)\\.$")) {
                    spans.get(spans.size() - 1)[1] = from + e;
                    continue;
                }
                spans.add(new int[] {from + s, from + e});
            }
        }
        return spans;
    }

    private static Statement statement(Kind kind, String text, int start, int end, Quality quality) {
        return new Statement(kind, text.substring(start, end), start, end, null, null, null, List.of(), List.of(),
                quality);
    }
}
