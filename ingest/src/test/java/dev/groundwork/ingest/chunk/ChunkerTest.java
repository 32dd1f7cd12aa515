package dev.groundwork.ingest.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.ingest.extract.Block;
import dev.groundwork.ingest.extract.BlockKind;
import dev.groundwork.ingest.extract.ExtractedDocument;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Chunking rules with a word-counting tokenizer and small sizes, so the documents stay readable. */
class ChunkerTest {

    static final String URL = "https://example.org/guide";
    /** One token per whitespace-separated word. */
    static final TokenCounter WORDS = text -> text.isBlank() ? 0 : text.strip().split("\\s+").length;

    final Chunker chunker = new Chunker(WORDS, new ChunkProperties(20, 30, 5));

    @Test
    void headingsSplitChunksAndBuildHeadingPaths() {
        ExtractedDocument doc = html(
                paragraph(words("intro", 6)),
                heading(1, "Concepts"),
                paragraph(words("concepts", 6)),
                heading(2, "Data model"),
                paragraph(words("model", 6)),
                heading(2, "Storage"),
                heading(3, "Pages"),
                paragraph(words("pages", 6)),
                heading(1, "Operations"),
                paragraph(words("ops", 6)));

        List<Chunk> chunks = chunker.chunk(doc);

        assertThat(chunks).extracting(Chunk::headingPath).containsExactly(
                List.of(),
                List.of("Concepts"),
                List.of("Concepts", "Data model"),
                List.of("Concepts", "Storage", "Pages"),
                List.of("Operations"));
        assertThat(chunks).extracting(Chunk::text).containsExactly(
                words("intro", 6), words("concepts", 6), words("model", 6), words("pages", 6), words("ops", 6));
        assertThat(chunks).extracting(Chunk::index).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void packsConsecutiveParagraphsUpToTheTarget() {
        ExtractedDocument doc = html(IntStream.range(0, 6).mapToObj(i -> paragraph(words("p" + i, 9)))
                .toArray(Block[]::new));

        List<Chunk> chunks = chunker.chunk(doc);

        assertThat(chunks).extracting(Chunk::tokens).containsExactly(18, 18, 18);
        assertThat(chunks.get(0).text()).isEqualTo(words("p0", 9) + "\n\n" + words("p1", 9));
    }

    @Test
    void keepsACodeBlockUnderTheMaximumWhole() {
        String code = IntStream.range(0, 7).mapToObj(i -> "    call(arg" + i + ", other" + i + ", third" + i + ");")
                .collect(Collectors.joining("\n"));   // 28 words: over the target, under the maximum
        ExtractedDocument doc = html(paragraph(words("before", 10)), code(code), paragraph(words("after", 10)));

        List<Chunk> chunks = chunker.chunk(doc);

        assertThat(chunks).extracting(Chunk::text).contains(code);
    }

    @Test
    void splitsAnOverBudgetTableOnRowLines() {
        List<String> rows = IntStream.range(0, 15).mapToObj(i -> "name" + i + " | type" + i + " | note" + i)
                .toList();   // 5 words a row, 75 in all
        ExtractedDocument doc = html(table(String.join("\n", rows)));

        List<Chunk> chunks = chunker.chunk(doc);

        assertThat(chunks).hasSizeGreaterThan(1);
        List<String> chunkedRows = new ArrayList<>();
        for (Chunk chunk : chunks) {
            assertThat(chunk.tokens()).isLessThanOrEqualTo(30);
            chunkedRows.addAll(chunk.text().lines().toList());
        }
        assertThat(chunkedRows).containsExactlyElementsOf(rows);
    }

    @Test
    void splitsALongParagraphAtSentenceBoundaries() {
        String paragraph = IntStream.range(0, 12).mapToObj(i -> "Sentence " + i + " has exactly six words.")
                .collect(Collectors.joining(" "));
        List<Chunk> chunks = chunker.chunk(html(paragraph(paragraph)));

        assertThat(chunks).hasSizeGreaterThan(2);
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.text()).startsWith("Sentence ").endsWith("words.");
            assertThat(chunk.tokens()).isLessThanOrEqualTo(30);
        });
    }

    @Test
    void splitsARunOnSentenceAtWordBoundaries() {
        String runOn = words("w", 100);
        List<Chunk> chunks = chunker.chunk(html(paragraph(runOn)));

        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.tokens()).isLessThanOrEqualTo(30));
        assertThat(chunks.stream().map(Chunk::text).collect(Collectors.joining(" "))).isEqualTo(runOn);
    }

    @Test
    void mergesATinyTrailingPieceIntoThePreviousChunkOfTheSameSection() {
        ExtractedDocument doc = html(
                paragraph(words("a", 15)), paragraph(words("b", 18)), paragraph(words("tail", 3)),
                heading(1, "Next"), paragraph(words("lonely", 3)));

        List<Chunk> chunks = chunker.chunk(doc);

        assertThat(chunks).extracting(Chunk::tokens).containsExactly(15, 21, 3);
        assertThat(chunks.get(1).text()).endsWith(words("tail", 3));
        assertThat(chunks.get(2).headingPath()).containsExactly("Next");
    }

    @Test
    void mergesATinyLeadingPieceIntoTheNextChunkWhenNothingPrecedesIt() {
        String code = IntStream.range(0, 5).mapToObj(i -> "f(a" + i + ", b" + i + ", c" + i + ", d" + i + ");")
                .collect(Collectors.joining("\n"));   // 25 words
        ExtractedDocument doc = html(heading(1, "Example"), paragraph("Run this:"), code(code));

        List<Chunk> chunks = chunker.chunk(doc);

        assertThat(chunks).extracting(Chunk::text).containsExactly("Run this:\n\n" + code);
    }

    @Test
    void chunkTextIsTheDocumentTextBetweenItsOffsets() {
        ExtractedDocument doc = html(
                paragraph(words("a", 7)), paragraph(words("b", 7)), heading(1, "H"),
                code("x = 1\n\n  y = 2"), paragraph("One two three. " + words("c", 40) + ". Four five."),
                table(String.join("\n", IntStream.range(0, 20).mapToObj(i -> "r" + i + " | v").toList())));
        String text = doc.text();

        List<Chunk> chunks = chunker.chunk(doc);

        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(text.substring(chunk.start(), chunk.end())).isEqualTo(chunk.text());
            assertThat(chunk.text()).isEqualTo(chunk.text().strip());
            assertThat(chunk.contentHash()).isEqualTo(Chunk.sha256(chunk.text())).hasSize(64);
        });
    }

    @Test
    void idsAreStableAcrossRunsAndChangeWhenTheTextChanges() {
        List<Chunk> first = chunker.chunk(html(paragraph(words("a", 15)), paragraph(words("b", 15))));
        List<Chunk> again = new Chunker(WORDS, new ChunkProperties(20, 30, 5))
                .chunk(html(paragraph(words("a", 15)), paragraph(words("b", 15))));
        List<Chunk> edited = chunker.chunk(html(paragraph(words("a", 15)), paragraph(words("B", 15))));

        assertThat(again).extracting(Chunk::id).containsExactlyElementsOf(first.stream().map(Chunk::id).toList());
        assertThat(edited.get(0).id()).isEqualTo(first.get(0).id());
        assertThat(edited.get(1).id()).isNotEqualTo(first.get(1).id());
        assertThat(first.get(0).id()).isEqualTo(java.util.UUID.nameUUIDFromBytes(
                (URL + "#0#" + first.get(0).contentHash()).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString());
    }

    @Test
    void carriesThePdfPageAndStartsANewChunkOnANewPage() {
        ExtractedDocument doc = ExtractedDocument.of(URL, null, "application/pdf", List.of(
                new Block(BlockKind.PARAGRAPH, 0, words("one", 8), 1, 0, 0),
                new Block(BlockKind.PARAGRAPH, 0, words("two", 8), 2, 0, 0),
                new Block(BlockKind.PARAGRAPH, 0, words("three", 8), 2, 0, 0)), 2);

        List<Chunk> chunks = chunker.chunk(doc);

        assertThat(chunks).extracting(Chunk::page).containsExactly(1, 2);
        assertThat(chunks.get(1).text()).startsWith("two");
    }

    @Test
    void leavesPageEmptyForDocumentsWithoutPages() {
        assertThat(chunker.chunk(html(paragraph(words("a", 8))))).extracting(Chunk::page).containsOnlyNulls();
    }

    @Test
    void givesNoChunksForADocumentOfHeadingsOnly() {
        assertThat(chunker.chunk(html(heading(1, "Title"), heading(2, "Empty")))).isEmpty();
    }

    @Test
    void rejectsBlocksWhoseOffsetsMissTheirText() {
        ExtractedDocument broken = new ExtractedDocument(URL, null, "text/html",
                List.of(new Block(BlockKind.PARAGRAPH, 0, "hello", null, 3, 8)), 0);

        assertThatThrownBy(() -> chunker.chunk(broken)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAMaximumBeyondTheModelWindow() {
        assertThatThrownBy(() -> new ChunkProperties(300, 511, 40)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChunkProperties(500, 480, 40)).isInstanceOf(IllegalArgumentException.class);
    }

    static String words(String stem, int count) {
        return String.join(" ", IntStream.range(0, count).mapToObj(i -> stem + i).toList());
    }

    static ExtractedDocument html(Block... blocks) {
        return ExtractedDocument.of(URL, "Guide", "text/html", Arrays.asList(blocks), 0);
    }

    static Block heading(int level, String text) {
        return new Block(BlockKind.HEADING, level, text, null, 0, 0);
    }

    static Block paragraph(String text) {
        return new Block(BlockKind.PARAGRAPH, 0, text, null, 0, 0);
    }

    static Block code(String text) {
        return new Block(BlockKind.CODE, 0, text, null, 0, 0);
    }

    static Block table(String text) {
        return new Block(BlockKind.TABLE, 0, text, null, 0, 0);
    }
}
