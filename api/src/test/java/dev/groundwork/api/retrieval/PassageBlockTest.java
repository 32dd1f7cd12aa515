package dev.groundwork.api.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.api.retrieval.PassageBlock.Kind;
import dev.groundwork.api.retrieval.PassageBlock.Mark;
import dev.groundwork.api.retrieval.PassageBlock.MarkKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassageBlockTest {

    static final String PASSAGE = "Consistency - every read sees the latest write\n\nCAP FAQ";

    @Test
    void readsTheBlocksMetadataIngestionWrites() {
        List<PassageBlock> blocks = PassageBlock.parse("""
                [{"kind": "list_item", "level": 1, "start": 0, "end": 46,
                  "marks": [{"kind": "strong", "start": 0, "end": 11}]},
                 {"kind": "paragraph", "level": 0, "start": 48, "end": 55}]
                """, PASSAGE.length());

        assertThat(blocks).containsExactly(
                new PassageBlock(Kind.LIST_ITEM, 1, 0, 46, List.of(new Mark(MarkKind.STRONG, 0, 11))),
                new PassageBlock(Kind.PARAGRAPH, 0, 48, 55, List.of()));
        assertThat(blocks.get(0).text(PASSAGE, blocks.get(0).marks().get(0))).isEqualTo("Consistency");
        assertThat(blocks.get(1).text(PASSAGE)).isEqualTo("CAP FAQ");
    }

    @Test
    void leavesOutWhatItCannotPlaceRatherThanFailTheSearch() {
        List<PassageBlock> blocks = PassageBlock.parse("""
                [{"kind": "heading", "level": 2, "start": 0, "end": 5},
                 {"kind": "paragraph", "level": 0, "start": 48, "end": 99},
                 {"kind": "list_item", "level": 1, "start": 0, "end": 46,
                  "marks": [{"kind": "underline", "start": 0, "end": 3}, {"kind": "link", "start": 40, "end": 47},
                            {"kind": "code", "start": 14, "end": 18}]}]
                """, PASSAGE.length());

        assertThat(blocks).containsExactly(
                new PassageBlock(Kind.LIST_ITEM, 1, 0, 46, List.of(new Mark(MarkKind.CODE, 14, 18))));
        assertThat(PassageBlock.parse(null, PASSAGE.length())).isEmpty();
    }
}
