package dev.groundwork.ingest.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.groundwork.ingest.extract.Block;
import dev.groundwork.ingest.extract.BlockKind;
import dev.groundwork.ingest.extract.ExtractedDocument;
import dev.groundwork.ingest.extract.Mark;
import dev.groundwork.ingest.extract.MarkKind;
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
    void recordsTheKindOffsetsAndMarksOfEveryBlockInAChunk() {
        ExtractedDocument doc = html(
                heading(1, "CAP theorem"),
                paragraph("You can only support two of the following guarantees:"),
                marked(BlockKind.LIST_ITEM, "Consistency - every read sees the latest write", MarkKind.STRONG,
                        "Consistency"),
                marked(BlockKind.LIST_ITEM, "Availability - every request gets a response", MarkKind.STRONG,
                        "Availability"),
                code("cap --check"));

        List<Chunk> chunks = new Chunker(WORDS, ChunkProperties.defaults()).chunk(doc);

        assertThat(chunks).hasSize(1);
        Chunk chunk = chunks.get(0);

        assertThat(chunk.blocks()).extracting(ChunkBlock::kind, b -> b.text(chunk.text()), b -> marks(chunk, b))
                .containsExactly(
                        tuple(BlockKind.PARAGRAPH, "You can only support two of the following guarantees:", List.of()),
                        tuple(BlockKind.LIST_ITEM, "Consistency - every read sees the latest write",
                                List.of("STRONG Consistency")),
                        tuple(BlockKind.LIST_ITEM, "Availability - every request gets a response",
                                List.of("STRONG Availability")),
                        tuple(BlockKind.CODE, "cap --check", List.of()));
        assertThat(chunk.blocks()).extracting(ChunkBlock::level).containsExactly(0, 1, 1, 0);
        assertThat(chunk.blocks().get(0).start()).isZero();
        assertThat(chunk.blocks().get(3).end()).isEqualTo(chunk.text().length());
    }

    @Test
    void splitsALongListItemIntoPiecesThatKeepTheirPartOfEachMark() {
        String item = "Term one is defined here with some more words. " + words("filler", 20)
                + " closing words. Second sentence carries a link to the further reading page.";
        int linkStart = item.indexOf("closing");
        Block longItem = new Block(BlockKind.LIST_ITEM, 2, item, null, 0, 0, List.of(
                new Mark(MarkKind.STRONG, 0, "Term one".length()),
                new Mark(MarkKind.LINK, linkStart, item.indexOf("carries") + "carries".length()),
                new Mark(MarkKind.CODE, item.indexOf("further"), item.length() - 1)));
        ExtractedDocument doc = html(paragraph(words("intro", 3)), longItem);
        String text = doc.text();

        List<Chunk> chunks = chunker.chunk(doc);

        assertThat(chunks).hasSizeGreaterThan(1);
        List<String> pieces = new ArrayList<>();
        List<String> marked = new ArrayList<>();
        for (Chunk chunk : chunks) {
            assertThat(chunk.blocks()).isNotEmpty().allSatisfy(block -> {
                assertThat(text.substring(chunk.start() + block.start(), chunk.start() + block.end()))
                        .isEqualTo(block.text(chunk.text()));
                assertThat(block.end()).isLessThanOrEqualTo(chunk.text().length());
            });
            chunk.blocks().stream().filter(b -> b.kind() == BlockKind.LIST_ITEM).forEach(b -> {
                assertThat(b.level()).isEqualTo(2);
                pieces.add(b.text(chunk.text()));
                marked.addAll(marks(chunk, b));
            });
        }
        assertThat(String.join(" ", pieces)).isEqualTo(item);
        assertThat(marked).containsExactly("STRONG Term one", "LINK closing words.", "LINK Second sentence carries",
                "CODE further reading page");
    }

    @Test
    void givesOneBlockForTheSentencesOfOneParagraphInOneChunk() {
        String paragraph = IntStream.range(0, 6).mapToObj(i -> "Sentence " + i + " has exactly six words.")
                .collect(Collectors.joining(" "));   // 36 words: split into sentences, packed 3 to a chunk

        List<Chunk> chunks = chunker.chunk(html(paragraph(paragraph)));

        assertThat(chunks).hasSize(2).allSatisfy(chunk -> assertThat(chunk.blocks())
                .containsExactly(new ChunkBlock(BlockKind.PARAGRAPH, 0, 0, chunk.text().length(), List.of())));
    }

    @Test
    void marksChangeNeitherIdsNorHashes() {
        List<Chunk> plain = chunker.chunk(html(paragraph("Redis keeps data in memory.")));
        List<Chunk> bold = chunker.chunk(html(marked(BlockKind.PARAGRAPH, "Redis keeps data in memory.",
                MarkKind.STRONG, "Redis")));

        assertThat(bold).extracting(Chunk::id, Chunk::contentHash)
                .containsExactly(tuple(plain.get(0).id(), plain.get(0).contentHash()));
        assertThat(bold.get(0).blocks().get(0).marks()).containsExactly(new Mark(MarkKind.STRONG, 0, 5));
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

    /** A block of that kind whose marks cover the first occurrence of each term. */
    static Block marked(BlockKind kind, String text, MarkKind markKind, String... terms) {
        List<Mark> marks = Arrays.stream(terms)
                .map(term -> new Mark(markKind, text.indexOf(term), text.indexOf(term) + term.length()))
                .toList();
        return new Block(kind, kind == BlockKind.LIST_ITEM ? 1 : 0, text, null, 0, 0, marks);
    }

    /** A chunk block's marks as {@code KIND text} strings. */
    static List<String> marks(Chunk chunk, ChunkBlock block) {
        String text = block.text(chunk.text());
        return block.marks().stream().map(m -> m.kind() + " " + text.substring(m.start(), m.end())).toList();
    }
}
