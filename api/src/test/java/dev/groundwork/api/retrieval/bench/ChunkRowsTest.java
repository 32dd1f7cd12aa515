package dev.groundwork.api.retrieval.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChunkRowsTest {

    @Test
    void escapesWhatCopyTextFormatReadsAsStructure() {
        assertThat(ChunkRows.escape("a\tb\nc\rd\\e")).isEqualTo("a\\tb\\nc\\rd\\\\e");
    }

    @Test
    void leavesOtherTextAlone() {
        assertThat(ChunkRows.escape("β-cells {\"x\": 1}")).isEqualTo("β-cells {\"x\": 1}");
    }

    @Test
    void givesEveryRowItsOwnStableId() {
        assertThat(ChunkRows.id(5)).isEqualTo(ChunkRows.id(5)).isNotEqualTo(ChunkRows.id(6));
    }
}
