package dev.groundwork.api.interview;

import dev.groundwork.api.interview.Rubric.Point;
import dev.groundwork.api.interview.Rubric.Reference;
import dev.groundwork.api.interview.Scoring.Score;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Interview sessions and questions in PostgreSQL. Every query filters by the learner: another learner's session or
 * question reads as absent. Blocking JDBC: call from the {@code jdbc} scheduler.
 */
@Repository
class InterviewStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Point>> POINTS = new TypeReference<>() {
    };
    private static final TypeReference<List<PointGrade>> GRADES = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    /** Questions are numbered in steps, so that a follow-up fits right after its question. */
    static final int POSITION_STEP = 1000;

    private static final String QUESTION = """
            SELECT q.*, t.title AS topic_title FROM interview_question q JOIN topic t ON t.id = q.topic_id
            """;

    private final JdbcClient jdbc;

    InterviewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A session as stored. {@code topicId} null: the whole roadmap. */
    record SessionRow(UUID id, String roadmapId, String roadmapTitle, UUID topicId, String topicTitle, String level,
            List<String> kinds, String status, Instant createdAt, Instant endedAt) {
    }

    /** One graded point: the verdict, the answer's sentence that covered it, and how close the answer came (0–1). */
    record PointGrade(String verdict, String evidence, double match) {
    }

    /** A question as stored, with its grading once answered. */
    record QuestionRow(UUID id, UUID sessionId, int position, UUID parentId, String kind, String level, UUID topicId,
            String topicTitle, String origin, String text, String subject, List<Point> rubric, Reference reference,
            boolean broadened, String status, String draft, String answer, Integer durationMs,
            List<PointGrade> grades, Score score, Double overall, String mode, String model, Instant answeredAt) {

        boolean answered() {
            return "answered".equals(status);
        }
    }

    void insertSession(UUID learnerId, SessionRow s) {
        jdbc.sql("""
                INSERT INTO interview_session (id, learner_id, roadmap_id, topic_id, level, kinds, status, created_at)
                VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), 'active', ?)
                """).params(s.id(), learnerId, s.roadmapId(), s.topicId(), s.level(), JSON.writeValueAsString(s.kinds()),
                        Timestamp.from(s.createdAt()))
                .update();
    }

    void insertQuestion(UUID learnerId, UUID sessionId, UUID id, int position, UUID parentId,
            QuestionWriter.Planned q) {
        jdbc.sql("""
                INSERT INTO interview_question (id, session_id, learner_id, position, parent_id, kind, level, topic_id,
                    origin, text, subject, rubric, reference, broadened)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?)
                """).params(id, sessionId, learnerId, position, parentId, q.kind(), q.level(),
                        UUID.fromString(q.subject().topicId()), parentId == null ? q.subject().origin() : "follow-up",
                        q.text(), q.subject().line(), JSON.writeValueAsString(q.rubric()),
                        JSON.writeValueAsString(q.reference()), q.broadened())
                .update();
    }

    Optional<SessionRow> session(UUID learnerId, UUID sessionId) {
        return jdbc.sql("""
                SELECT s.*, r.title AS roadmap_title, t.title AS topic_title
                FROM interview_session s JOIN roadmap r ON r.id = s.roadmap_id LEFT JOIN topic t ON t.id = s.topic_id
                WHERE s.learner_id = ? AND s.id = ?
                """).params(learnerId, sessionId).query(InterviewStore::session).optional();
    }

    /** The learner's sessions, newest first, optionally of one roadmap, with their answered count and mean score. */
    List<SessionSummary> sessions(UUID learnerId, String roadmapId, int limit) {
        return jdbc.sql("""
                SELECT s.*, r.title AS roadmap_title, t.title AS topic_title, c.questions, c.answered, c.overall
                FROM interview_session s JOIN roadmap r ON r.id = s.roadmap_id LEFT JOIN topic t ON t.id = s.topic_id
                CROSS JOIN LATERAL (
                    SELECT count(*) AS questions, count(*) FILTER (WHERE q.status = 'answered') AS answered,
                           avg(q.overall) FILTER (WHERE q.status = 'answered') AS overall
                    FROM interview_question q WHERE q.session_id = s.id AND q.learner_id = s.learner_id) c
                WHERE s.learner_id = :learner AND (CAST(:roadmap AS text) IS NULL OR s.roadmap_id = :roadmap)
                ORDER BY s.created_at DESC LIMIT :limit
                """).param("learner", learnerId).param("roadmap", roadmapId).param("limit", limit)
                .query((rs, n) -> new SessionSummary(session(rs, n), rs.getInt("questions"), rs.getInt("answered"),
                        nullableDouble(rs, "overall")))
                .list();
    }

    /** A session and how far it got. */
    record SessionSummary(SessionRow session, int questions, int answered, Double overall) {
    }

    List<QuestionRow> questions(UUID learnerId, UUID sessionId) {
        return jdbc.sql(QUESTION + " WHERE q.learner_id = ? AND q.session_id = ? ORDER BY q.position")
                .params(learnerId, sessionId).query(InterviewStore::question).list();
    }

    Optional<QuestionRow> question(UUID learnerId, UUID sessionId, UUID questionId) {
        return jdbc.sql(QUESTION + " WHERE q.learner_id = ? AND q.session_id = ? AND q.id = ?")
                .params(learnerId, sessionId, questionId).query(InterviewStore::question).optional();
    }

    boolean saveDraft(UUID learnerId, UUID questionId, String draft) {
        return jdbc.sql("UPDATE interview_question SET draft = ? WHERE learner_id = ? AND id = ? AND status <> 'answered'")
                .params(draft, learnerId, questionId).update() > 0;
    }

    boolean skip(UUID learnerId, UUID questionId) {
        return jdbc.sql("UPDATE interview_question SET status = 'skipped' WHERE learner_id = ? AND id = ? AND status = 'pending'")
                .params(learnerId, questionId).update() > 0;
    }

    void end(UUID learnerId, UUID sessionId, Instant at) {
        jdbc.sql("UPDATE interview_session SET status = 'ended', ended_at = ? WHERE learner_id = ? AND id = ? AND status = 'active'")
                .params(Timestamp.from(at), learnerId, sessionId).update();
    }

    /** Records the grading; false when the question was answered meanwhile (a second submission lost the race). */
    boolean saveResult(UUID learnerId, UUID questionId, String answer, Integer durationMs, List<PointGrade> grades,
            Score score, String mode, String model, Instant at) {
        return jdbc.sql("""
                UPDATE interview_question SET status = 'answered', answer = ?, draft = NULL, duration_ms = ?,
                    verdicts = CAST(? AS jsonb), score = CAST(? AS jsonb), overall = ?, mode = ?, model = ?, answered_at = ?
                WHERE learner_id = ? AND id = ? AND status <> 'answered'
                """).params(answer, durationMs, JSON.writeValueAsString(grades), JSON.writeValueAsString(score),
                        score.overall().score(), mode, model, Timestamp.from(at), learnerId, questionId)
                .update() > 0;
    }

    /** Keeps the reference answer a model wrote for this learner's answer. */
    void saveReference(UUID learnerId, UUID questionId, Reference reference) {
        jdbc.sql("UPDATE interview_question SET reference = CAST(? AS jsonb) WHERE learner_id = ? AND id = ?")
                .params(JSON.writeValueAsString(reference), learnerId, questionId).update();
    }

    /** The position right after {@code parent} that is still free (a follow-up of a follow-up goes after it). */
    int positionAfter(UUID learnerId, UUID sessionId, int parentPosition) {
        Integer taken = jdbc.sql("""
                SELECT max(position) FROM interview_question
                WHERE learner_id = ? AND session_id = ? AND position > ? AND position < ?
                """).params(learnerId, sessionId, parentPosition, (parentPosition / POSITION_STEP + 1) * POSITION_STEP)
                .query(Integer.class).optional().orElse(null);
        return (taken == null ? parentPosition : taken) + 1;
    }

    private static SessionRow session(ResultSet rs, int n) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        return new SessionRow(rs.getObject("id", UUID.class), rs.getString("roadmap_id"), rs.getString("roadmap_title"),
                rs.getObject("topic_id", UUID.class), rs.getString("topic_title"), rs.getString("level"),
                JSON.readValue(rs.getString("kinds"), STRINGS), rs.getString("status"),
                rs.getTimestamp("created_at").toInstant(), ended == null ? null : ended.toInstant());
    }

    private static QuestionRow question(ResultSet rs, int n) throws SQLException {
        String verdicts = rs.getString("verdicts");
        String score = rs.getString("score");
        Timestamp answeredAt = rs.getTimestamp("answered_at");
        Integer duration = rs.getObject("duration_ms") == null ? null : rs.getInt("duration_ms");
        return new QuestionRow(rs.getObject("id", UUID.class), rs.getObject("session_id", UUID.class),
                rs.getInt("position"), rs.getObject("parent_id", UUID.class), rs.getString("kind"), rs.getString("level"),
                rs.getObject("topic_id", UUID.class), rs.getString("topic_title"), rs.getString("origin"),
                rs.getString("text"), rs.getString("subject"), JSON.readValue(rs.getString("rubric"), POINTS),
                JSON.readValue(rs.getString("reference"), Reference.class), rs.getBoolean("broadened"),
                rs.getString("status"), rs.getString("draft"), rs.getString("answer"), duration,
                verdicts == null ? null : JSON.readValue(verdicts, GRADES),
                score == null ? null : JSON.readValue(score, Score.class), nullableDouble(rs, "overall"),
                rs.getString("mode"), rs.getString("model"), answeredAt == null ? null : answeredAt.toInstant());
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
