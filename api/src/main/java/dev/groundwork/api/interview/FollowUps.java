package dev.groundwork.api.interview;

import dev.groundwork.api.generation.Statement;
import dev.groundwork.api.generation.Statements;
import dev.groundwork.api.interview.Rubric.Anchor;
import dev.groundwork.api.interview.Rubric.Point;
import dev.groundwork.api.retrieval.RetrievedChunk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The follow-up an interviewer asks after an answer: aimed at its weakest point (the missed point the answer came
 * least close to, else the weakest partly covered one), naming what was left out without giving it away. Its rubric is
 * that point and up to two more statements of the same passage on the same subject. Pure.
 */
final class FollowUps {

    private FollowUps() {
    }

    /** The weakest point's index, or empty when every point was covered. */
    static Optional<Integer> weakest(List<Verdict> verdicts, List<Double> matches) {
        Integer best = null;
        for (int i = 0; i < verdicts.size(); i++) {
            if (verdicts.get(i) == Verdict.COVERED) {
                continue;
            }
            if (best == null || rank(verdicts.get(i), matches.get(i)) < rank(verdicts.get(best), matches.get(best))) {
                best = i;
            }
        }
        return Optional.ofNullable(best);
    }

    private static double rank(Verdict verdict, double match) {
        return (verdict == Verdict.MISSED ? 0 : 10) + match;
    }

    /** The follow-up question's text. */
    static String question(Point point, Verdict verdict, String question, String answer) {
        if (point.term() != null && !point.term().isBlank()) {
            return verdict == Verdict.PARTIAL
                    ? "You touched on " + point.term() + ". What exactly is it, and why does it matter here?"
                    : "You did not say what " + point.term() + " is. What is it, and why does it matter here?";
        }
        List<String> words = missingWords(point.point(), question + " " + (verdict == Verdict.PARTIAL ? "" : answer));
        if (words.isEmpty()) {
            return "One thing the sources stress is missing from your answer. What else matters here, and why?";
        }
        String named = words.size() == 1 ? words.get(0) : words.get(0) + (verdict == Verdict.PARTIAL ? " and " : " or ")
                + words.get(1);
        return verdict == Verdict.PARTIAL
                ? "You touched on " + named + ". Say more: how does it work here, and what goes wrong if you ignore it?"
                : "Your answer did not mention " + named + ". How does that come into it, and what goes wrong if you"
                        + " ignore it?";
    }

    /** Up to two of the point's longer content words (as written) that neither the question nor {@code known} has. */
    static List<String> missingWords(String point, String known) {
        Set<String> knownTerms = Statements.terms(known);
        Set<String> words = new LinkedHashSet<>();
        for (String word : point.split("[^\\p{L}\\p{N}-]+")) {
            String clean = word.replaceAll("^-+|-+$", "");
            Set<String> terms = Statements.terms(clean);
            if (clean.length() >= 5 && !terms.isEmpty() && !knownTerms.containsAll(terms)) {
                words.add(clean.equals(clean.toUpperCase()) ? clean : clean.toLowerCase(java.util.Locale.ROOT));
            }
        }
        return words.stream().sorted(Comparator.comparingInt(String::length).reversed()).limit(2).toList();
    }

    /** The point and up to two more statements of its passage sharing its words, in reading order. */
    static List<Point> rubric(Point point, RetrievedChunk chunk) {
        Set<String> pointTerms = Statements.terms(point.point());
        record Scored(Statement statement, int shared) {
        }
        List<Scored> others = new ArrayList<>();
        for (Statement statement : QuestionWriter.pointable(chunk)) {
            if (QuestionWriter.flat(statement.text()).equals(point.point())) {
                continue;
            }
            int shared = Statements.shared(pointTerms, Statements.terms(statement.text()));
            if (shared > 0) {
                others.add(new Scored(statement, shared));
            }
        }
        List<Statement> chosen = others.stream().sorted(Comparator.comparingInt(Scored::shared).reversed()).limit(2)
                .map(Scored::statement).sorted(Comparator.comparingInt(Statement::start)).toList();
        List<Point> rubric = new ArrayList<>();
        rubric.add(point);
        for (Statement s : chosen) {
            rubric.add(new Point(QuestionWriter.flat(s.text()),
                    s.kind() == Statement.Kind.TERM_DEFINITION ? s.term() : null, Anchor.of(chunk, s.text())));
        }
        return rubric;
    }
}
