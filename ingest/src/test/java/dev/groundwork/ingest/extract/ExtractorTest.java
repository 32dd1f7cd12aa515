package dev.groundwork.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractorTest {

    private final Extractor extractor = new Extractor();

    @Test
    void rejectsAnUnsupportedMediaTypeWithAShortSafeMessage() {
        assertThatThrownBy(() -> extractor.extract("https://x/a.png", "image/png\r\nX-Evil: <script>", null,
                new byte[] {1, 2, 3}))
                .isInstanceOfSatisfying(ExtractionFailed.class,
                        e -> assertThat(e.reason()).isEqualTo(ExtractionFailed.Reason.UNSUPPORTED_TYPE))
                .hasMessage("Documents of this type cannot be read: image/pngx-evilscript.");
    }

    @Test
    void ignoresMediaTypeParametersAndCase() throws Exception {
        ExtractedDocument doc = extractor.extract("https://x/", "Text/HTML; charset=UTF-8", null,
                "<p>Hello</p>".getBytes(StandardCharsets.UTF_8));

        assertThat(doc.mediaType()).isEqualTo("text/html");
        assertThat(doc.url()).isEqualTo("https://x/");
        assertThat(doc.text()).isEqualTo("Hello");
    }

    @Test
    void reportsAnEmptyBodyAsNoText() {
        assertThatThrownBy(() -> extractor.extract("https://x/", "text/html", null, new byte[0]))
                .isInstanceOfSatisfying(ExtractionFailed.class,
                        e -> assertThat(e.reason()).isEqualTo(ExtractionFailed.Reason.NO_TEXT));
    }

    @Test
    void servesManyThreadsWithOneInstance() throws Exception {
        byte[] page = Corpus.bytes("fastapi.tiangolo.com/features/index.html");
        String expected = extractor.extract("https://fastapi.tiangolo.com/features/", "text/html", null, page).text();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> extractor.extract("https://fastapi.tiangolo.com/features/", "text/html",
                        null, page).text()));
            }
            for (Future<String> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
