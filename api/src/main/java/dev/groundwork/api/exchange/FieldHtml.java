package dev.groundwork.api.exchange;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Anki fields are HTML; cards here are plain text with line breaks. {@link #of} writes text as HTML that shows it
 * exactly (line breaks as {@code <br>}, repeated spaces kept); {@link #text} reads a field back to plain text as a
 * browser would show it, dropping scripts, styles, embedded objects, event handlers and media, and says what it
 * dropped. {@code of} then {@code text} gives the text back unchanged. Stateless.
 */
final class FieldHtml {

    /** Elements whose content is never text to keep: code, styling, embedded documents. */
    private static final String UNSAFE = "script, style, iframe, frame, frameset, object, embed, applet, noscript, "
            + "template, svg, math, link, meta, base, form, input, button, select, textarea";
    private static final String MEDIA = "img, audio, video, source, picture";
    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table",
            "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "section", "article", "header", "footer",
            "hr");
    private static final Pattern SOUND = Pattern.compile("\\[sound:[^\\]]*]");
    /** Markup a field written as HTML would have; plain text (such as {@code List<String>}) has none of it. */
    private static final Pattern LOOKS_LIKE_HTML = Pattern.compile(
            "(?i)<(/?(?:br|p|div|span|b|i|u|em|strong|code|pre|ul|ol|li|a|img|script|style|iframe|table|tr|td|th|"
                    + "h[1-6]|sub|sup|font|hr|blockquote|svg|object|embed)\\b[^>]*>)|&(?:nbsp|amp|lt|gt|quot|#\\d+);");

    private FieldHtml() {
    }

    /** A field read as plain text, and whether unsafe markup or media were dropped from it. */
    record Text(String text, boolean unsafeRemoved, boolean mediaRemoved) {
    }

    /** Whether a text field of unknown kind is HTML rather than plain text. */
    static boolean looksLikeHtml(String field) {
        return field != null && LOOKS_LIKE_HTML.matcher(field).find();
    }

    /** The field's HTML as the plain text a reader sees. */
    static Text text(String html) {
        if (html == null || html.isEmpty()) {
            return new Text("", false, false);
        }
        boolean media = SOUND.matcher(html).find();
        Element body = Jsoup.parseBodyFragment(SOUND.matcher(html).replaceAll("")).body();
        boolean unsafe = !body.select(UNSAFE).isEmpty();
        body.select(UNSAFE).remove();
        for (Element element : body.getAllElements()) {
            for (Attribute attribute : element.attributes().asList()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                String value = attribute.getValue().strip().toLowerCase(Locale.ROOT);
                if (name.startsWith("on") || value.startsWith("javascript:") || value.startsWith("vbscript:")
                        || value.startsWith("data:text/html")) {
                    unsafe = true;
                }
            }
        }
        media |= !body.select(MEDIA).isEmpty();
        body.select(MEDIA).remove();
        StringBuilder out = new StringBuilder();
        append(body, out, false);
        return new Text(finish(out), unsafe, media);
    }

    private static void append(Node node, StringBuilder out, boolean pre) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode text) {
                appendText(text.getWholeText(), out, pre);
            } else if (child instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("br")) {
                    trimSpace(out);
                    out.append('\n');
                    continue;
                }
                boolean block = BLOCKS.contains(tag);
                if (block) {
                    breakLine(out);
                }
                append(element, out, pre || tag.equals("pre"));
                if (block) {
                    breakLine(out);
                }
            }
        }
    }

    /** Whitespace runs (not no-break spaces) fold to one space, none at a line's start or end, as a browser shows. */
    private static void appendText(String text, StringBuilder out, boolean pre) {
        if (pre) {
            out.append(text);
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\n' || c == '\r' || c == '\f') {
                int last = out.length() - 1;
                if (last >= 0 && out.charAt(last) != ' ' && out.charAt(last) != '\n') {
                    out.append(' ');
                }
            } else {
                out.append(c);
            }
        }
    }

    private static void breakLine(StringBuilder out) {
        trimSpace(out);
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    private static void trimSpace(StringBuilder out) {
        while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
    }

    private static String finish(StringBuilder out) {
        int start = 0;
        int end = out.length();
        while (start < end && (out.charAt(start) == ' ' || out.charAt(start) == '\n')) {
            start++;
        }
        while (end > start && (out.charAt(end - 1) == ' ' || out.charAt(end - 1) == '\n')) {
            end--;
        }
        return out.substring(start, end).replace('\u00A0', ' ');
    }

    /** Plain text as HTML that shows exactly it: escaped, line breaks as {@code <br>}, repeated spaces kept. */
    static String of(String text) {
        if (text == null) {
            return "";
        }
        String plain = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(plain.length() + 16);
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\n' -> out.append("<br>");
                case ' ' -> {
                    boolean lineStart = i == 0 || plain.charAt(i - 1) == '\n' || plain.charAt(i - 1) == ' ';
                    boolean lineEnd = i == plain.length() - 1 || plain.charAt(i + 1) == '\n';
                    out.append(lineStart || lineEnd ? "&nbsp;" : " ");
                }
                case '\u00A0' -> out.append("&nbsp;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** An attribute value escaped for double quotes. */
    static String attribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
