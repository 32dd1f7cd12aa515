package dev.groundwork.api.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.api.flashcard.ImportedCard;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceFieldTest {

    @Test
    void readsBackTheLinkHeadingPathAndPageItWrote() {
        String html = SourceField.of("https://redis.io/docs/get-started/?a=1&b=2", "Get started › \"Redis\"",
                List.of("Data types", "Strings & <lists>"), 12);
        assertThat(html).startsWith("<a href=\"https://redis.io/docs/get-started/?a=1&amp;b=2\"");
        ImportedCard.Source source = SourceField.parse(html, "Redis is fast.");
        assertThat(source).isEqualTo(new ImportedCard.Source("https://redis.io/docs/get-started/?a=1&b=2",
                "Get started › \"Redis\"", List.of("Data types", "Strings & <lists>"), 12, "Redis is fast."));
    }

    @Test
    void readsAFieldEditedInAnkiFromItsVisibleText() {
        ImportedCard.Source source = SourceField.parse(
                "<a href=\"https://example.com/book.pdf\">The book</a> › Part I › Chapter 2 · p. 7", "");
        assertThat(source).isEqualTo(new ImportedCard.Source("https://example.com/book.pdf", "The book",
                List.of("Part I", "Chapter 2"), 7, ""));
        assertThat(SourceField.parse("https://example.com/x", "q").url()).isEqualTo("https://example.com/x");
    }

    @Test
    void keepsOnlyWebAndGroundworkLinks() {
        ImportedCard.Source source = SourceField.parse("<a href=\"javascript:alert(1)\">click</a>", "A quote.");
        assertThat(source.url()).isNull();
        assertThat(source.quote()).isEqualTo("A quote.");
        assertThat(SourceField.parse("<a href=\"javascript:alert(1)\">click</a>", "")).isNull();
        assertThat(SourceField.parse("<a href=\"groundwork:topic/42\">Week 1</a>", "q").url())
                .isEqualTo("groundwork:topic/42");
    }
}
