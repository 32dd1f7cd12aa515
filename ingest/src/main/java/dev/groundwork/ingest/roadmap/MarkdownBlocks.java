package dev.groundwork.ingest.roadmap;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.commonmark.ext.task.list.items.TaskListItemMarker;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;

/** Reads one paragraph or list into the open topic: labels, lead-ins, items, links and named references. */
final class MarkdownBlocks {

    private final OpenTopic topic;
    private final List<String> headings;

    /** @param headings titles of the open topics, innermost first, to tell what a resource list holds */
    MarkdownBlocks(OpenTopic topic, List<String> headings) {
        this.topic = topic;
        this.headings = headings;
    }

    /** @param pseudoHeading opens a topic for a bold "Day N: …" paragraph, answering whether it did */
    void paragraph(Paragraph p, Predicate<String> pseudoHeading) {
        String text = InlineText.of(p);
        if (p.getFirstChild() instanceof StrongEmphasis strong) {
            String bold = InlineText.of(strong).strip();
            String rest = InlineText.after(strong);
            if (TitleCleaner.clean(rest).isEmpty() && pseudoHeading.test(TitleCleaner.clean(bold))) {
                return;
            }
            if (bold.endsWith(":")) {
                label(bold.substring(0, bold.length() - 1), rest, p);
                return;
            }
            if (rest.stripLeading().startsWith(":")) {
                label(bold, rest.stripLeading().substring(1), p);
                return;
            }
        }
        if (topic.role() == OpenTopic.Role.FRONT) {
            topic.draft().describe(text);
            return;
        }
        if (addLinks(p, text).linksOnly()) {
            return;
        }
        String prose = TitleCleaner.clean(InlineText.withoutUrls(text));
        if (prose.isEmpty()) {
            return;
        }
        if (prose.endsWith(":") && SectionLabels.announcesResources(prose)) {
            topic.announceList(Bucket.RESOURCES);
            return;
        }
        if (topic.explicit() && prose.endsWith(":") && p.getNext() instanceof ListBlock) {
            topic.leadIn(prose);
        } else {
            topic.draft().describe(text);
        }
    }

    private void label(String rawLabel, String value, Paragraph p) {
        String label = TitleCleaner.clean(rawLabel);
        String inline = TitleCleaner.clean(value);
        Bucket bucket = topic.role() == OpenTopic.Role.FRONT ? Bucket.DESCRIPTION : SectionLabels.forLabel(label);
        if (topic.role() == OpenTopic.Role.REGULAR) {
            addLinks(p, InlineText.of(p));
        }
        if (bucket == null || bucket == Bucket.DESCRIPTION) {
            if (!inline.isEmpty()) {
                topic.draft().describe(label + ": " + value.strip());
            }
            topic.announce(bucket == null ? topic.draft().defaultBucket : Bucket.DESCRIPTION, false, label);
            return;
        }
        topic.announce(bucket, true, label);
        if (inline.isEmpty()) {
            return;
        }
        if (inline.endsWith(":") && p.getNext() instanceof ListBlock) {
            topic.leadIn(inline);
        } else if (bucket != Bucket.RESOURCES) {
            topic.draft().add(bucket, inline);
        } else if (InlineText.links(p).isEmpty() && InlineText.bareUrls(value).isEmpty()) {
            topic.draft().add(bucket, inline);
        }
    }

    void list(ListBlock list) {
        Bucket bucket = topic.bucket();
        List<String> texts = new ArrayList<>();
        for (Node n = list.getFirstChild(); n != null; n = n.getNext()) {
            if (!(n instanceof ListItem item)) {
                continue;
            }
            String text = itemText(item);
            texts.add(text);
            if (topic.role() != OpenTopic.Role.REGULAR) {
                continue;
            }
            if (isTask(item)) {
                topic.draft().taskItems++;
            } else {
                topic.draft().plainItems++;
            }
            FoundLinks links = addLinks(item, text);
            if (links.linksOnly()) {
                texts.remove(texts.size() - 1);
            } else if (bucket == Bucket.RESOURCES && !links.any()) {
                topic.draft().addResource(namedReference(item, text));
            }
        }
        String leadIn = topic.takeLeadIn();
        if (leadIn != null) {
            topic.draft().add(bucket, leadIn + " " + String.join(", ", texts));
        } else if (bucket == Bucket.DESCRIPTION) {
            String label = topic.label();
            topic.draft().describe((label == null ? "" : label + ": ") + String.join("; ", texts));
            if (topic.role() == OpenTopic.Role.REGULAR) {
                topic.reset();
            }
        } else if (bucket != Bucket.RESOURCES) {
            texts.forEach(text -> topic.draft().add(bucket, text));
        }
        topic.listRead();
    }

