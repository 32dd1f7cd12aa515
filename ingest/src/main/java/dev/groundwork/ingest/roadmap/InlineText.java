package dev.groundwork.ingest.roadmap;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/** Plain text, links and bare URLs of a Markdown node's inline content (nested blocks excluded). */
final class InlineText {

    private static final Pattern BARE_URL = Pattern.compile("https?://[^\\s<>()\\[\\]\"']+");

    private InlineText() {
    }

    /** The text of the node's inline children; hard line breaks become {@code \n}, soft ones a space. */
    static String of(Node node) {
        StringBuilder out = new StringBuilder();
        append(node, out);
        return out.toString();
    }

    /** The text of the node's siblings after {@code start}, {@code start} excluded. */
    static String after(Node start) {
        StringBuilder out = new StringBuilder();
        for (Node n = start.getNext(); n != null; n = n.getNext()) {
            appendNode(n, out);
        }
        return out.toString();
    }

    private static void append(Node parent, StringBuilder out) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            appendNode(n, out);
        }
    }

    private static void appendNode(Node n, StringBuilder out) {
        if (n instanceof Text text) {
            out.append(text.getLiteral());
        } else if (n instanceof Code code) {
            out.append(code.getLiteral());
        } else if (n instanceof SoftLineBreak) {
            out.append(' ');
        } else if (n instanceof HardLineBreak) {
            out.append('\n');
        } else if (!(n instanceof HtmlInline) && !(n instanceof Block)) {
            append(n, out);
        }
    }

    /** Markdown links in the node's inline content (nested blocks excluded), in document order. */
    static List<Link> links(Node node) {
        List<Link> links = new ArrayList<>();
        collectLinks(node, links);
        return links;
    }

    private static void collectLinks(Node parent, List<Link> links) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Link link) {
                links.add(link);
            } else if (!(n instanceof Block)) {
                collectLinks(n, links);
            }
        }
    }

    /** The text of the node's inline children without its links' texts. */
    static String withoutLinks(Node node) {
        StringBuilder out = new StringBuilder();
        for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Link || n instanceof Block) {
                out.append(' ');
            } else if (n.getFirstChild() != null) {
                out.append(withoutLinks(n));
            } else {
                appendNode(n, out);
            }
        }
        return out.toString();
    }

    /** Bare http(s) URLs in plain text, as resources titled by the URL itself. */
    static List<ResourceRef> bareUrls(String text) {
        List<ResourceRef> urls = new ArrayList<>();
        Matcher m = BARE_URL.matcher(text);
        while (m.find()) {
            String url = m.group().replaceAll("[.,;:!?]+$", "");
            urls.add(ResourceKinds.link(url, url));
        }
        return urls;
    }

    /** The text without its bare URLs. */
    static String withoutUrls(String text) {
        return BARE_URL.matcher(text).replaceAll(" ");
    }

    static boolean isWebUrl(String destination) {
        return destination != null && (destination.startsWith("http://") || destination.startsWith("https://"));
    }
}
