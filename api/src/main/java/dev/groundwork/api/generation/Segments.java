package dev.groundwork.api.generation;

import dev.groundwork.api.retrieval.PassageBlock;
import dev.groundwork.api.retrieval.RetrievedChunk;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A passage's blocks: from the chunk's stored structure when it has one, else read from its text's lines (fenced
 * code, "- " list items, " | " table rows, other lines as paragraphs). Stateless.
 */
final class Segments {

    private static final Pattern LIST_MARKER = Pattern.compile("^(\\s*)(?:[-*+•]|\\d{1,2}[.)])\\s+");

    private Segments() {
    }

    static List<Segment> of(RetrievedChunk chunk) {
        if (chunk.blocks().isEmpty()) {
            return fromLines(chunk.text());
        }
        List<Segment> segments = new ArrayList<>();
        for (PassageBlock block : chunk.blocks()) {
            List<Mark> marks = new ArrayList<>();
            for (PassageBlock.Mark mark : block.marks()) {
                marks.add(new Mark(MarkKind.valueOf(mark.kind().name()), block.start() + mark.start(),
                        block.start() + mark.end()));
            }
            segments.add(new Segment(SegmentKind.valueOf(block.kind().name()), block.level(), block.start(),
                    block.end(), marks));
        }
        return segments;
    }

    /** Blocks read from the lines of a text whose structure was not stored. */
    static List<Segment> fromLines(String text) {
        List<Segment> segments = new ArrayList<>();
        int offset = 0;
        boolean code = false;
        int codeStart = -1;
        int tableStart = -1;
        int tableEnd = -1;
        for (String line : text.split("\n", -1)) {
            int start = offset;
            int end = offset + line.length();
            offset = end + 1;
            String trimmed = line.strip();
            boolean tableRow = !code && trimmed.contains(" | ");
            if (tableStart >= 0 && !tableRow) {
                segments.add(new Segment(SegmentKind.TABLE, 0, tableStart, tableEnd, List.of()));
                tableStart = -1;
            }
            if (trimmed.startsWith("```")) {
                if (code) {
                    segments.add(new Segment(SegmentKind.CODE, 0, codeStart, end, List.of()));
                } else {
                    codeStart = start;
                }
                code = !code;
                continue;
            }
            if (code || trimmed.isEmpty()) {
                continue;
            }
            if (tableRow) {
                tableStart = tableStart < 0 ? start : tableStart;
                tableEnd = end;
                continue;
            }
            int lead = line.length() - line.stripLeading().length();
            int trail = line.length() - line.stripTrailing().length();
            Matcher marker = LIST_MARKER.matcher(line);
            if (marker.find()) {
                segments.add(new Segment(SegmentKind.LIST_ITEM, 1 + marker.group(1).length() / 2, start + marker.end(),
                        end - trail, List.of()));
            } else if (trimmed.startsWith("#")) {
                continue;   // a Markdown heading: the heading path, not text
            } else {
                // extracted text lost its list markers: lines after a lead-in ending in a colon, up to the first
                // line that reads as a sentence, were its items
                boolean item = !segments.isEmpty() && introducesItems(text, segments.get(segments.size() - 1))
                        && !trimmed.endsWith(".");
                segments.add(new Segment(item ? SegmentKind.LIST_ITEM : SegmentKind.PARAGRAPH, item ? 1 : 0,
                        start + lead, end - trail, List.of()));
            }
        }
        if (code && codeStart >= 0) {
            segments.add(new Segment(SegmentKind.CODE, 0, codeStart, text.length(), List.of()));
        }
        if (tableStart >= 0) {
            segments.add(new Segment(SegmentKind.TABLE, 0, tableStart, tableEnd, List.of()));
        }
        return segments;
    }

    private static boolean introducesItems(String text, Segment previous) {
        return previous.kind() == SegmentKind.LIST_ITEM
                || (previous.kind() == SegmentKind.PARAGRAPH && text.substring(previous.start(), previous.end()).endsWith(":"));
    }
}
