package dev.groundwork.api.interview;

import dev.groundwork.api.generation.Statements;
import dev.groundwork.api.retrieval.Vectors;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.ai.embedding.EmbeddingModel;

/**
 * Grades an answer against a rubric without a model. The answer is cut into sentences (and pairs of neighbouring
 * sentences, since a point is often made across two); a point's match is the best, over those units, of
 * {@code 0.5 × cosine similarity + 0.5 × the share of the point's content words the unit holds}. A point is covered
 * from {@link InterviewProperties#covered()}, partly covered from {@link InterviewProperties#partial()}; the unit that
 * matched is the evidence. It judges whether the answer says what the sources say — not whether a claim it adds is
 * true. Blocking and CPU-bound (embeds the points and the answer): call it on the {@code inference} scheduler.
 */
final class OfflineGrader {

    static final double SIMILARITY_WEIGHT = 0.5;

    private final EmbeddingModel model;
    private final double covered;
    private final double partial;

    OfflineGrader(EmbeddingModel model, double covered, double partial) {
        this.model = model;
        this.covered = covered;
        this.partial = partial;
    }

    /** One point's grade: its verdict, the answer's matching sentence (null when missed) and the match itself. */
    record Graded(Verdict verdict, String evidence, double match) {
    }

    List<Graded> grade(List<String> points, String answer) {
        List<String> sentences = sentences(answer);
        List<String> units = new ArrayList<>(sentences);
        for (int i = 0; i + 1 < sentences.size(); i++) {
            units.add(sentences.get(i) + " " + sentences.get(i + 1));
        }
        if (units.isEmpty()) {
            return points.stream().map(p -> new Graded(Verdict.MISSED, null, 0)).toList();
        }
        List<String> texts = new ArrayList<>(points);
        texts.addAll(units);
        List<float[]> vectors = model.embed(texts);
        List<Set<String>> unitTerms = units.stream().map(Statements::terms).toList();
        List<Graded> graded = new ArrayList<>();
        for (int p = 0; p < points.size(); p++) {
            Set<String> pointTerms = Statements.terms(points.get(p));
            double best = -1;
            int bestUnit = 0;
            for (int u = 0; u < units.size(); u++) {
                double overlap = pointTerms.isEmpty() ? 0
                        : Statements.shared(pointTerms, unitTerms.get(u)) / (double) pointTerms.size();
                double similarity = Vectors.cosine(vectors.get(p), vectors.get(points.size() + u));
                // a pair must beat its best single sentence clearly to be the evidence
                double match = SIMILARITY_WEIGHT * similarity + (1 - SIMILARITY_WEIGHT) * overlap
                        - (u >= sentences.size() ? 0.02 : 0);
                if (match > best) {
                    best = match;
                    bestUnit = u;
                }
            }
            Verdict verdict = best >= covered ? Verdict.COVERED : best >= partial ? Verdict.PARTIAL : Verdict.MISSED;
            graded.add(new Graded(verdict, verdict == Verdict.MISSED ? null : units.get(bestUnit), best));
        }
        return graded;
    }

    /** The answer's sentences, each on one line; list items and lines count as sentences too. */
    static List<String> sentences(String answer) {
        List<String> out = new ArrayList<>();
        if (answer == null) {
            return out;
        }
        for (String line : answer.split("\\R")) {
            String flat = line.replaceAll("^\\s*(?:[-*•]|\\d+[.)])\\s+", "").replaceAll("\\s+", " ").strip();
            if (flat.isEmpty()) {
                continue;
            }
            BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.ENGLISH);
            breaks.setText(flat);
            for (int start = breaks.first(), end = breaks.next(); end != BreakIterator.DONE;
                    start = end, end = breaks.next()) {
                String sentence = flat.substring(start, end).strip();
                if (Statements.terms(sentence).size() >= 2) {
                    out.add(sentence);
                }
            }
        }
        return out;
    }
}
