package dev.groundwork.api.flashcard;

import dev.groundwork.api.generation.Cloze;
import dev.groundwork.api.generation.KeyTerms;
import dev.groundwork.api.generation.Statements;
import dev.groundwork.api.retrieval.Vectors;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a card's answer is supported by the quote it names. The claim — the back (for a cloze: the text read out
 * with its answers, and its extra) — must share its content words with the quote: most of them outright, or fewer
 * when the two are also close in meaning (embedding cosine). A cloze's answers must stand in the quote itself, and the
 * front must speak of something the passage mentions. Calibrated on the seed corpus with bge-small-en-v1.5 (see
 * {@code scripts/bench.sh cards}). Stateless.
 *
 * @param coverage   share of the claim's content words found in the quote at which it is supported outright
 * @param partial    share at which it is supported when the meanings are also close
 * @param similarity cosine similarity of claim and quote that "close in meaning" takes
 */
record SupportCheck(double coverage, double partial, double similarity) {

    /** The defaults, calibrated with the local embedding model. */
    static final SupportCheck DEFAULT = new SupportCheck(0.7, 0.4, 0.75);

    /** The outcome, with the two measures that decided it. */
    record Verdict(boolean supported, double coverage, double similarity, String reason) {
    }

    /**
     * @param claimVector the claim embedded as a passage
     * @param quoteVector the quote embedded as a passage
     * @param passage     the whole passage (its text and heading path) the quote comes from
     */
    Verdict judge(CardType type, String front, String back, String text, String quote, String passage,
            float[] claimVector, float[] quoteVector) {
        String claim = claim(type, back, text);
        Set<String> claimed = Statements.terms(claim);
        Set<String> quoted = Statements.terms(quote);
        double share = claimed.isEmpty() ? 0 : Statements.shared(claimed, quoted) / (double) claimed.size();
        double cosine = Vectors.cosine(claimVector, quoteVector);
        if (type == CardType.CLOZE) {
            for (String answer : Cloze.answers(text)) {
                if (!KeyTerms.mentions(quote, answer)) {
                    return new Verdict(false, share, cosine, "its answer \"" + answer + "\" is not in the quote");
                }
            }
        }
        if (front != null) {
            Set<String> asked = Statements.terms(front);
            asked.removeAll(Set.of("mean", "stand", "refer", "describe", "difference", "happen", "work", "role"));
            if (!asked.isEmpty() && Statements.shared(asked, Statements.terms(passage)) == 0) {
                return new Verdict(false, share, cosine, "its front speaks of nothing the passage mentions");
            }
        }
        boolean supported = share >= coverage || (share >= partial && cosine >= similarity);
        return new Verdict(supported, share, cosine, supported ? null : String.format(Locale.ROOT,
                "the quote does not support its answer (%.0f%% of its words in the quote, similarity %.2f)",
                share * 100, cosine));
    }

    /** What a card asserts: the back, or the cloze read out with its answers (and its extra). */
    static String claim(CardType type, String back, String text) {
        if (type == CardType.CLOZE) {
            String plain = Cloze.plain(text == null ? "" : text);
            return back == null || back.isBlank() ? plain : plain + " " + back;
        }
        return back == null ? "" : back;
    }
}
