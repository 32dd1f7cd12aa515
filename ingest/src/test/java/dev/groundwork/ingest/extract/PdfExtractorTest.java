package dev.groundwork.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

class PdfExtractorTest {

    private final Extractor extractor = new Extractor();

    @Test
    void givesEachParagraphItsPage() throws Exception {
        byte[] pdf = SourceDocuments.pdf(null, "Leader election picks one server.", "Log replication copies entries.");

        ExtractedDocument doc = extractor.extract("https://x/a.pdf", "application/pdf", null, pdf);

        assertThat(doc.pageCount()).isEqualTo(2);
        assertThat(doc.mediaType()).isEqualTo("application/pdf");
        assertThat(doc.blocks()).extracting(Block::text, Block::page).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Leader election picks one server.", 1),
                org.assertj.core.groups.Tuple.tuple("Log replication copies entries.", 2));
        assertThat(doc.title()).isEqualTo("Leader election picks one server.");
        assertThat(doc.text()).isEqualTo("Leader election picks one server.\n\nLog replication copies entries.");
    }

    @Test
    void reportsAPasswordProtectedPdfAsEncrypted() throws Exception {
        byte[] pdf = SourceDocuments.pdf("user-secret",
                "Secret text.");

        assertThatThrownBy(() -> extractor.extract("https://x/s.pdf", "application/pdf", null, pdf))
                .isInstanceOfSatisfying(ExtractionFailed.class,
                        e -> assertThat(e.reason()).isEqualTo(ExtractionFailed.Reason.ENCRYPTED))
                .hasMessage("The PDF is encrypted and needs a password.");
    }

    @Test
    void readsAPdfThatOnlyHasAnOwnerPassword() throws Exception {
        byte[] pdf = SourceDocuments.pdf("", "Open text.");

        ExtractedDocument doc = extractor.extract("https://x/o.pdf", "application/pdf", null, pdf);

        assertThat(doc.text()).isEqualTo("Open text.");
    }

    @Test
    void reportsAnImageOnlyPdfAsHavingNoText() throws Exception {
        byte[] pdf;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            PDImageXObject image = LosslessFactory.createFromImage(doc,
                    new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB));
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(image, 50, 600);
            }
            doc.addPage(new PDPage());
            doc.save(out);
            pdf = out.toByteArray();
        }

        assertThatThrownBy(() -> extractor.extract("https://x/scan.pdf", "application/pdf", null, pdf))
                .isInstanceOfSatisfying(ExtractionFailed.class,
                        e -> assertThat(e.reason()).isEqualTo(ExtractionFailed.Reason.NO_TEXT));
    }

    @Test
    void reportsRandomBytesAsBroken() {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);

        assertThatThrownBy(() -> extractor.extract("https://x/n.pdf", "application/pdf", null, noise))
                .isInstanceOfSatisfying(ExtractionFailed.class,
                        e -> assertThat(e.reason()).isEqualTo(ExtractionFailed.Reason.BROKEN))
                .hasMessage("The file could not be read as a PDF.");
    }

    @Test
    void reportsATruncatedPdfAsBroken() throws Exception {
        byte[] pdf = SourceDocuments.pdf(null, "Some text.");
        byte[] truncated = java.util.Arrays.copyOf(pdf, 40);

        assertThatThrownBy(() -> extractor.extract("https://x/t.pdf", "application/pdf", null, truncated))
                .isInstanceOfSatisfying(ExtractionFailed.class,
                        e -> assertThat(e.reason()).isEqualTo(ExtractionFailed.Reason.BROKEN));
    }

    @Test
    void extractsTheRaftPaperFromTheMirror() throws Exception {
        ExtractedDocument doc = extractor.extract("https://raft.github.io/raft.pdf", "application/pdf", null,
                Corpus.bytes("raft.github.io/raft.pdf"));

        assertThat(doc.pageCount()).isEqualTo(18);
        assertThat(doc.title()).contains("Understandable Consensus Algorithm");
        assertThat(doc.text()).contains("Raft").contains("leader election");
        assertThat(doc.blocks()).extracting(Block::page).contains(1, 18).doesNotContainNull();
        // lines are grouped into paragraphs and words hyphenated at line ends are rejoined
        assertThat(doc.blocks()).anySatisfy(b -> assertThat(b.text()).contains(
                "Consensus algorithms allow a collection of machines to work as a coherent group that can survive "
                        + "the failures of some of its members."));
        assertThat(doc.blocks().size()).isLessThan(800);
    }
}
