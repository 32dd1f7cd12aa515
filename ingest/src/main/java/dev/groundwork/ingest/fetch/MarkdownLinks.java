package dev.groundwork.ingest.fetch;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.parser.Parser;

/**
 * The link destinations of a Markdown document as written (relative ones unresolved), in document order, without
 * duplicates: Markdown links, reference links, and {@code href}s of raw HTML anchors.
 */
final class MarkdownLinks {

    private static final Pattern HREF = Pattern.compile("(?i)href\\s*=\\s*[\"']([^\"']+)[\"']");
    private static final Parser PARSER = Parser.builder().build();

    private MarkdownLinks() {
    }

    static List<String> of(FetchedPage page) {
        String text = new String(page.body(), page.charset() == null ? StandardCharsets.UTF_8 : page.charset());
        Set<String> links = new LinkedHashSet<>();
        PARSER.parse(text).accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                links.add(link.getDestination());
                visitChildren(link);
            }

            @Override
            public void visit(HtmlBlock html) {
                hrefs(html.getLiteral(), links);
            }

            @Override
            public void visit(HtmlInline html) {
                hrefs(html.getLiteral(), links);
            }
        });
        return List.copyOf(links);
    }

    private static void hrefs(String html, Set<String> links) {
        Matcher m = HREF.matcher(html);
        while (m.find()) {
            links.add(m.group(1));
        }
    }
}
