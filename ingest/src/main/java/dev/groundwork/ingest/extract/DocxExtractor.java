package dev.groundwork.ingest.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Word documents (DOCX, through Apache POI's XWPF) → blocks: a paragraph styled {@code Heading1}…{@code Heading6} (or
 * named "heading n") is a heading of that level and {@code Title} one of level 1, a numbered or bulleted paragraph a
 * list item (level = its list level + 1), a table one block with a row per line and cells separated by
 * {@code " | "}, anything else a paragraph. The title is the document's core title, else its first heading. The archive
 * is checked against its {@link ArchiveLimits} before POI opens it. Stateless and thread-safe; blocking, CPU-bound.
 */
final class DocxExtractor {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final Pattern HEADING = Pattern.compile("heading\\s*([1-6])");

    private final ArchiveLimits limits;

    DocxExtractor(ArchiveLimits limits) {
        this.limits = limits;
    }

    ExtractedDocument extract(String url, byte[] body) throws ExtractionFailed {
        ZipBounds.check(body, limits);
        List<Block> blocks = new ArrayList<>();
        String coreTitle;
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(body))) {
            for (IBodyElement element : doc.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    blocks.add(paragraph(doc, paragraph));
                } else if (element instanceof XWPFTable table) {
                    blocks.add(new Block(BlockKind.TABLE, 0, table(table), null, 0, 0));
                }
            }
            coreTitle = doc.getProperties().getCoreProperties().getTitle();
        } catch (IOException | RuntimeException e) {
            throw new ExtractionFailed(ExtractionFailed.Reason.BROKEN, "The file could not be read as a Word document.");
        }
        ExtractedDocument extracted = ExtractedDocument.of(url, null, MEDIA_TYPE, blocks, 0);
        if (extracted.blocks().isEmpty()) {
            throw new ExtractionFailed(ExtractionFailed.Reason.NO_TEXT, "The document has no readable text.");
        }
        String title = coreTitle != null && !Whitespace.fold(coreTitle).isEmpty() ? Whitespace.fold(coreTitle)
                : extracted.blocks().stream().filter(b -> b.kind() == BlockKind.HEADING).map(Block::text).findFirst()
                        .orElse(null);
        return new ExtractedDocument(url, title, MEDIA_TYPE, extracted.blocks(), 0);
    }

    private static Block paragraph(XWPFDocument doc, XWPFParagraph paragraph) {
        String text = Whitespace.fold(paragraph.getText());
        int heading = headingLevel(doc, paragraph.getStyleID());
        if (heading > 0) {
            return new Block(BlockKind.HEADING, heading, text, null, 0, 0);
        }
        if (paragraph.getNumID() != null) {
            int level = paragraph.getNumIlvl() == null ? 1 : paragraph.getNumIlvl().intValue() + 1;
            return new Block(BlockKind.LIST_ITEM, level, text, null, 0, 0);
        }
        return new Block(BlockKind.PARAGRAPH, 0, text, null, 0, 0);
    }

    /** 1–6 for a heading style (by id, or by the style's name), 1 for the title style, else 0. */
    private static int headingLevel(XWPFDocument doc, String styleId) {
        if (styleId == null) {
            return 0;
        }
        XWPFStyle style = doc.getStyles() == null ? null : doc.getStyles().getStyle(styleId);
        for (String name : new String[] {styleId, style == null ? null : style.getName()}) {
            if (name == null) {
                continue;
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("title")) {
                return 1;
            }
            Matcher m = HEADING.matcher(lower);
            if (m.matches()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return 0;
    }

    private static String table(XWPFTable table) {
        List<String> lines = new ArrayList<>();
        for (XWPFTableRow row : table.getRows()) {
            List<String> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
                cells.add(Whitespace.fold(cell.getText()));
            }
            if (cells.stream().anyMatch(c -> !c.isEmpty())) {
                lines.add(String.join(" | ", cells));
            }
        }
        return String.join("\n", lines);
    }
}
