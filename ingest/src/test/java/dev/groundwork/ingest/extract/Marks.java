package dev.groundwork.ingest.extract;

import java.util.List;

/** Test support: a block's marks as readable {@code KIND text} strings, in the block's mark order. */
final class Marks {

    private Marks() {
    }

    static List<String> of(Block block) {
        return block.marks().stream()
                .map(mark -> mark.kind() + " " + block.text().substring(mark.start(), mark.end()))
                .toList();
    }
}
