package dev.groundwork.ingest.extract;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;

/**
 * Markdown (CommonMark + GFM tables) → blocks from the syntax tree: headings, paragraphs, list items (level =
 * nesting), fenced and indented code, tables and block quotes. Paragraphs, list items and quotes keep inline marks
 * for strong emphasis, emphasis, code spans and links; headings and table cells keep none. Raw HTML blocks contribute
 * their text (without marks), inline HTML tags nothing. The title is the first top-level heading. Thread-safe: the
 * commonmark parser is immutable.
 */
final class MarkdownExtractor {

    static final String MEDIA_TYPE = "text/markdown";

    private final Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    ExtractedDocument extract(String url, Charset declaredCharset, byte[] body) throws ExtractionFailed {
        String markdown = TextDecoder.decodeText(body, declaredCharset);
        List<Block> blocks = new ArrayList<>();
        walk(parser.parse(markdown), BlockKind.PARAGRAPH, 0, 0, blocks);
        if (blocks.isEmpty()) {
            throw new ExtractionFailed(ExtractionFailed.Reason.NO_TEXT, "The document has no readable text.");
        }
        String title = blocks.stream()
                .filter(b -> b.kind() == BlockKind.HEADING)
                .sorted((a, b) -> Integer.compare(a.level(), b.level()))
                .map(Block::text)
                .findFirst()
                .orElse(null);
        return ExtractedDocument.of(url, title, MEDIA_TYPE, blocks, 0);
    }

    private void walk(Node node, BlockKind kind, int level, int listDepth, List<Block> out) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Heading h) {
                add(out, BlockKind.HEADING, h.getLevel(), inline(h).text(), List.of());
            } else if (child instanceof Paragraph p) {
                InlineText.Folded paragraph = inline(p);
                add(out, kind, level, paragraph.text(), paragraph.marks());
            } else if (child instanceof ListBlock list) {
                walk(list, kind, level, listDepth + 1, out);
            } else if (child instanceof ListItem item) {
                walk(item, BlockKind.LIST_ITEM, Math.max(1, listDepth), listDepth, out);
            } else if (child instanceof BlockQuote quote) {
                walk(quote, BlockKind.QUOTE, 0, listDepth, out);
            } else if (child instanceof FencedCodeBlock code) {
                add(out, BlockKind.CODE, 0, Whitespace.trimLines(code.getLiteral()), List.of());
            } else if (child instanceof IndentedCodeBlock code) {
                add(out, BlockKind.CODE, 0, Whitespace.trimLines(code.getLiteral()), List.of());
            } else if (child instanceof HtmlBlock html) {
                add(out, kind, level, Whitespace.fold(Jsoup.parse(html.getLiteral()).text()), List.of());
            } else if (child instanceof TableBlock table) {
                add(out, BlockKind.TABLE, 0, table(table), List.of());
            } else if (!(child instanceof ThematicBreak)) {
                walk(child, kind, level, listDepth, out);
            }
        }
    }

    private static void add(List<Block> out, BlockKind kind, int level, String text, List<Mark> marks) {
        if (!text.isBlank()) {
            out.add(new Block(kind, level, text, null, 0, 0, marks));
        }
    }

    /** The node's inline text, whitespace folded, with its marks. */
    private static InlineText.Folded inline(Node node) {
        InlineText text = new InlineText();
        appendInline(node, text);
        return text.take();
    }

    private static void appendInline(Node node, InlineText text) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text t) {
                text.append(t.getLiteral());
            } else if (child instanceof Code c) {
                InlineText.Open mark = text.open(MarkKind.CODE);
                text.append(c.getLiteral());
                text.close(mark);
            } else if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
                text.append(' ');
            } else if (!(child instanceof HtmlInline) && !(child instanceof Image)) {
                MarkKind kind = markKind(child);
                InlineText.Open mark = kind == null ? null : text.open(kind);
                appendInline(child, text);
                if (mark != null) {
                    text.close(mark);
                }
            }
        }
    }

    private static MarkKind markKind(Node node) {
        if (node instanceof StrongEmphasis) {
            return MarkKind.STRONG;
        } else if (node instanceof Emphasis) {
            return MarkKind.EMPHASIS;
        } else if (node instanceof Link) {
            return MarkKind.LINK;
        }
        return null;
    }

    private static String table(TableBlock table) {
        List<String> rows = new ArrayList<>();
        collectRows(table, rows);
        return String.join("\n", rows);
    }

    private static void collectRows(Node node, List<String> rows) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof TableRow row) {
                List<String> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell) {
                        cells.add(inline(cell).text());
                    }
                }
                if (cells.stream().anyMatch(c -> !c.isEmpty())) {
                    rows.add(String.join(" | ", cells));
                }
            } else {
                collectRows(child, rows);
            }
        }
    }
}
