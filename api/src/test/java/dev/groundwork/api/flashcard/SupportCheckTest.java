package dev.groundwork.api.flashcard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.ingest.embed.HashingEmbeddingModel;
import org.junit.jupiter.api.Test;

class SupportCheckTest {

    static final String QUOTE = "LRU is a policy that evicts the least recently used entry first.";
    final HashingEmbeddingModel model = new HashingEmbeddingModel();

    @Test
    void acceptsAnAnswerTheQuoteStates() {
        assertThat(judge(CardType.BASIC, "What is LRU?", "It evicts the least recently used entry first.").supported())
                .isTrue();
        assertThat(judge(CardType.CLOZE, null, null, "{{c1::LRU}} evicts the least recently used entry first.")
                .supported()).isTrue();
    }

    @Test
    void rejectsAnAnswerTheQuoteDoesNotState() {
        SupportCheck.Verdict verdict = judge(CardType.BASIC, "What is LRU?",
                "Bananas ripen faster in warm tropical weather.");

        assertThat(verdict.supported()).isFalse();
        assertThat(verdict.coverage()).isZero();
    }

    @Test
    void rejectsAClozeWhoseAnswerIsNotInTheQuote() {
        assertThat(judge(CardType.CLOZE, null, null, "{{c1::LFU}} evicts the least recently used entry first.")
                .reason()).contains("LFU");
    }

    @Test
    void rejectsAFrontAboutSomethingThePassageNeverMentions() {
        assertThat(judge(CardType.BASIC, "What is Kubernetes?", "It evicts the least recently used entry first.")
                .supported()).isFalse();
    }

    private SupportCheck.Verdict judge(CardType type, String front, String back) {
        return judge(type, front, back, null);
    }

    private SupportCheck.Verdict judge(CardType type, String front, String back, String text) {
        String claim = SupportCheck.claim(type, back, text);
        return SupportCheck.DEFAULT.judge(type, front, back, text, QUOTE, "Eviction " + QUOTE, model.embed(claim),
                model.embed(QUOTE));
    }
}
