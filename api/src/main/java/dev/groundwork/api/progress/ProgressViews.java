package dev.groundwork.api.progress;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The JSON shapes of the progress API. */
final class ProgressViews {

    private ProgressViews() {
    }

    /** A roadmap's progress: completion and counts over its leaf topics, and every topic in document order. */
    record RoadmapProgress(String roadmapId, double completion, Counts counts, List<TopicProgress> topics) {
    }

    /** A roadmap's line in the list of roadmaps. */
    record RoadmapSummary(String roadmapId, double completion, Counts counts) {

        static RoadmapSummary of(RoadmapProgress progress) {
            return new RoadmapSummary(progress.roadmapId(), progress.completion(), progress.counts());
        }
    }

    /** Leaf topics by state. */
    record Counts(int notStarted, int learning, int solid, int needsRevision) {
    }

    /** One topic: its state, mastery (0 … 1), both parts' evidence and why it is in that state. */
    record TopicProgress(String topicId, TopicState state, double mastery, CardsPart cards, InterviewPart interview,
            String reason) {
    }

    /**
     * The topic's live card items (reviewable sides), those in review state, and their mean retrievability now
     * ({@code null} without items).
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CardsPart(int count, int inReview, Double retrievability) {
    }

    /** Answered interview questions on the topic and the latest one's overall score, 0 … 4 ({@code null} if none). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record InterviewPart(int answered, Double recent) {
    }
}
