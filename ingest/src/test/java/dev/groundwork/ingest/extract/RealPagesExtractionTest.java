package dev.groundwork.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The two mirrored pages that are served as their real sites hold them (no truth text): Kafka's docs and Raft's. */
class RealPagesExtractionTest {

    private final Extractor extractor = new Extractor();

    @Test
    void extractsKafkaDocumentationFromItsHandlebarsTemplates() throws Exception {
        byte[] page = Corpus.bytes("kafka.apache.org/documentation/index.html");
        extractor.extract("https://kafka.apache.org/documentation/", "text/html", StandardCharsets.UTF_8, page);

        long started = System.nanoTime();
        ExtractedDocument doc = extractor.extract("https://kafka.apache.org/documentation/", "text/html",
                StandardCharsets.UTF_8, page);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("Kafka documentation (%d bytes): %d ms, %d characters, %d blocks%n", page.length,
                took.toMillis(), doc.text().length(), doc.blocks().size());

        assertThat(doc.text().length()).isGreaterThan(200_000);
        assertThat(doc.blocks()).filteredOn(b -> b.kind() == BlockKind.HEADING).extracting(Block::text)
                .contains("1. Getting Started", "2. APIs", "3. Configuration", "4. Design", "7. Security");
        assertThat(doc.blocks()).anySatisfy(b -> assertThat(b.kind()).isEqualTo(BlockKind.CODE));
        assertThat(doc.blocks()).anySatisfy(b -> assertThat(b.kind()).isEqualTo(BlockKind.TABLE));
        assertThat(doc.text()).doesNotContain("window.dataLayer", "Handlebars.compile");
    }

    @Test
    void extractsEveryMirroredDocument() throws Exception {
        long started = System.nanoTime();
        int count = 0;
        java.util.List<String> failed = new java.util.ArrayList<>();
        for (Corpus.Entry entry : Corpus.entries()) {
            ExtractedDocument doc;
            try {
                doc = extractor.extract(entry.url(), entry.mediaType(), null,
                        java.nio.file.Files.readAllBytes(entry.file()));
            } catch (ExtractionFailed e) {
                failed.add(entry.url() + ": " + e.reason());
                continue;
            }
            assertThat(doc.text()).as(entry.url()).isNotBlank();
            assertThat(doc.title()).as(entry.url()).isNotBlank();
            count++;
        }
        System.out.printf("%d mirrored documents (HTML, PDF, Markdown) extracted in %d ms%n", count,
                (System.nanoTime() - started) / 1_000_000);
        assertThat(failed).isEmpty();
        assertThat(count).isGreaterThanOrEqualTo(200);
    }

    @Test
    void extractsAKafkaStreamsFragmentWhoseTemplateJsoupPutsInTheHead() throws Exception {
        ExtractedDocument doc = extractor.extract("https://kafka.apache.org/documentation/streams/", "text/html", null,
                Corpus.bytes("kafka.apache.org/documentation/streams/index.html"));

        assertThat(doc.blocks()).first().extracting(Block::kind, Block::text)
                .containsExactly(BlockKind.HEADING, "Kafka Streams");
        assertThat(doc.text()).contains("Kafka Streams is a client library for building applications")
                .doesNotContain("Run Demo App", "$(window)");
    }

    @Test
    void extractsTheRaftSite() throws Exception {
        ExtractedDocument doc = extractor.extract("https://raft.github.io/", "text/html", null,
                Corpus.bytes("raft.github.io/index.html"));

        assertThat(doc.title()).isEqualTo("Raft Consensus Algorithm");
        assertThat(doc.blocks()).filteredOn(b -> b.kind() == BlockKind.HEADING).extracting(Block::text)
                .contains("What is Raft?", "Publications", "Where can I get Raft?");
        assertThat(doc.text()).contains("Raft is a consensus algorithm that is designed to be easy to understand.");
        assertThat(doc.text()).doesNotContain("google-analytics", "function(");
    }

    @ParameterizedTest
    @CsvSource({
            "https://github.com/donnemartin/system-design-primer, text/html,"
                    + " github.com/donnemartin/system-design-primer/index.html",
            "https://raw.githubusercontent.com/donnemartin/system-design-primer/HEAD/README.md, text/markdown,"
                    + " raw.githubusercontent.com/donnemartin/system-design-primer/HEAD/README.md"})
    void keepsTheBoldTermsAndLinkListsOfTheSystemDesignPrimer(String url, String mediaType, String path)
            throws Exception {
        ExtractedDocument doc = extractor.extract(url, mediaType, null, Corpus.bytes(path));

        List<Block> cap = section(doc, "CAP theorem", 0);
        assertThat(cap).filteredOn(b -> b.kind() == BlockKind.LIST_ITEM).extracting(Marks::of).containsExactly(
                List.of("STRONG Consistency"), List.of("STRONG Availability"), List.of("STRONG Partition Tolerance"));
        assertThat(cap).filteredOn(b -> b.kind() == BlockKind.LIST_ITEM)
                .allSatisfy(b -> assertThat(b.marks().get(0).start()).isZero());

        List<Block> reading = section(doc, "Source(s) and further reading", doc.blocks().indexOf(cap.get(0)));
        assertThat(reading).extracting(Block::text).startsWith("CAP theorem revisited",
                "A plain english introduction to CAP theorem", "CAP FAQ");
        assertThat(reading).allSatisfy(item -> {
            assertThat(item.kind()).isEqualTo(BlockKind.LIST_ITEM);
            assertThat(item.marks()).containsExactly(new Mark(MarkKind.LINK, 0, item.text().length()));
        });
    }

    /** The blocks below the first heading with that text at or after {@code from}, up to the next heading. */
    private static List<Block> section(ExtractedDocument doc, String heading, int from) {
        List<Block> blocks = doc.blocks();
        int at = from;
        while (!(blocks.get(at).kind() == BlockKind.HEADING && blocks.get(at).text().equals(heading))) {
            at++;
        }
        int end = at + 1;
        while (end < blocks.size() && blocks.get(end).kind() != BlockKind.HEADING) {
            end++;
        }
        return blocks.subList(at + 1, end);
    }
}
