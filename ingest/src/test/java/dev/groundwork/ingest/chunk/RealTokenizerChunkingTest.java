package dev.groundwork.ingest.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.ingest.embed.BgeTokenizer;
import dev.groundwork.ingest.extract.Block;
import dev.groundwork.ingest.extract.BlockKind;
import dev.groundwork.ingest.extract.ExtractedDocument;
import java.util.ArrayList;
import java.util.Base64;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The default sizes against the embedding model's own tokenizer, on a long and awkward generated document. */
class RealTokenizerChunkingTest {

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
    void noChunkExceedsTheMaximumMeasuredWithTheModelTokenizer() {
        ExtractedDocument doc = longDocument(new Random(42));
        String text = doc.text();

        List<Chunk> chunks = new Chunker(tokenizer, ChunkProperties.defaults()).chunk(doc);

        IntSummaryStatistics sizes = chunks.stream().mapToInt(Chunk::tokens).summaryStatistics();
        System.out.printf("Chunked %d BGE tokens into %d chunks: min %d, average %.0f, max %d tokens%n",
                tokenizer.count(text), chunks.size(), sizes.getMin(), sizes.getAverage(), sizes.getMax());
        assertThat(chunks).hasSizeGreaterThan(20).allSatisfy(chunk -> {
            int tokens = tokenizer.count(chunk.text());
            assertThat(tokens).isEqualTo(chunk.tokens()).isLessThanOrEqualTo(480);
            assertThat(text.substring(chunk.start(), chunk.end())).isEqualTo(chunk.text());
        });
        assertThat(sizes.getAverage()).isGreaterThan(150);
    }

    /** Sections of prose, run-on paragraphs, code with a minified line, a large table and a base64 blob. */
    static ExtractedDocument longDocument(Random random) {
        List<Block> blocks = new ArrayList<>();
        for (int section = 0; section < 8; section++) {
            blocks.add(new Block(BlockKind.HEADING, 1 + section % 3, "Section " + section, null, 0, 0));
            for (int p = 0; p < 6; p++) {
                blocks.add(new Block(BlockKind.PARAGRAPH, 0, prose(random, 20 + random.nextInt(120)), null, 0, 0));
            }
            blocks.add(new Block(BlockKind.PARAGRAPH, 0, prose(random, 900), null, 0, 0));
            blocks.add(new Block(BlockKind.LIST_ITEM, 1, prose(random, 30), null, 0, 0));
            blocks.add(new Block(BlockKind.CODE, 0, code(random, 60), null, 0, 0));
            blocks.add(new Block(BlockKind.TABLE, 0, table(random, 80), null, 0, 0));
        }
        byte[] blob = new byte[6000];
        random.nextBytes(blob);
        blocks.add(new Block(BlockKind.PARAGRAPH, 0, "data:image/png;base64," + Base64.getEncoder()
                .encodeToString(blob), null, 0, 0));
        return ExtractedDocument.of("https://example.org/long", "Long", "text/html", blocks, 0);
    }

    static String prose(Random random, int words) {
        String[] vocabulary = ("consensus replicated log leader follower election term quorum snapshot "
                + "linearizability idempotency Kubernetes PostgreSQL write-ahead backpressure the of and to in is "
                + "a that with for as on by héllo naïve 数据库 3.14 e.g. (see RFC-9457)").split(" ");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(vocabulary[random.nextInt(vocabulary.length)]);
            // every fourth paragraph has no sentence ends at all
            text.append(words % 4 != 0 && random.nextInt(12) == 0 ? ". " : " ");
        }
        return text.toString().strip();
    }

    static String code(Random random, int lines) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            code.append("    ".repeat(random.nextInt(3))).append("val x").append(i).append(" = compute(\"")
                    .append(Long.toHexString(random.nextLong())).append("\", ").append(i).append(");\n");
        }
        code.append("var a=function(b){return b.map(function(c){return c*2}).filter(Boolean)};".repeat(40));
        return code.toString();
    }

    static String table(Random random, int rows) {
        StringBuilder table = new StringBuilder("Name | Type | Default | Description");
        for (int i = 0; i < rows; i++) {
            table.append("\ngroundwork.option").append(i).append(" | int | ").append(random.nextInt(1000))
                    .append(" | ").append(prose(random, 8));
        }
        return table.toString();
    }
}