    /** An item's own text, followed by its sub-items: "URL shortener (FastAPI): structured logging, validation". */
    private static String itemText(ListItem item) {
        StringBuilder own = new StringBuilder();
        List<String> nested = new ArrayList<>();
        for (Node n = item.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof ListBlock sub) {
                for (Node s = sub.getFirstChild(); s != null; s = s.getNext()) {
                    if (s instanceof ListItem subItem) {
                        nested.add(itemText(subItem));
                    }
                }
            } else {
                own.append(own.length() > 0 ? " " : "").append(InlineText.of(n));
            }
        }
        String text = TitleCleaner.clean(own.toString());
        if (nested.isEmpty()) {
            return text;
        }
        return text + (text.endsWith(":") ? " " : ": ") + String.join(", ", nested);
    }

    private static boolean isTask(ListItem item) {
        Node first = item.getFirstChild();
        return first instanceof TaskListItemMarker
                || (first != null && first.getFirstChild() instanceof TaskListItemMarker);
    }

    /**
     * Adds the web links (or, without any, the bare URLs) under the node as resources and reports the others
     * as skipped.
     */
    private FoundLinks addLinks(Node node, String text) {
        List<ResourceRef> found = new ArrayList<>();
        boolean typed = false;
        int skipped = 0;
        for (Link link : linksUnder(node)) {
            String linkText = InlineText.of(link);
            typed |= ResourceKinds.split(linkText).kind() != null;
            if (InlineText.isWebUrl(link.getDestination())) {
                found.add(ResourceKinds.link(link.getDestination(), linkText));
            } else {
                topic.draft().skip(SkippedLink.of(topic.draft().title, linkText, link.getDestination()));
                skipped++;
            }
        }
        if (found.isEmpty()) {
            found.addAll(InlineText.bareUrls(text));
        }
        found.forEach(topic.draft()::addResource);
        String rest = TitleCleaner.clean(withoutLinks(node)).replaceAll("[\\p{Punct}\\s–—]", "");
        return new FoundLinks(!found.isEmpty(), (typed || skipped > 0) && rest.isEmpty());
    }

    /**
     * What {@link #addLinks} found.
     *
     * @param any       whether a resource was added
     * @param linksOnly whether the node is nothing but typed ({@code @article@}) or skipped links: its text is theirs,
     *                  neither a concept nor a description
     */
    private record FoundLinks(boolean any, boolean linksOnly) {
    }

    private static List<Link> linksUnder(Node node) {
        List<Link> links = new ArrayList<>(InlineText.links(node));
        for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Paragraph || n instanceof ListBlock || n instanceof ListItem) {
                links.addAll(linksUnder(n));
            }
        }
        return links;
    }

    private static String withoutLinks(Node node) {
        StringBuilder text = new StringBuilder(InlineText.withoutLinks(node));
        for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Paragraph || n instanceof ListBlock || n instanceof ListItem) {
                text.append(' ').append(withoutLinks(n));
            }
        }
        return text.toString();
    }

    /** "**Book**: "DDIA" by Kleppmann" → a book; "[Blind, Levels.fyi]" → a reference named by its text. */
    private ResourceRef namedReference(ListItem item, String text) {
        Node first = item.getFirstChild() instanceof TaskListItemMarker ? item.getFirstChild().getNext() : item.getFirstChild();
        if (first instanceof Paragraph p && p.getFirstChild() instanceof StrongEmphasis strong) {
            String type = InlineText.of(strong).strip().replaceAll(":$", "");
            String rest = InlineText.after(strong).strip();
            boolean colon = InlineText.of(strong).strip().endsWith(":") || rest.startsWith(":");
            if (colon && SectionLabels.isResourceType(type)) {
                String title = TitleCleaner.clean(rest.startsWith(":") ? rest.substring(1) : rest);
                return new ResourceRef(null, title, SectionLabels.normalize(type));
            }
        }
        String title = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1).strip() : text;
        return new ResourceRef(null, title, SectionLabels.resourceTypeOf(headings));
    }
}
