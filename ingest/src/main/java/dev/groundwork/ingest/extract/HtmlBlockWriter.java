package dev.groundwork.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Walks a cleaned HTML element and writes its blocks: headings (level), paragraphs, list items (level = nesting),
 * code ({@code pre}, line breaks kept), tables (a row a line, cells joined by {@code " | "}) and block quotes. Inline
 * text between block elements becomes a block of the enclosing kind (paragraph, list item or quote), with marks for
 * {@code strong}/{@code b}, {@code em}/{@code i}, {@code code}/{@code kbd}/{@code samp} and {@code a[href]} (code
 * inside {@code pre}, headings and tables keep none). One instance per document; not thread-safe.
 */
final class HtmlBlockWriter {

    /** Elements that end the current block; anything else is inline and adds to it. */
    private static final Set<String> BREAKING = Set.of("p", "div", "section", "article", "main", "header", "dl",
            "dt", "dd", "figure", "figcaption", "details", "summary", "address", "hr", "center", "fieldset",
            "legend", "body", "caption", "hgroup", "menu", "tbody", "thead", "tfoot", "tr", "td", "th");
    private static final Set<String> SKIPPED = Set.of("img", "picture", "source", "track", "area", "head", "title",
            "script", "style", "noscript", "template");

    private final List<Block> blocks = new ArrayList<>();
    private final InlineText pending = new InlineText();
    private BlockKind kind = BlockKind.PARAGRAPH;
    private int level;

    static List<Block> write(List<Element> roots) {
        HtmlBlockWriter writer = new HtmlBlockWriter();
        for (Element root : roots) {
            writer.walk(root, 0);
            writer.flush();
        }
        writer.flush();
        return writer.blocks;
    }

    private void walk(Node node, int listDepth) {
        if (node instanceof TextNode text) {
            pending.append(text.getWholeText());
            return;
        }
        if (!(node instanceof Element el)) {
            return;
        }
        String tag = el.normalName();
        switch (tag) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> emit(BlockKind.HEADING, tag.charAt(1) - '0', el.text());
            case "pre" -> {
                flush();
                add(BlockKind.CODE, 0, Whitespace.trimLines(el.wholeText()), List.of());
            }
            case "table" -> {
                flush();
                add(BlockKind.TABLE, 0, table(el), List.of());
            }
            case "ul", "ol" -> children(el, listDepth + 1, kind, level);
            case "li" -> children(el, listDepth, BlockKind.LIST_ITEM, Math.max(1, listDepth));
            case "blockquote" -> children(el, listDepth, BlockKind.QUOTE, 0);
            case "br" -> pending.append(' ');
            default -> {
                if (SKIPPED.contains(tag)) {
                    return;
                }
                if (BREAKING.contains(tag)) {
                    children(el, listDepth, kind, level);
                } else {
                    inline(el, listDepth);
                }
            }
        }
    }

    /** Walks an inline element's children into the current block, marking them when the element is a mark. */
    private void inline(Element el, int listDepth) {
        MarkKind markKind = markKind(el);
        InlineText.Open mark = markKind == null ? null : pending.open(markKind);
        for (Node child : el.childNodes()) {
            walk(child, listDepth);
        }
        if (mark != null) {
            pending.close(mark);
        }
    }

    private static MarkKind markKind(Element el) {
        return switch (el.normalName()) {
            case "strong", "b" -> MarkKind.STRONG;
            case "em", "i" -> MarkKind.EMPHASIS;
            case "code", "kbd", "samp" -> MarkKind.CODE;
            case "a" -> el.hasAttr("href") ? MarkKind.LINK : null;
            default -> null;
        };
    }

    /** Walks the children as their own blocks of the given kind, then restores the enclosing kind. */
    private void children(Element el, int listDepth, BlockKind childKind, int childLevel) {
        flush();
        BlockKind outerKind = kind;
        int outerLevel = level;
        kind = childKind;
        level = childLevel;
        for (Node child : el.childNodes()) {
            walk(child, listDepth);
        }
        flush();
        kind = outerKind;
        level = outerLevel;
    }

    private void emit(BlockKind blockKind, int blockLevel, String text) {
        flush();
        add(blockKind, blockLevel, Whitespace.fold(text), List.of());
    }

    private void flush() {
        if (!pending.isEmpty()) {
            InlineText.Folded folded = pending.take();
            add(kind, level, folded.text(), folded.marks());
        }
    }

    private void add(BlockKind blockKind, int blockLevel, String text, List<Mark> marks) {
        if (!text.isBlank()) {
            blocks.add(new Block(blockKind, blockLevel, text, null, 0, 0, marks));
        }
    }

    private static String table(Element table) {
        StringBuilder rows = new StringBuilder();
        for (Element row : table.select("tr")) {
            if (row.closest("table") != table) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            boolean any = false;
            for (Element cell : row.children()) {
                if (cell.normalName().equals("td") || cell.normalName().equals("th")) {
                    String text = Whitespace.fold(cell.text());
                    cells.add(text);
                    any |= !text.isEmpty();
                }
            }
            if (any) {
                if (!rows.isEmpty()) {
                    rows.append('\n');
                }
                rows.append(String.join(" | ", cells));
            }
        }
        return rows.toString();
    }
}
