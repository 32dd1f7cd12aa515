package dev.groundwork.api.generation;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shapes an offline card takes from one statement: a definition as a question, a term and its definition as a
 * reversed pair, a lead-in with its list, a key term deleted from a sentence, the opening sentence of a section about
 * its heading. Each writes at most one candidate, quoting the statement (or its first sentence). Stateless.
 */
final class CardShapes {

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
            "powerful", "huge", "large", "small", "big", "crucial", "essential", "vital", "core",
            "fundamental", "central", "major", "significant", "perfect", "excellent", "ideal", "reason", "problem",
            "question", "example", "case", "thing",
            "new", "part", "step", "result", "choice", "option", "number", "variety", "set", "list");

    private static final Set<String> NOT_A_TERM = Set.of("this", "that", "it", "there", "here", "what", "which", "one",
            "each", "every", "some", "most", "many", "all", "both", "such", "another", "other", "your", "our", "we",
            "you", "they", "he", "she", "its", "their", "these", "those", "following", "result", "goal", "idea",
            "answer", "reason", "difference", "problem", "solution", "key", "point", "default", "first", "next",
            "last", "only", "main", "at", "in", "on", "for", "with", "by", "from", "as", "of", "to", "after", "before",
            "when", "while", "if", "unlike", "like", "because", "since", "without", "under", "over", "during");

    /** Verbs with which a section's first sentence says what its subject is or does. */
    private static final Pattern DEFINING = Pattern.compile("\\b(?:is|are|refers? to|means|describes?|provides?|lets|"
            + "allows?|enables?|consists? of|contains?|represents?|defines?|stores?|runs?)\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * "What is &lt;heading&gt;?" when a section opens by defining its subject: its first quotable sentence names the
     * heading and says what it is or does.
     */
    static Optional<CardCandidate> opening(List<Statement> statements, String heading, int passage,
            Set<String> types) {
        if (heading == null || !types.contains("basic") || OfflineCards.imperative(heading)
                || SentenceQuality.INSTRUCTION.matcher(heading).find() || Statements.words(heading) > 5) {
            return Optional.empty();
        }
        return statements.stream()
                .filter(s -> s.ok() && s.kind() == Statement.Kind.SENTENCE)
                .findFirst()
                .filter(s -> opensWith(s.text(), heading) && DEFINING.matcher(s.text()).find()
                        && !DEFINITION.matcher(s.text().strip()).matches()
                        && !SentenceQuality.INSTRUCTION.matcher(s.text()).find())
                .map(s -> new CardCandidate("basic", (plural(heading) ? "What are " : "What is ") + heading + "?",
                        OfflineCards.flat(s.text()), null, passage,
                        s.text(), null, 2.8));
    }

    /** "Redis is an in-memory data store …" → What is Redis? */
    static void definition(Statement s, int passage, Set<String> types, List<CardCandidate> out) {
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
        out.add(new CardCandidate("basic", front, OfflineCards.flat(s.text()), null, passage, s.text(), null, 3.0));
    }

    /** "Consistency - Every read receives the most recent write" → Consistency ↔ its definition. */
    static void termDefinition(Statement s, int passage, String heading, Set<String> types,
            List<CardCandidate> out) {
        String term = s.term();
        // the definition's first sentence: what follows often leans on it ("This is the default …")
        String definition = OfflineCards.flat(s.definition());
        String quote = s.text();
        int firstEnd = firstSentenceEnd(definition);
        if (firstEnd > 0 && firstEnd < definition.length()
                && Statements.words(definition.substring(0, firstEnd)) >= 4) {
            String first = definition.substring(0, firstEnd);
            int at = s.text().indexOf(first.substring(Math.max(0, first.length() - 12)));
            if (at >= 0) {
                definition = first;
                quote = s.text().substring(0, at + Math.min(12, first.length()));
            }
        }
        definition = capitalise(definition);
        String context = needsContext(term) && heading != null && !OfflineCards.imperative(heading)
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

    /** Where the first sentence of a text ends (after its full stop), or -1. */
    private static int firstSentenceEnd(String text) {
        BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        breaks.setText(text);
        breaks.first();
        int end = breaks.next();
        while (end != BreakIterator.DONE && end < text.length()
                && text.substring(0, end).strip().matches("(?s).*\\b(?:e\\.g|i\\.e|etc|vs)\\.$")) {
            end = breaks.next();
        }
        return end == BreakIterator.DONE ? -1 : text.substring(0, end).stripTrailing().length();
    }

    /** "You can only support two of the following guarantees:" and its list → the list is the answer. */
    static void leadIn(Statement s, int passage, String heading, Set<String> types, List<CardCandidate> out) {
        if (!types.contains("basic") || s.items().size() < 2 || s.items().size() > 7
                || !ENUMERATION.matcher(s.leadIn()).find()
                || s.items().stream().anyMatch(item -> SentenceQuality.INSTRUCTION.matcher(item).find())) {
            return;   // only a list of things the lead-in counts or names, not a list of steps
        }
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < s.items().size(); i++) {
            String answer = s.itemTerms().get(i).isEmpty() ? OfflineCards.flat(s.items().get(i)) : s.itemTerms().get(i);
            if (Statements.words(answer) > 15) {
                return;
            }
            answers.add(answer);
        }
        String lead = OfflineCards.flat(s.leadIn()).replaceFirst("\\s*:$", "");
        String front = (heading != null && !KeyTerms.mentions(lead, heading) ? heading + ": " : "") + lead
                + " — which are they?";
        String back = String.join("; ", answers);
        out.add(new CardCandidate("basic", front, back, null, passage, s.text(), null, 2.4));
    }

    /** A key term deleted from an informative sentence. */
    static void cloze(Statement s, int passage, List<String> terms, Set<String> types,
            List<CardCandidate> out) {
        int words = Statements.words(s.text());
        if (!types.contains("cloze") || words < 8 || words > 45) {
            return;
        }
        String sentence = OfflineCards.flat(s.text());
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

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Whether a sentence is about {@code heading} from its first words: "A content delivery network (CDN) is …". */
    private static boolean opensWith(String sentence, String heading) {
        String start = sentence.strip().replaceFirst("(?i)^(?:the|a|an)\\s+", "");
        return start.regionMatches(true, 0, heading, 0, heading.length())
                || start.regionMatches(true, 0, heading.replaceFirst("s$", ""), 0, heading.length() - 1)
                && heading.endsWith("s");
    }

    private static boolean plural(String heading) {
        return heading.endsWith("s") && !heading.endsWith("ss") && !heading.endsWith("us");
    }

    private CardShapes() {
    }
}
