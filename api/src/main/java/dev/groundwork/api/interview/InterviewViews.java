package dev.groundwork.api.interview;

import dev.groundwork.api.interview.InterviewStore.QuestionRow;
import dev.groundwork.api.interview.InterviewStore.SessionRow;
import dev.groundwork.api.interview.Rubric.Anchor;
import dev.groundwork.api.interview.Rubric.Reference;
import dev.groundwork.api.interview.Rubric.SourceRef;
import dev.groundwork.api.interview.Scoring.Score;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the interview endpoints answer. A question's rubric and reference appear only once it is answered. */
final class InterviewViews {

    private static final Pattern MARKER = Pattern.compile("\\[(\\d+)]");

    private InterviewViews() {
    }

    record ScopeView(String kind, String id, String title, String roadmapId) {

        static ScopeView of(SessionRow s) {
            return s.topicId() == null ? new ScopeView("roadmap", s.roadmapId(), s.roadmapTitle(), s.roadmapId())
                    : new ScopeView("topic", s.topicId().toString(), s.topicTitle(), s.roadmapId());
        }
    }

    record Session(String id, ScopeView scope, String level, List<String> kinds, String status, Instant createdAt,
            Instant endedAt, String notice, List<Question> questions) {

        static Session of(SessionRow s, List<QuestionRow> questions, String notice, java.util.Map<UUID, UUID> followUps) {
            List<Question> views = new ArrayList<>();
            for (int i = 0; i < questions.size(); i++) {
                QuestionRow q = questions.get(i);
                views.add(Question.of(q, i + 1, followUps.get(q.id())));
            }
            return new Session(s.id().toString(), ScopeView.of(s), s.level(), s.kinds(), s.status(), s.createdAt(),
                    s.endedAt(), notice, views);
        }
    }

    record Question(String id, int position, String parentId, String kind, String level, String topicId,
            String topicTitle, String origin, String text, String status, String draft, List<SourceRef> sources,
            boolean broadened, Result result) {

        static Question of(QuestionRow q, int position, UUID followUpId) {
            List<SourceRef> sources = q.reference().sources().stream().map(a -> new SourceRef(a.title(), a.url()))
                    .distinct().toList();
            return new Question(q.id().toString(), position, q.parentId() == null ? null : q.parentId().toString(),
                    q.kind(), q.level(), q.topicId().toString(), q.topicTitle(), q.origin(), q.text(), q.status(),
                    q.draft(), sources, q.broadened(), q.answered() ? Result.of(q, followUpId) : null);
        }
    }

    record Result(String answer, Integer durationMs, String mode, String model, List<PointView> points, Score score,
            ReferenceView reference, String followupId) {

        static Result of(QuestionRow q, UUID followUpId) {
            return new Result(q.answer(), q.durationMs(), q.mode(), q.model(), InterviewViews.points(q), q.score(),
                    ReferenceView.of(q.reference()), followUpId == null ? null : followUpId.toString());
        }
    }

    /** One graded point; {@code index} is 1-based. */
    record PointView(int index, String point, String verdict, String evidence, Anchor anchor) {
    }

    static List<PointView> points(QuestionRow q) {
        List<PointView> out = new ArrayList<>();
        for (int i = 0; i < q.rubric().size(); i++) {
            InterviewStore.PointGrade grade = q.grades() == null || i >= q.grades().size() ? null : q.grades().get(i);
            out.add(new PointView(i + 1, q.rubric().get(i).point(), grade == null ? "missed" : grade.verdict(),
                    grade == null ? null : grade.evidence(), q.rubric().get(i).anchor()));
        }
        return out;
    }

    record Citation(int n, String chunkId, String url, String title, List<String> headingPath, Integer page) {

        static Citation of(int n, Anchor source) {
            return new Citation(n, source.chunkId(), source.url(), source.title(), source.headingPath(), source.page());
        }
    }

    record ReferenceView(String text, List<Citation> citations) {

        static ReferenceView of(Reference reference) {
            List<Citation> citations = new ArrayList<>();
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            Matcher m = MARKER.matcher(reference.text());
            while (m.find()) {
                int n = Integer.parseInt(m.group(1));
                if (n >= 1 && n <= reference.sources().size() && seen.add(n)) {
                    citations.add(Citation.of(n, reference.sources().get(n - 1)));
                }
            }
            return new ReferenceView(reference.text(), citations);
        }
    }

    record Summary(String id, ScopeView scope, String level, String status, Instant createdAt, int questions,
            int answered, Double overall) {

        static Summary of(InterviewStore.SessionSummary s) {
            return new Summary(s.session().id().toString(), ScopeView.of(s.session()), s.session().level(),
                    s.session().status(), s.session().createdAt(), s.questions(), s.answered(),
                    s.overall() == null ? null : Math.round(s.overall() * 10) / 10.0);
        }
    }

    // ---- report

    record Report(String sessionId, ScopeView scope, String level, String status, Overall overall,
            List<ReportQuestion> questions, List<WeakTopic> weakestTopics, List<StudyNext> studyNext) {
    }

    record Overall(Double score, int answered, int skipped, int pending) {
    }

    record ReportQuestion(String id, int position, String parentId, String kind, String text, String topicId,
            String topicTitle, String status, Integer durationMs, Score score, List<PointView> missed) {
    }

    record WeakTopic(String topicId, String title, double overall, int answered) {
    }

    record StudyNext(String topicId, String topicTitle, String point, Anchor anchor) {
    }

    // ---- cards

    record CardsMade(int created, int duplicates, List<MadeCard> cards) {
    }

    record MadeCard(String id, String front) {
    }

    // ---- stream events

    /** {@code reference}: a token of the reference answer. */
    record ReferenceToken(String text) {
    }

    /** {@code notice}: something the learner should know (the model failed and grading went offline). */
    record Notice(String kind, String message) {
    }

    /** {@code done}: the answer is graded and stored. */
    record Done(String questionId, String mode, String model, double overall, long durationMs) {
    }

    /** The {@code failed} event's data: a problem detail's fields. */
    record Failed(String type, String title, int status, String detail) {
    }
}
