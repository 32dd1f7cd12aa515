package dev.groundwork.api.flashcard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuoteLocatorTest {

    static final String PASSAGE = "Caches trade memory for latency.\n\nLRU evicts the least\u00A0recently used entry — "
            + "the “oldest” one — first. Then LFU counts uses.";

    @Test
    void findsAQuoteDespiteWhitespaceQuotesDashesCaseAndEmphasis() {
        String quote = "lru evicts the **least recently used** entry - the \"oldest\" one - first.";

        QuoteLocator.Span span = QuoteLocator.locate(quote, PASSAGE).orElseThrow();

        assertThat(PASSAGE.substring(span.start(), span.end()))
                .isEqualTo("LRU evicts the least\u00A0recently used entry — the “oldest” one — first.");
    }

    @Test
    void answersTheSpanInTheOriginalText() {
        QuoteLocator.Span span = QuoteLocator.locate("  Then LFU counts uses.  ", PASSAGE).orElseThrow();

        assertThat(span.end()).isEqualTo(PASSAGE.length());
        assertThat(PASSAGE.substring(span.start())).isEqualTo("Then LFU counts uses.");
    }

    @Test
    void findsNothingForAParaphraseOrATrivialQuote() {
        assertThat(QuoteLocator.locate("LRU removes the least recently used entry first.", PASSAGE)).isEmpty();
        assertThat(QuoteLocator.locate("a.", PASSAGE)).isEmpty();
        assertThat(QuoteLocator.locate(null, PASSAGE)).isEmpty();
    }
}
