package dev.groundwork.ingest.chunk;

/**
 * Counts the tokens a text costs the embedding model. Production uses the model's own tokenizer
 * ({@code dev.groundwork.ingest.embed.BgeTokenizer}); tests may use anything deterministic.
 *
 * <p>Contract: the count excludes the model's special tokens ({@code [CLS]}, {@code [SEP]}), is never negative, and
 * is (near enough) additive over whitespace: {@code count(a + " " + b) == count(a) + count(b)}, which holds for
 * WordPiece. Implementations must be safe to call from several threads.
 */
@FunctionalInterface
public interface TokenCounter {

    int count(String text);
}
