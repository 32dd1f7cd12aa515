package dev.groundwork.ingest.roadmap;

import java.util.ArrayList;
import java.util.List;

/** A roadmap while it is being read: its title, the text that describes it as a whole, and top-level topic drafts. */
final class RoadmapDraft {

    String title;
    /** Collects the overview: text before the first topic and sections such as "Overview". */
    final TopicDraft front = new TopicDraft("", TopicKind.SECTION, null, Bucket.DESCRIPTION);
    final List<TopicDraft> topics = new ArrayList<>();

    String description() {
        return front.descriptionText();
    }
}
