package dev.groundwork.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PlainTextExtractorTest {

    private final Extractor extractor = new Extractor();

    @Test
    void splitsParagraphsOnBlankLines() throws Exception {
        String text = "Release notes\r\n\r\nFirst paragraph\r\ncontinues here.\r\n \r\n\r\nSecond   paragraph.\n";

        ExtractedDocument doc = extractor.extract("https://x/notes.txt", "text/plain; charset=utf-8",
                StandardCharsets.UTF_8, text.getBytes(StandardCharsets.UTF_8));

        assertThat(doc.blocks()).extracting(Block::text)
                .containsExactly("Release notes", "First paragraph continues here.", "Second paragraph.");
        assertThat(doc.blocks()).extracting(Block::kind).containsOnly(BlockKind.PARAGRAPH);
        assertThat(doc.title()).isEqualTo("Release notes");
    }

    @Test
    void dropsAUtf8ByteOrderMark() throws Exception {
        byte[] body = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'h', 'i'};

        assertThat(extractor.extract("https://x/", "text/plain", null, body).text()).isEqualTo("hi");
    }

    @Test
    void reportsBlankTextAsNoText() {
        assertThatThrownBy(() -> extractor.extract("https://x/", "text/plain", null, " \n\n \t".getBytes()))
                .isInstanceOfSatisfying(ExtractionFailed.class,
                        e -> assertThat(e.reason()).isEqualTo(ExtractionFailed.Reason.NO_TEXT));
    }
}
