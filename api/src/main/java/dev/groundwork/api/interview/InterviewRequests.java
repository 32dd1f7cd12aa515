package dev.groundwork.api.interview;

import java.util.List;

/** Request bodies of the interview endpoints; checked by {@link InterviewService}, which answers 400 problems. */
final class InterviewRequests {

    private InterviewRequests() {
    }

    /** Starts a session on a topic or a roadmap (exactly one). Level default senior, 5 questions, every kind. */
    record Start(String topicId, String roadmapId, String level, Integer questions, List<String> kinds) {
    }

    /** An answer to grade; {@code durationMs} is the time the learner took, if the client measured it. */
    record Answer(String answer, Long durationMs) {
    }

    /** An autosaved draft of an answer. */
    record Draft(String answer) {
    }
}
