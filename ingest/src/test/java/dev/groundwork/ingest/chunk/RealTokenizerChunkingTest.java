package dev.groundwork.ingest.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.ingest.embed.BgeTokenizer;
import dev.groundwork.ingest.extract.Block;
import dev.groundwork.ingest.extract.BlockKind;
import dev.groundwork.ingest.extract.ExtractedDocument;
import dev.groundwork.ingest.extract.Extractor;
import dev.groundwork.ingest.extract.Mark;
import dev.groundwork.ingest.extract.MarkKind;
import dev.groundwork.ingest.mirror.SharedFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The default sizes against the embedding model's own tokenizer, on a long and awkward generated document and on a
 * real README; chunk blocks on both.
 */
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
            assertBlocksTile(chunk);
        });
        assertThat(sizes.getAverage()).isGreaterThan(150);
    }

    @Test
    void keepsListItemsBoldTermsAndLinksOfARealReadmeInItsChunks() throws Exception {
        Path corpus = SharedFolder.find("corpus", "web/manifest.json", "groundwork.corpus.dir", "GROUNDWORK_CORPUS_DIR");
        byte[] readme = Files.readAllBytes(corpus.resolve(
                "web/raw.githubusercontent.com/donnemartin/system-design-primer/HEAD/README.md"));
        ExtractedDocument doc = new Extractor().extract(
                "https://raw.githubusercontent.com/donnemartin/system-design-primer/HEAD/README.md", "text/markdown",
                null, readme);

        List<Chunk> chunks = new Chunker(tokenizer, ChunkProperties.defaults()).chunk(doc);

        assertThat(chunks).hasSizeGreaterThan(100).allSatisfy(RealTokenizerChunkingTest::assertBlocksTile);
        Chunk cap = chunks.stream().filter(c -> c.headingPath().contains("CAP theorem")).findFirst().orElseThrow();
        assertThat(cap.blocks()).filteredOn(b -> b.kind() == BlockKind.LIST_ITEM)
                .extracting(b -> b.marks().stream().map(m -> b.text(cap.text()).substring(m.start(), m.end()))
                        .toList())
                .containsExactly(List.of("Consistency"), List.of("Availability"), List.of("Partition Tolerance"));
        Chunk reading = chunks.stream().skip(chunks.indexOf(cap))
                .filter(c -> c.headingPath().contains("Source(s) and further reading")).findFirst().orElseThrow();
        assertThat(reading.text()).startsWith("CAP theorem revisited");
        assertThat(reading.blocks()).hasSizeGreaterThanOrEqualTo(4).allSatisfy(item -> {
            assertThat(item.kind()).isEqualTo(BlockKind.LIST_ITEM);
            assertThat(item.marks()).containsExactly(new Mark(MarkKind.LINK, 0, item.end() - item.start()));
        });
    }

    /** The chunk's blocks lie in order within its text, from its start to its end, only whitespace between them. */
    static void assertBlocksTile(Chunk chunk) {
        List<ChunkBlock> blocks = chunk.blocks();
        assertThat(blocks).isNotEmpty();
        assertThat(blocks.get(0).start()).isZero();
        assertThat(blocks.get(blocks.size() - 1).end()).isEqualTo(chunk.text().length());
        for (int i = 1; i < blocks.size(); i++) {
            assertThat(blocks.get(i).start()).isGreaterThan(blocks.get(i - 1).end());
            assertThat(chunk.text().substring(blocks.get(i - 1).end(), blocks.get(i).start())).isBlank();
        }
        for (ChunkBlock block : blocks) {
            assertThat(block.kind()).isNotEqualTo(BlockKind.HEADING);
            assertThat(block.marks()).allSatisfy(mark -> assertThat(mark.end()).isLessThanOrEqualTo(
                    block.end() - block.start()));
        }
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
