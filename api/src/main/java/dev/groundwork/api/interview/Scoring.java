package dev.groundwork.api.interview;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores an answer from its per-point verdicts and its text — never from a number a model gives, so that nothing the
 * answer says to the grader can raise them. Each part is 0–4:
 * <ul>
 * <li>correctness: the rubric's coverage (a partly covered point counts half), × 4, rounded;</li>
 * <li>depth: coverage again, held down when the answer is short (under 80 words) or states little (under four
 * sentences);</li>
 * <li>trade-offs: the costs, limits, alternatives and failure modes the answer names ("but", "unless", "the downside",
 * "fails when" …), one point each, never more than one above correctness;</li>
 * <li>communication: length and shape alone — sentences of a readable length, an answer long enough to explain;</li>
 * <li>overall: 0.4 correctness + 0.25 depth + 0.2 trade-offs + 0.15 communication, to one decimal.</li>
 * </ul>
 * Pure.
 */
final class Scoring {

    private static final Pattern TRADE_OFFS = Pattern.compile("(?i)\\b(?:but|however|whereas|unless|instead|"
            + "trade-?offs?|downsides?|drawbacks?|costs?|expensive|overhead|at the expense of|in exchange|"
            + "on the other hand|fails?|failures?|risks?|bottlenecks?|limits?|limitations?|latency|"
            + "when (?:not|you should not|you shouldn't)|avoid|only if|depends)\\b");

    private Scoring() {
    }

    /** One part of the score: 0–4 and why. */
    record Part(double score, String reason) {
    }

    /** The whole score; {@code mode} says who judged the points, {@code note} what that means. */
    record Score(Part correctness, Part depth, Part tradeoffs, Part communication, Part overall, String mode,
            String note) {
    }

    static Score of(List<Verdict> verdicts, String answer, String mode) {
        int points = verdicts.size();
        long covered = verdicts.stream().filter(v -> v == Verdict.COVERED).count();
        long partly = verdicts.stream().filter(v -> v == Verdict.PARTIAL).count();
        double coverage = points == 0 ? 0 : verdicts.stream().mapToDouble(Verdict::credit).sum() / points;
        int correctness = (int) Math.round(4 * coverage);
        String coveredText = "Covered " + covered + " of " + points + " key points"
                + (partly > 0 ? ", " + partly + " partly" : "") + ".";

        List<String> sentences = OfflineGrader.sentences(answer);
        int words = words(answer);
        double brevity = Math.min(1, words / 80.0) * Math.min(1, sentences.size() / 4.0);
        int depth = (int) Math.round(4 * coverage * (0.5 + 0.5 * brevity));
        String depthText = words < 80 ? "Short (" + words + " words): explain how and why, not only what."
                : coverage < 0.5 ? "Long enough, but most of what the sources stress is missing."
                : "Explains the key points at length.";

        int named = tradeOffs(answer);
        int tradeoffs = Math.min(Math.min(4, named), correctness + 1);
        String tradeText = named == 0 ? "Names no cost, limit, alternative or failure mode."
                : "Names " + named + " cost" + (named == 1 ? "" : "s") + ", limit" + (named == 1 ? "" : "s")
                + " or alternative" + (named == 1 ? "" : "s") + (tradeoffs < Math.min(4, named)
                        ? ", but without the points they should qualify." : ".");

        double meanLength = sentences.isEmpty() ? 0 : words / (double) sentences.size();
        int communication = words < 15 ? 0 : words < 40 ? 1
                : meanLength > 40 ? 2 : sentences.size() < 3 ? 2 : words > 600 ? 3 : 4;
        String commText = switch (communication) {
            case 0 -> "Too short to follow.";
            case 1 -> "A few words; an interviewer needs more to follow your reasoning.";
            case 2 -> meanLength > 40 ? "Very long sentences; break the reasoning into steps."
                    : "Only one or two sentences; lay the reasoning out in steps.";
            case 3 -> "Long; lead with the answer, then the detail.";
            default -> "Clear length and sentence shape.";
        };
        double overall = Math.round(10 * (0.4 * correctness + 0.25 * depth + 0.2 * tradeoffs + 0.15 * communication))
                / 10.0;
        String overallText = overall >= 3.5 ? "Strong: this would pass." : overall >= 2.5 ? "Good, with gaps to close."
                : overall >= 1.5 ? "Partial: revisit the missed points." : "Weak: study the sources, then try again.";
        String note = "llm".equals(mode)
                ? "A model judged each point; the scores are computed from those verdicts and the answer's shape."
                : "Graded offline: each point is matched against your sentences by meaning and wording. It cannot tell"
                        + " whether something you add is true, and communication is judged from length and shape only.";
        return new Score(new Part(correctness, coveredText), new Part(depth, depthText), new Part(tradeoffs, tradeText),
                new Part(communication, commText), new Part(overall, overallText), mode, note);
    }

    static int words(String text) {
        String stripped = text == null ? "" : text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }

    /** How many different trade-off markers the answer uses (a word repeated counts once). */
    static int tradeOffs(String answer) {
        if (answer == null) {
            return 0;
        }
        java.util.Set<String> found = new java.util.HashSet<>();
        Matcher m = TRADE_OFFS.matcher(answer);
        while (m.find()) {
            found.add(m.group().toLowerCase(Locale.ROOT));
        }
        return found.size();
    }
}
