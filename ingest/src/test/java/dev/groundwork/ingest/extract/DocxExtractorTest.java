package dev.groundwork.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DocxExtractorTest {

    private final Extractor extractor = new Extractor();

    @Test
    void givesHeadingsParagraphsListsAndTablesTheirStructure() throws Exception {
        byte[] docx = SourceDocuments.docx("Consensus", "Raft elects a leader per term.", "Leader election",
                "Randomized timeouts", "Log replication", new String[][] {{"Term", "Leader"}, {"1", "S1"}},
                "A committed entry is durable.");

        ExtractedDocument doc = extractor.extract("groundwork:source/x", SourceTypes.DOCX, null, docx);

        assertThat(doc.blocks()).extracting(Block::kind, Block::level, Block::text).containsExactly(
                tuple(BlockKind.HEADING, 1, "Consensus"),
                tuple(BlockKind.PARAGRAPH, 0, "Raft elects a leader per term."),
                tuple(BlockKind.LIST_ITEM, 1, "Leader election"),
                tuple(BlockKind.LIST_ITEM, 2, "Randomized timeouts"),
                tuple(BlockKind.HEADING, 2, "Log replication"),
                tuple(BlockKind.TABLE, 0, "Term | Leader\n1 | S1"),
                tuple(BlockKind.PARAGRAPH, 0, "A committed entry is durable."));
        assertThat(doc.title()).isEqualTo("Consensus");
        assertThat(doc.mediaType()).isEqualTo(SourceTypes.DOCX);
        assertThat(doc.text()).startsWith("Consensus\n\nRaft elects a leader per term.");
    }

    @Test
    void refusesAZipBombBeforeUnpackingIt() {
        byte[] bomb = SourceDocuments.zip(1, 64 * 1024 * 1024);

        assertThat(bomb.length).isLessThan(1024 * 1024);
        assertThatThrownBy(() -> extractor.extract("u", SourceTypes.DOCX, null, bomb))
                .isInstanceOfSatisfying(ExtractionFailed.class,
                        e -> assertThat(e.reason()).isEqualTo(ExtractionFailed.Reason.UNSAFE))
                .hasMessageContaining("times its size");
    }

    @Test
    void refusesAnArchiveWithTooManyEntries() {
        Extractor strict = new Extractor(new ArchiveLimits(10, 1024 * 1024, 100));

        assertThatThrownBy(() -> strict.extract("u", SourceTypes.DOCX, null, SourceDocuments.zip(11, 10)))
                .isInstanceOfSatisfying(ExtractionFailed.class,
                        e -> assertThat(e.reason()).isEqualTo(ExtractionFailed.Reason.UNSAFE))
                .hasMessageContaining("more than 10 files");
    }

    @Test
    void refusesAnArchiveThatUnpacksPastTheSizeLimit() {
        Extractor strict = new Extractor(new ArchiveLimits(10, 1000, 1_000_000));

        assertThatThrownBy(() -> strict.extract("u", SourceTypes.DOCX, null, SourceDocuments.zip(2, 600)))
                .isInstanceOfSatisfying(ExtractionFailed.class,
                        e -> assertThat(e.reason()).isEqualTo(ExtractionFailed.Reason.UNSAFE))
                .hasMessageContaining("more than 1000 bytes");
    }

    @Test
    void reportsAZipThatIsNoWordDocumentAsBroken() {
        assertThatThrownBy(() -> extractor.extract("u", SourceTypes.DOCX, null, SourceDocuments.zip(2, 10)))
                .isInstanceOfSatisfying(ExtractionFailed.class,
                        e -> assertThat(e.reason()).isEqualTo(ExtractionFailed.Reason.BROKEN));
        assertThatThrownBy(() -> extractor.extract("u", SourceTypes.DOCX, null,
                "not a zip".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ExtractionFailed.class,
                        e -> assertThat(e.reason()).isEqualTo(ExtractionFailed.Reason.BROKEN));
    }
}
