package dev.groundwork.ingest.embed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BgeTokenizerTest {

    static BgeTokenizer tokenizer;

    @BeforeAll
    static void load() {
        tokenizer = new BgeTokenizer();
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    @Test
    void countsWordPieceTokensWithoutSpecialTokens() {
        assertThat(tokenizer.count("hello world")).isEqualTo(2);
        assertThat(tokenizer.count("Hello, World!")).isEqualTo(4);
        // "tokenization" is split into word pieces: token ##ization
        assertThat(tokenizer.count("tokenization")).isEqualTo(2);
        assertThat(tokenizer.count("")).isZero();
        assertThat(tokenizer.count("   ")).isZero();
    }

    @Test
    void neverTruncatesLongTexts() {
        String text = "word ".repeat(2000);

        assertThat(tokenizer.count(text)).isEqualTo(2000);
    }

    @Test
    void countsAreAdditiveAcrossWhitespace() {
        String a = "Raft elects a leader with randomized election timeouts.";
        String b = "func main() { fmt.Println(\"héllo\") }";

        assertThat(tokenizer.count(a + "\n\n" + b)).isEqualTo(tokenizer.count(a) + tokenizer.count(b));
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        String text = "The quick brown fox jumps over the lazy dog. ".repeat(50);
        int expected = tokenizer.count(text);

        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 200; i++) {
                futures.add(pool.submit(() -> tokenizer.count(text)));
            }
            for (var future : futures) {
                assertThat(future.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
    }
}
