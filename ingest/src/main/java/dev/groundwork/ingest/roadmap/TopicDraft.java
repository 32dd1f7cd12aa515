package dev.groundwork.ingest.roadmap;

import java.util.ArrayList;
import java.util.List;

/** A topic while it is being read: mutable, without ids. {@link TopicTree} turns drafts into {@link Topic}s. */
final class TopicDraft {

    final String title;
    final TopicKind kind;
    /** Stable key label for numbered headings ({@code week-3}), {@code null} for others. */
    final String label;
    final Bucket defaultBucket;
    final List<String> description = new ArrayList<>();
    final List<String> concepts = new ArrayList<>();
    final List<ResourceRef> resources = new ArrayList<>();
    final List<String> buildTasks = new ArrayList<>();
    final List<String> interviewFocus = new ArrayList<>();
    final List<TopicDraft> children = new ArrayList<>();
    /** Links under this topic that are not resources, to report. */
    final List<SkippedLink> skippedLinks = new ArrayList<>();
    int taskItems;
    int plainItems;

    TopicDraft(String title, TopicKind kind, String label, Bucket defaultBucket) {
        this.title = title;
        this.kind = kind;
        this.label = label;
        this.defaultBucket = defaultBucket;
    }

    /** Adds a text item to a bucket; items under "Learn" that are interview questions go to interview focus. */
    void add(Bucket bucket, String item) {
        String text = TitleCleaner.clean(item);
        if (text.isEmpty()) {
            return;
        }
        String question = bucket == Bucket.RESOURCES ? null : SectionLabels.interviewQuestion(text);
        if (question != null) {
            interviewFocus.add(question);
            return;
        }
        switch (bucket) {
            case CONCEPTS -> concepts.add(text);
            case BUILD -> buildTasks.add(text);
            case INTERVIEW -> interviewFocus.add(TitleCleaner.unquote(text));
            case RESOURCES -> resources.add(new ResourceRef(null, text, "reference"));
            case DESCRIPTION -> description.add(text);
        }
    }

    void describe(String text) {
        String clean = TitleCleaner.cleanLines(text);
        if (!clean.isEmpty()) {
            description.add(clean);
        }
    }

    void addResource(ResourceRef resource) {
        if (!resources.contains(resource)) {
            resources.add(resource);
        }
    }

    void skip(SkippedLink link) {
        skippedLinks.add(link);
    }

    boolean isEmpty() {
        return description.isEmpty() && concepts.isEmpty() && resources.isEmpty() && buildTasks.isEmpty()
                && interviewFocus.isEmpty() && children.isEmpty();
    }

    boolean isNumbered() {
        return kind == TopicKind.PHASE || kind == TopicKind.MONTH || kind == TopicKind.WEEK
                || kind == TopicKind.DAY || kind == TopicKind.MILESTONE;
    }

    /** SECTION whose items are all checkboxes reads as a checklist. */
    TopicKind finalKind() {
        return kind == TopicKind.SECTION && taskItems > 0 && plainItems == 0 ? TopicKind.CHECKLIST : kind;
    }

    String descriptionText() {
        return description.isEmpty() ? null : String.join("\n", description);
    }
}
