package dev.groundwork.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.ingest.chunk.Chunk;
import dev.groundwork.ingest.chunk.ChunkBlock;
import dev.groundwork.ingest.extract.BlockKind;
import dev.groundwork.ingest.extract.Mark;
import dev.groundwork.ingest.extract.MarkKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ChunkWriterTest {

    @Test
    void writesBlocksMetadataInLowerCaseWithoutEmptyMarks() {
        String text = "Consistency - every read sees the latest write\n\nCAP FAQ";
        Chunk chunk = Chunk.of("https://example.org/cap", 0, List.of("CAP theorem"), null, 0, text.length(), text, 11,
                List.of(new ChunkBlock(BlockKind.LIST_ITEM, 1, 0, 46, List.of(new Mark(MarkKind.STRONG, 0, 11))),
                        new ChunkBlock(BlockKind.PARAGRAPH, 0, 48, 55, List.of())));

        JsonMapper json = JsonMapper.builder().build();
        JsonNode written = json.valueToTree(ChunkWriter.blocks(chunk));

        assertThat(written).isEqualTo(json.readTree("""
                [{"kind": "list_item", "level": 1, "start": 0, "end": 46,
                  "marks": [{"kind": "strong", "start": 0, "end": 11}]},
                 {"kind": "paragraph", "level": 0, "start": 48, "end": 55}]
                """));
    }
}
