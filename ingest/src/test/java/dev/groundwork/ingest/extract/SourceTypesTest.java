package dev.groundwork.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourceTypesTest {

    @Test
    void namesTheMediaTypeOfEachAcceptedExtension() {
        assertThat(SourceTypes.ofName("Notes.MD")).contains("text/markdown");
        assertThat(SourceTypes.ofName("paper.pdf")).contains("application/pdf");
        assertThat(SourceTypes.ofName("page.htm")).contains("text/html");
        assertThat(SourceTypes.ofName("a.txt")).contains("text/plain");
        assertThat(SourceTypes.ofName("guide.docx")).contains(SourceTypes.DOCX);
        assertThat(SourceTypes.ofName("setup.exe")).isEmpty();
        assertThat(SourceTypes.ofName("README")).isEmpty();
    }

    @Test
    void acceptsADeclaredTypeOnlyWhenItAgreesWithTheName() {
        assertThat(SourceTypes.declaredAgrees("text/markdown", "text/x-markdown")).isTrue();
        assertThat(SourceTypes.declaredAgrees("application/pdf", "application/octet-stream")).isTrue();
        assertThat(SourceTypes.declaredAgrees("application/pdf", null)).isTrue();
        assertThat(SourceTypes.declaredAgrees("application/pdf", "text/plain")).isFalse();
        assertThat(SourceTypes.declaredAgrees("text/plain", "application/zip")).isFalse();
    }

    @Test
    void tellsAFileThatIsNotWhatItsNameSays() {
        byte[] pdf = SourceDocuments.pdf(null, "Text.");
        byte[] zip = SourceDocuments.zip(1, 10);
        byte[] text = "# Notes\n".getBytes(StandardCharsets.UTF_8);

        assertThat(SourceTypes.looksLike("application/pdf", pdf)).isTrue();
        assertThat(SourceTypes.looksLike(SourceTypes.DOCX, zip)).isTrue();
        assertThat(SourceTypes.looksLike("text/markdown", text)).isTrue();

        assertThat(SourceTypes.looksLike("application/pdf", text)).isFalse();
        assertThat(SourceTypes.looksLike(SourceTypes.DOCX, pdf)).isFalse();
        assertThat(SourceTypes.looksLike("text/markdown", pdf)).isFalse();
        assertThat(SourceTypes.looksLike("text/plain", zip)).isFalse();
        assertThat(SourceTypes.looksLike("text/plain", new byte[] {'a', 0, 'b'})).isFalse();
    }
}
