package dev.groundwork.api.progress;

import dev.groundwork.api.progress.Evidence.Answer;
import dev.groundwork.api.progress.RoadmapRollup.TopicNode;
import dev.groundwork.api.review.fsrs.ItemState;
import dev.groundwork.api.review.fsrs.State;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads what progress is judged from: the roadmaps' topic trees (archived topics left out) and, for one learner, the
 * state of their live card items and their answered interview questions on those topics — a query each, for one
 * roadmap or for all of them, never one per topic. Every learner-owned row is filtered by the learner's id. Blocking
 * JDBC: call from the {@code jdbc} scheduler.
 */
@Repository
class ProgressStore {

    private final JdbcClient jdbc;

    ProgressStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean roadmapExists(String roadmapId) {
        return jdbc.sql("SELECT count(*) FROM roadmap WHERE id = ?").param(roadmapId).query(Integer.class).single() > 0;
    }

    /** Every roadmap's id, most recently imported first (the order of the roadmap list). */
    List<String> roadmapIds() {
        return jdbc.sql("SELECT id FROM roadmap ORDER BY imported_at DESC, id").query(String.class).list();
    }

    /** The topics of one roadmap ({@code null}: of every roadmap) in document order, by roadmap id. */
    Map<String, List<TopicNode>> topics(String roadmapId) {
        Map<String, List<TopicNode>> byRoadmap = new LinkedHashMap<>();
        Map<String, Object> params = roadmapId == null ? Map.of() : Map.of("roadmap", roadmapId);
        jdbc.sql("SELECT roadmap_id, id, parent_id FROM topic WHERE archived_at IS NULL"
                        + (roadmapId == null ? "" : " AND roadmap_id = :roadmap") + " ORDER BY roadmap_id, position")
                .params(params)
                .query(rs -> {
                    byRoadmap.computeIfAbsent(rs.getString("roadmap_id"), k -> new ArrayList<>())
                            .add(new TopicNode(rs.getString("id"), rs.getString("parent_id")));
                });
        return byRoadmap;
    }

    /**
     * The learner's evidence on each topic of one roadmap ({@code null}: of every roadmap), by topic id: its live items
     * (not retired, on a card that is neither deleted nor suspended) and its answered, scored interview questions.
     */
    Map<String, Evidence> evidence(UUID learnerId, String roadmapId) {
        Map<String, Object> params = new HashMap<>();
        params.put("learner", learnerId);
        if (roadmapId != null) {
            params.put("roadmap", roadmapId);
        }
        String inRoadmap = roadmapId == null ? "" : " AND t.roadmap_id = :roadmap";
        Map<String, List<ItemState>> items = new HashMap<>();
        jdbc.sql("""
                SELECT c.topic_id, i.state, i.step, i.stability, i.difficulty, i.due, i.last_review, i.scheduled_days,
                       i.reps, i.lapses
                FROM card_item i JOIN card c ON c.id = i.card_id JOIN topic t ON t.id = c.topic_id
                WHERE i.learner_id = :learner AND c.learner_id = :learner AND i.retired_at IS NULL
                  AND c.deleted_at IS NULL AND NOT c.suspended AND t.archived_at IS NULL
                """ + inRoadmap).params(params).query(rs -> {
                    items.computeIfAbsent(rs.getString("topic_id"), k -> new ArrayList<>()).add(item(rs));
                });
        Map<String, List<Answer>> answers = new HashMap<>();
        jdbc.sql("""
                SELECT q.topic_id, round(q.overall::numeric, 2)::float8 AS overall, q.answered_at
                FROM interview_question q JOIN topic t ON t.id = q.topic_id
                WHERE q.learner_id = :learner AND q.status = 'answered' AND q.overall IS NOT NULL
                  AND q.answered_at IS NOT NULL AND t.archived_at IS NULL
                """ + inRoadmap).params(params).query(rs -> {
                    answers.computeIfAbsent(rs.getString("topic_id"), k -> new ArrayList<>())
                            .add(new Answer(rs.getDouble("overall"), rs.getTimestamp("answered_at").toInstant()));
                });
        Map<String, Evidence> evidence = new HashMap<>();
        items.forEach((topic, states) -> evidence.put(topic, new Evidence(states, List.of())));
        answers.forEach((topic, scored) -> evidence.merge(topic, new Evidence(List.of(), scored), Evidence::plus));
        return evidence;
    }

    private static ItemState item(ResultSet rs) throws SQLException {
        return new ItemState(State.ofCode(rs.getInt("state")), rs.getInt("step"), rs.getDouble("stability"),
                rs.getDouble("difficulty"), instant(rs.getTimestamp("due")), instant(rs.getTimestamp("last_review")),
                rs.getInt("scheduled_days"), rs.getInt("reps"), rs.getInt("lapses"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
