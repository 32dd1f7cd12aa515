package dev.groundwork.api.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One block of a retrieved passage as its source wrote it: a paragraph, a list item, code, a table or a quote, where it
 * lies in {@link RetrievedChunk#text()}, and the spans inside it that the source set apart — bold terms, emphasis,
 * inline code, link texts. This is what tells a "term – definition" list item, a bold term or a list of links
 * (navigation, "further reading") from plain prose, which the passage text alone no longer shows. A long block that
 * ingestion split over several chunks appears in each as the piece that chunk holds.
 *
 * <p>Read from the chunk metadata {@code blocks} written at ingestion; a chunk stored before that existed has no
 * blocks. Immutable.
 *
 * @param kind  what the block is
 * @param level list nesting depth (1 = top level) for a {@link Kind#LIST_ITEM}, otherwise 0
 * @param start offset of the block's first character in the passage ({@link RetrievedChunk#text()})
 * @param end   offset just after its last character; {@code start < end <= text().length()}
 * @param marks the block's inline marks, ordered by start (the longer first when two start together); they may nest
 *              (a link inside bold text). Their offsets are relative to the block, not to the passage: see
 *              {@link #text(String, Mark)}
 */
public record PassageBlock(Kind kind, int level, int start, int end, List<Mark> marks) {

    /** A block's role; in the metadata, the lower-case name ({@code "list_item"}). */
    public enum Kind { PARAGRAPH, LIST_ITEM, CODE, TABLE, QUOTE }

    /** What a mark says of its span; in the metadata, the lower-case name ({@code "strong"}). */
    public enum MarkKind { STRONG, EMPHASIS, CODE, LINK }

    /**
     * A span of a block the source set apart.
     *
     * @param kind  bold ({@code strong}, {@code b}, {@code **}), emphasis, inline code or a link's text
     * @param start offset of its first character in the block's text
     * @param end   offset just after its last character in the block's text
     */
    public record Mark(MarkKind kind, int start, int end) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public PassageBlock {
        marks = marks == null ? List.of() : List.copyOf(marks);
    }

    /** This block's text, given the passage it belongs to. */
    public String text(String passage) {
        return passage.substring(start, end);
    }

    /** The text of one of this block's marks, given the passage the block belongs to. */
    public String text(String passage, Mark mark) {
        return passage.substring(start + mark.start(), start + mark.end());
    }

    /**
     * Parses the chunk metadata {@code blocks} of a passage {@code passageLength} characters long. Lenient, so that a
     * search never fails over a passage's structure: {@code null} gives no blocks, and a block or mark of an unknown
     * kind or with offsets outside the passage (or its block) is left out.
     */
    static List<PassageBlock> parse(String json, int passageLength) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        List<PassageBlock> blocks = new ArrayList<>();
        for (JsonNode node : JSON.readTree(json)) {
            Kind kind = kind(Kind.class, node);
            int start = node.path("start").asInt(-1);
            int end = node.path("end").asInt(-1);
            if (kind == null || start < 0 || end <= start || end > passageLength) {
                continue;
            }
            List<Mark> marks = new ArrayList<>();
            for (JsonNode mark : node.path("marks")) {
                MarkKind markKind = kind(MarkKind.class, mark);
                int markStart = mark.path("start").asInt(-1);
                int markEnd = mark.path("end").asInt(-1);
                if (markKind != null && markStart >= 0 && markEnd > markStart && markEnd <= end - start) {
                    marks.add(new Mark(markKind, markStart, markEnd));
                }
            }
            blocks.add(new PassageBlock(kind, node.path("level").asInt(0), start, end, marks));
        }
        return blocks;
    }

    private static <E extends Enum<E>> E kind(Class<E> type, JsonNode node) {
        String name = node.path("kind").asString("").toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        return null;
    }
}
