package dev.groundwork.ingest.roadmap;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;

/**
 * Reads a Markdown roadmap through the commonmark AST. Headings open topics (numbered ones such as
 * "Month 2" or "Week 3" become MONTH/WEEK, nested by heading level); a bold "**Day 4: …**" paragraph opens
 * a DAY inside a numbered topic; "**Label:**" paragraphs and sub-headings like "### Build" say which list
 * the following items go to. Overview sections describe the roadmap; progress trackers are skipped.
 */
final class MarkdownRoadmapReader {

    private static final Parser PARSER = Parser.builder().extensions(List.of(TaskListItemsExtension.create())).build();
    private static final int PSEUDO_HEADING_LEVEL = 7;

    RoadmapDraft read(String text) {
        Reading reading = new Reading();
        reading.blocks(PARSER.parse(text));
        reading.roadmap.title = reading.title(text);
        return reading.roadmap;
    }

    private static final class Reading {

        final RoadmapDraft roadmap = new RoadmapDraft();
        final OpenTopic front = new OpenTopic(roadmap.front, 0, OpenTopic.Role.FRONT);
        final Deque<OpenTopic> open = new ArrayDeque<>();
        final List<String> titleCandidates = new ArrayList<>();
        boolean inTitle = true;

        void blocks(Node parent) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
                block(n);
            }
        }

        private void block(Node n) {
            if (inTitle && n instanceof Heading h && h.getLevel() == 1) {
                String title = TitleCleaner.clean(InlineText.of(h));
                if (SectionLabels.numberedKind(title) == null) {
                    titleCandidates.add(title);
                    return;
                }
            }
            inTitle = false;
            OpenTopic current = open.isEmpty() ? front : open.peek();
            if (n instanceof Heading h) {
                heading(TitleCleaner.clean(InlineText.of(h)), h.getLevel());
            } else if (current.role() == OpenTopic.Role.IGNORED) {
                return;
            } else if (n instanceof Paragraph p) {
                new MarkdownBlocks(current, headings()).paragraph(p, this::pseudoHeading);
            } else if (n instanceof ListBlock list) {
                new MarkdownBlocks(current, headings()).list(list);
            } else if (n instanceof BlockQuote) {
                blocks(n);
            } else if (n instanceof FencedCodeBlock code) {
                current.draft().describe(code.getLiteral());
            } else if (n instanceof IndentedCodeBlock code) {
                current.draft().describe(code.getLiteral());
            }
        }

        private void heading(String title, int level) {
            if (title.isEmpty()) {
                return;
            }
            OpenTopic top = open.peek();
            if (top != null && top.role() == OpenTopic.Role.REGULAR && level > top.level()
                    && SectionLabels.announcesResources(title)) {
                top.announce(Bucket.RESOURCES, true, null);
                return;
            }
            if (top != null && top.role() == OpenTopic.Role.REGULAR && top.draft().isNumbered() && level > top.level()) {
                Bucket bucket = SectionLabels.forHeading(title);
                if (bucket != null) {
                    top.announce(bucket, true, null);
                    return;
                }
            }
            openTopic(title, level);
        }

        /** Opens a DAY (or other numbered) topic for a bold paragraph inside a numbered topic; false if not one. */
        private boolean pseudoHeading(String title) {
            OpenTopic top = open.peek();
            if (top == null || top.role() != OpenTopic.Role.REGULAR || SectionLabels.numberedKind(title) == null) {
                return false;
            }
            openTopic(title, PSEUDO_HEADING_LEVEL);
            return true;
        }

        private void openTopic(String title, int level) {
            while (!open.isEmpty() && open.peek().level() >= level) {
                open.pop();
            }
            OpenTopic parent = open.peek();
            if (parent != null && parent.role() != OpenTopic.Role.REGULAR) {
                open.push(new OpenTopic(parent.draft(), level, parent.role()));
            } else if (SectionLabels.isIgnored(title)) {
                open.push(new OpenTopic(new TopicDraft(title, TopicKind.SECTION, null, Bucket.DESCRIPTION), level,
                        OpenTopic.Role.IGNORED));
            } else if (parent == null && SectionLabels.describesRoadmap(title)) {
                open.push(new OpenTopic(roadmap.front, level, OpenTopic.Role.FRONT));
            } else {
                TopicDraft parentDraft = parent == null ? null : parent.draft();
                TopicKind kind = kindOf(title, parentDraft);
                TopicDraft draft = new TopicDraft(title, kind, SectionLabels.numberLabel(title),
                        defaultBucket(kind, title, parentDraft));
                (parentDraft == null ? roadmap.topics : parentDraft.children).add(draft);
                open.push(new OpenTopic(draft, level, OpenTopic.Role.REGULAR));
            }
        }

        private static TopicKind kindOf(String title, TopicDraft parent) {
            TopicKind numbered = SectionLabels.numberedKind(title);
            String lower = title.toLowerCase(Locale.ROOT);
            if (numbered != null && (parent == null || parent.isNumbered())) {
                return numbered;
            }
            if (lower.matches(".*\\bproject\\b.*") || (parent != null
                    && parent.title.toLowerCase(Locale.ROOT).matches(".*\\bprojects\\b.*"))) {
                return TopicKind.PROJECT;
            }
            return lower.contains("checklist") ? TopicKind.CHECKLIST : TopicKind.SECTION;
        }

        private static Bucket defaultBucket(TopicKind kind, String title, TopicDraft parent) {
            String lower = title.toLowerCase(Locale.ROOT);
            if (kind == TopicKind.PROJECT) {
                return Bucket.BUILD;
            }
            if (lower.contains("resource")) {
                return Bucket.RESOURCES;
            }
            if (lower.contains("interview question")) {
                return Bucket.INTERVIEW;
            }
            boolean inherits = parent != null
                    && (parent.defaultBucket == Bucket.RESOURCES || parent.defaultBucket == Bucket.INTERVIEW);
            return inherits ? parent.defaultBucket : Bucket.CONCEPTS;
        }

        /** Titles of the open topics, innermost first. */
        private List<String> headings() {
            return open.stream().map(o -> o.draft().title).toList();
        }

        String title(String text) {
            return titleCandidates.stream()
                    .max((a, b) -> Integer.compare(a.split("\\s+").length, b.split("\\s+").length))
                    .orElseGet(() -> text.strip().lines().findFirst()
                            .map(line -> TitleCleaner.clean(line.replaceFirst("^[#>*\\-\\s]+", "")))
                            .filter(line -> !line.isEmpty())
                            .orElse("Untitled roadmap"));
        }
    }
}
