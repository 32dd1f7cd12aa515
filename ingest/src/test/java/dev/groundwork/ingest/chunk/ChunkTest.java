package dev.groundwork.ingest.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkTest {

    @Test
    void indexedTextPutsTheHeadingPathBeforeThePassage() {
        Chunk chunk = Chunk.of("https://prometheus.io/docs/", 0, List.of("Overview", "Features"), null, 0, 21,
                "A multi-dimensional model.", 5, List.of());

        assertThat(chunk.indexedText()).isEqualTo("Overview › Features\n\nA multi-dimensional model.");
        assertThat(chunk.indexedText().substring(chunk.passageOffset())).isEqualTo(chunk.text());
    }

    @Test
    void withoutHeadingsTheIndexedTextIsThePassage() {
        Chunk chunk = Chunk.of("https://example.org/", 0, List.of(), null, 0, 5, "Plain", 1, List.of());

        assertThat(chunk.indexedText()).isEqualTo("Plain");
        assertThat(chunk.passageOffset()).isZero();
    }
}
