package dev.groundwork.ingest.chunk;

import dev.groundwork.ingest.extract.Block;
import dev.groundwork.ingest.extract.BlockKind;
import dev.groundwork.ingest.extract.Mark;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one block of a chunk lies in the chunk's text, and what kind it is: a paragraph, a list item, code, a table,
 * a quote. A long block the chunker split into pieces gives one {@code ChunkBlock} per piece, in the chunk that holds
 * that piece. Headings are never chunk blocks: they are the chunk's heading path, not its text.
 *
 * @param kind  the block's kind ({@link BlockKind#HEADING} never occurs)
 * @param level the block's level (list nesting depth for a list item, else 0)
 * @param start offset of the block's (or piece's) first character in {@link Chunk#text()}
 * @param end   offset just after its last character in {@link Chunk#text()}
 * @param marks the block's inline marks that fall in this piece, clipped to it; their offsets are relative to the
 *              piece, like a {@link Block}'s marks to its text: a mark's text is
 *              {@code chunk.text().substring(start + mark.start(), start + mark.end())}
 */
public record ChunkBlock(BlockKind kind, int level, int start, int end, List<Mark> marks) {

    public ChunkBlock {
        marks = marks == null ? List.of() : List.copyOf(marks);
        if (start < 0 || end < start || marks.stream().anyMatch(mark -> mark.end() > end - start)) {
            throw new IllegalArgumentException("Block [" + start + ", " + end + ") with marks " + marks
                    + " is not a span of the chunk text");
        }
    }

    /** This block's text within its chunk's {@code text}. */
    public String text(String chunkText) {
        return chunkText.substring(start, end);
    }

    /**
     * The piece {@code [pieceStart, pieceEnd)} of {@code block} (document offsets) as a block of a chunk that starts at
     * document offset {@code chunkStart}, with the block's marks clipped to the piece.
     */
    static ChunkBlock piece(Block block, int pieceStart, int pieceEnd, int chunkStart) {
        List<Mark> marks = new ArrayList<>();
        int from = pieceStart - block.start();
        int to = pieceEnd - block.start();
        for (Mark mark : block.marks()) {
            int start = Math.max(mark.start(), from);
            int end = Math.min(mark.end(), to);
            if (start < end) {
                marks.add(new Mark(mark.kind(), start - from, end - from));
            }
        }
        return new ChunkBlock(block.kind(), block.level(), pieceStart - chunkStart, pieceEnd - chunkStart, marks);
    }
}
