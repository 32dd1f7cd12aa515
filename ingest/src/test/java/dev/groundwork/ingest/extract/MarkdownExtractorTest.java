package dev.groundwork.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownExtractorTest {

    private final Extractor extractor = new Extractor();

    @Test
    void followsTheMarkdownStructure() throws Exception {
        String markdown = """
                # System design

                Learn how to *design* large-scale
                systems. ![logo](logo.png)

                * Scalability
                  * Vertical
                * [Latency](https://x/latency)

                ```java
                int x = 1;
                  return x;
                ```

                    indented code

                | Store | Kind |
                |-------|------|
                | Redis | KV   |

                > Keep it simple.

                ---
                """;

        ExtractedDocument doc = extractor.extract("https://raw.githubusercontent.com/x/README.md", "text/markdown",
                null, markdown.getBytes(StandardCharsets.UTF_8));

        assertThat(doc.title()).isEqualTo("System design");
        assertThat(doc.mediaType()).isEqualTo("text/markdown");
        assertThat(doc.blocks()).extracting(Block::kind, Block::level, Block::text).containsExactly(
                tuple(BlockKind.HEADING, 1, "System design"),
                tuple(BlockKind.PARAGRAPH, 0, "Learn how to design large-scale systems."),
                tuple(BlockKind.LIST_ITEM, 1, "Scalability"),
                tuple(BlockKind.LIST_ITEM, 2, "Vertical"),
                tuple(BlockKind.LIST_ITEM, 1, "Latency"),
                tuple(BlockKind.CODE, 0, "int x = 1;\n  return x;"),
                tuple(BlockKind.CODE, 0, "indented code"),
                tuple(BlockKind.TABLE, 0, "Store | Kind\nRedis | KV"),
                tuple(BlockKind.QUOTE, 0, "Keep it simple."));
    }

    @Test
    void marksStrongEmphasisCodeSpansAndLinks() throws Exception {
        String markdown = """
                # The `CAP` theorem

                * **Consistency** - every read sees the latest write
                * [CAP FAQ](https://github.com/henryr/cap-faq)

                Text with **bold [a link](https://x.test) inside**, *soft*
                line   breaks, `a  code span`, ***both*** and <b>raw html</b>.

                | `key` | **value** |
                |-------|-----------|
                | a     | b         |
                """;

        ExtractedDocument doc = extractor.extract("https://x.test/README.md", "text/markdown", null,
                markdown.getBytes(StandardCharsets.UTF_8));

        assertThat(doc.blocks()).extracting(Block::kind, Block::text, Marks::of).containsExactly(
                tuple(BlockKind.HEADING, "The CAP theorem", List.of()),
                tuple(BlockKind.LIST_ITEM, "Consistency - every read sees the latest write",
                        List.of("STRONG Consistency")),
                tuple(BlockKind.LIST_ITEM, "CAP FAQ", List.of("LINK CAP FAQ")),
                tuple(BlockKind.PARAGRAPH,
                        "Text with bold a link inside, soft line breaks, a code span, both and raw html.",
                        List.of("STRONG bold a link inside", "LINK a link", "EMPHASIS soft", "CODE a code span",
                                "STRONG both", "EMPHASIS both")),
                tuple(BlockKind.TABLE, "key | value\na | b", List.of()));
    }

    @Test
    void extractsAMirroredRawReadme() throws Exception {
        ExtractedDocument doc = extractor.extract(
                "https://raw.githubusercontent.com/donnemartin/system-design-primer/HEAD/README.md", "text/markdown",
                StandardCharsets.UTF_8,
                Corpus.bytes("raw.githubusercontent.com/donnemartin/system-design-primer/HEAD/README.md"));

        assertThat(doc.title()).containsIgnoringCase("System Design Primer");
        assertThat(doc.blocks()).filteredOn(b -> b.kind() == BlockKind.HEADING).hasSizeGreaterThan(50);
        assertThat(doc.text()).contains("Consistency patterns").doesNotContain("```");
    }
}
