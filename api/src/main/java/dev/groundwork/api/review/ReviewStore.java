package dev.groundwork.api.review;

import dev.groundwork.api.review.fsrs.ItemState;
import dev.groundwork.api.review.fsrs.Rating;
import dev.groundwork.api.review.fsrs.SchedulerSettings;
import dev.groundwork.api.review.fsrs.State;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Review settings, the items' scheduling state (columns of {@code card_item}) and the append-only review log. Every
 * method takes the learner's id and filters by it. Blocking JDBC: call from the {@code jdbc} scheduler, inside the
 * caller's transaction where several statements must agree.
 */
@Repository
class ReviewStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The learner's live items: on a card that is not deleted or suspended, and not retired. */
    private static final String LIVE = """
            FROM card_item i JOIN card c ON c.id = i.card_id
            WHERE i.learner_id = :learner AND c.learner_id = :learner AND i.retired_at IS NULL
              AND c.deleted_at IS NULL AND NOT c.suspended
            """;
    private static final String ITEM = "i.id, i.card_id, i.ordinal, i.state, i.step, i.stability, i.difficulty, "
            + "i.due, i.last_review, i.scheduled_days, i.reps, i.lapses";

    private final JdbcClient jdbc;

    ReviewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A card item and its state. */
    record ItemRow(UUID id, UUID cardId, int ordinal, ItemState state) {
    }

    /**
     * Which cards a query covers: a roadmap, a topic with everything under it, or (both null) all of the learner's.
     */
    record Scope(String roadmapId, UUID topicId) {

        static final Scope ALL = new Scope(null, null);

        String sql() {
            if (topicId != null) {
                return """
                         AND c.topic_id IN (WITH RECURSIVE sub AS (SELECT id FROM topic WHERE id = :topic
                             UNION ALL SELECT t.id FROM topic t JOIN sub ON t.parent_id = sub.id) SELECT id FROM sub)
                        """;
            }
            return roadmapId != null ? " AND c.roadmap_id = :roadmap " : " ";
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            if (topicId != null) {
                spec = spec.param("topic", topicId);
            }
            return roadmapId != null ? spec.param("roadmap", roadmapId) : spec;
        }
    }

    boolean roadmapExists(String roadmapId) {
        return jdbc.sql("SELECT count(*) FROM roadmap WHERE id = ?").param(roadmapId).query(Integer.class).single() > 0;
    }

    Optional<String> roadmapOf(UUID topicId) {
        return jdbc.sql("SELECT roadmap_id FROM topic WHERE id = ?").param(topicId).query(String.class).optional();
    }

    // ---- settings

    ReviewSettings settings(UUID learnerId) {
        return jdbc.sql("""
                SELECT desired_retention, daily_new_limit, maximum_interval_days, fuzz, time_zone
                FROM review_settings WHERE learner_id = ?
                """).param(learnerId)
                .query((rs, n) -> new ReviewSettings(rs.getDouble(1), rs.getInt(2), rs.getInt(3), rs.getBoolean(4),
                        rs.getString(5)))
                .optional().orElse(ReviewSettings.DEFAULTS);
    }

    void saveSettings(UUID learnerId, ReviewSettings s, Instant now) {
        jdbc.sql("""
                INSERT INTO review_settings (learner_id, desired_retention, daily_new_limit, maximum_interval_days, fuzz,
                    time_zone, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (learner_id) DO UPDATE SET desired_retention = excluded.desired_retention,
                    daily_new_limit = excluded.daily_new_limit, maximum_interval_days = excluded.maximum_interval_days,
                    fuzz = excluded.fuzz, time_zone = excluded.time_zone, updated_at = excluded.updated_at
                """).params(learnerId, s.desiredRetention(), s.dailyNewLimit(), s.maximumIntervalDays(), s.fuzz(),
                        s.timeZone(), Timestamp.from(now))
                .update();
    }

    // ---- items

    /** The card's item with this ordinal, locked until the transaction ends; empty for a deleted or unknown card. */
    Optional<ItemRow> lockItem(UUID learnerId, UUID cardId, int ordinal) {
        return jdbc.sql("SELECT " + ITEM + """
                 FROM card_item i JOIN card c ON c.id = i.card_id
                WHERE i.learner_id = ? AND c.learner_id = ? AND c.id = ? AND i.ordinal = ? AND c.deleted_at IS NULL
                FOR UPDATE OF i
                """).params(learnerId, learnerId, cardId, ordinal).query(ReviewStore::item).optional();
    }

    /** The card's item to grade when the client does not say: the scheduled one due first, else the first new one. */
    Optional<ItemRow> lockFirstDue(UUID learnerId, UUID cardId) {
        return jdbc.sql("SELECT " + ITEM + """
                 FROM card_item i JOIN card c ON c.id = i.card_id
                WHERE i.learner_id = ? AND c.learner_id = ? AND c.id = ? AND c.deleted_at IS NULL
                  AND i.retired_at IS NULL
                ORDER BY i.state = 0, i.due, i.ordinal LIMIT 1
                FOR UPDATE OF i
                """).params(learnerId, learnerId, cardId).query(ReviewStore::item).optional();
    }

    /** The items of a card, retired ones included (their history stays), by ordinal. */
    List<ItemRow> items(UUID learnerId, UUID cardId) {
        return jdbc.sql("SELECT " + ITEM + " FROM card_item i WHERE i.learner_id = ? AND i.card_id = ? ORDER BY ordinal")
                .params(learnerId, cardId).query(ReviewStore::item).list();
    }

    /** The items of a card that is not deleted, without the retired ones. */
    List<ItemRow> liveItems(UUID learnerId, UUID cardId) {
        return jdbc.sql("SELECT " + ITEM + """
                 FROM card_item i JOIN card c ON c.id = i.card_id
                WHERE i.learner_id = ? AND c.learner_id = ? AND c.id = ? AND c.deleted_at IS NULL
                  AND i.retired_at IS NULL ORDER BY i.ordinal
                """).params(learnerId, learnerId, cardId).query(ReviewStore::item).list();
    }

    void updateItem(UUID learnerId, UUID itemId, ItemState s) {
        jdbc.sql("""
                UPDATE card_item SET state = ?, step = ?, stability = ?, difficulty = ?, due = ?, last_review = ?,
                    scheduled_days = ?, reps = ?, lapses = ?
                WHERE id = ? AND learner_id = ?
                """).params(s.state().code(), s.step(), s.state() == State.NEW ? null : s.stability(),
                        s.state() == State.NEW ? null : s.difficulty(), timestamp(s.due()), timestamp(s.lastReview()),
                        s.scheduledDays(), s.reps(), s.lapses(), itemId, learnerId)
                .update();
    }

    // ---- the log

    Optional<LoggedReview> review(UUID learnerId, UUID reviewId) {
        return jdbc.sql(LOG + " WHERE r.learner_id = ? AND r.id = ?").params(learnerId, reviewId)
                .query(ReviewStore::logged).optional();
    }

    /** The card's reviews that were not undone, oldest first. */
    List<LoggedReview> log(UUID learnerId, UUID cardId) {
        return jdbc.sql(LOG + " WHERE r.learner_id = ? AND r.card_id = ? AND u.review_id IS NULL ORDER BY r.seq")
                .params(learnerId, cardId).query(ReviewStore::logged).list();
    }

    /** The settings each of these reviews was scheduled with, by review id. */
    Map<UUID, SchedulerSettings> schedulers(UUID learnerId, UUID cardId) {
        Map<UUID, SchedulerSettings> settings = new LinkedHashMap<>();
        jdbc.sql("SELECT id, scheduler FROM review_log WHERE learner_id = ? AND card_id = ?").params(learnerId, cardId)
                .query((ResultSet rs) -> {
                    settings.put(rs.getObject(1, UUID.class),
                            JSON.readValue(rs.getString(2), SchedulerJson.class).settings());
                });
        return settings;
    }

    /** The latest review of the item that was not undone. */
    Optional<UUID> latestReview(UUID learnerId, UUID itemId) {
        return jdbc.sql("""
                SELECT r.id FROM review_log r
                LEFT JOIN review_undo u ON u.learner_id = r.learner_id AND u.review_id = r.id
                WHERE r.learner_id = ? AND r.item_id = ? AND u.review_id IS NULL
                ORDER BY r.seq DESC LIMIT 1
                """).params(learnerId, itemId).query(UUID.class).optional();
    }

    void append(UUID learnerId, LoggedReview r, ReviewSettings settings) {
        jdbc.sql("""
                INSERT INTO review_log (id, learner_id, card_id, item_id, rating, reviewed_at, duration_ms, origin,
                    before, after, scheduler)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), CAST(? AS jsonb))
                """).params(r.id(), learnerId, r.cardId(), r.itemId(), r.rating().grade(), timestamp(r.reviewedAt()),
                        r.durationMs(), r.origin(), JSON.writeValueAsString(r.before()),
                        JSON.writeValueAsString(r.after()), JSON.writeValueAsString(SchedulerJson.of(settings)))
                .update();
    }

    void markUndone(UUID learnerId, UUID reviewId, Instant now) {
        jdbc.sql("INSERT INTO review_undo (learner_id, review_id, undone_at) VALUES (?, ?, ?)")
                .params(learnerId, reviewId, Timestamp.from(now)).update();
    }

    // ---- the queue

    /** Learning and relearning items due by {@code now}, earliest first. */
    List<ItemRow> dueLearning(UUID learnerId, Scope scope, Instant now, int limit) {
        return scope.bind(jdbc.sql("SELECT " + ITEM + " " + LIVE + scope.sql()
                        + " AND i.state IN (1, 3) AND i.due <= :now ORDER BY i.due, i.id LIMIT :limit"))
                .param("learner", learnerId).param("now", Timestamp.from(now)).param("limit", limit)
                .query(ReviewStore::item).list();
    }

    /**
     * Review items due before {@code dayEnd}, lowest retrievability at {@code now} first (FSRS-6's forgetting curve,
     * {@code (1 + factor · t / S)^decay} with {@code t} in days).
     */
    List<ItemRow> dueReview(UUID learnerId, Scope scope, Instant now, Instant dayEnd, double factor, double decay,
            int limit) {
        return scope.bind(jdbc.sql("SELECT " + ITEM + " " + LIVE + scope.sql() + """
                         AND i.state = 2 AND i.due < :dayEnd
                        ORDER BY power(1 + :factor * greatest(extract(epoch FROM (:now - i.last_review)) / 86400.0, 0)
                                 / i.stability, :decay), i.due, i.id
                        LIMIT :limit
                        """))
                .param("learner", learnerId).param("now", Timestamp.from(now)).param("dayEnd", Timestamp.from(dayEnd))
                .param("factor", factor).param("decay", decay).param("limit", limit)
                .query(ReviewStore::item).list();
    }

    /** New items in the order cards were made (first sides before second sides, so siblings come apart). */
    List<ItemRow> fresh(UUID learnerId, Scope scope, int limit) {
        return scope.bind(jdbc.sql("SELECT " + ITEM + " " + LIVE + scope.sql()
                        + " AND i.state = 0 ORDER BY i.ordinal, c.created_at, c.id LIMIT :limit"))
                .param("learner", learnerId).param("limit", limit).query(ReviewStore::item).list();
    }

    /** Learning items due within {@code until}: shown early when nothing else is left, as Anki's learn-ahead does. */
    List<ItemRow> learnAhead(UUID learnerId, Scope scope, Instant until, int limit) {
        return scope.bind(jdbc.sql("SELECT " + ITEM + " " + LIVE + scope.sql()
                        + " AND i.state IN (1, 3) AND i.due <= :until ORDER BY i.due, i.id LIMIT :limit"))
                .param("learner", learnerId).param("until", Timestamp.from(until)).param("limit", limit)
                .query(ReviewStore::item).list();
    }

    /** New items first graded since {@code since} (anywhere: the daily limit is the learner's, not a deck's). */
    int introducedSince(UUID learnerId, Instant since) {
        return jdbc.sql("""
                SELECT count(*) FROM review_log r
                LEFT JOIN review_undo u ON u.learner_id = r.learner_id AND u.review_id = r.id
                WHERE r.learner_id = ? AND r.reviewed_at >= ? AND r.origin = 'app' AND u.review_id IS NULL
                  AND r.before ->> 'state' = 'NEW'
                """).params(learnerId, Timestamp.from(since)).query(Integer.class).single();
    }

    /** What is left to study in the scope now. */
    record Due(int learning, int review, int fresh, Instant nextDue) {
    }

    Due due(UUID learnerId, Scope scope, Instant now, Instant dayEnd) {
        return scope.bind(jdbc.sql("""
                        SELECT count(*) FILTER (WHERE i.state IN (1, 3) AND i.due <= :now),
                               count(*) FILTER (WHERE i.state = 2 AND i.due < :dayEnd),
                               count(*) FILTER (WHERE i.state = 0),
                               min(i.due) FILTER (WHERE (i.state IN (1, 3) AND i.due > :now)
                                                     OR (i.state = 2 AND i.due >= :dayEnd))
                        """ + LIVE + scope.sql()))
                .param("learner", learnerId).param("now", Timestamp.from(now)).param("dayEnd", Timestamp.from(dayEnd))
                .query((rs, n) -> new Due(rs.getInt(1), rs.getInt(2), rs.getInt(3), instant(rs.getTimestamp(4))))
                .single();
    }

    /** Due and new items per topic of a roadmap (cards directly on each topic). */
    Map<String, int[]> dueByTopic(UUID learnerId, String roadmapId, Instant now, Instant dayEnd) {
        Map<String, int[]> topics = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT c.topic_id,
                       count(*) FILTER (WHERE (i.state IN (1, 3) AND i.due <= :now) OR (i.state = 2 AND i.due < :dayEnd)),
                       count(*) FILTER (WHERE i.state = 0)
                """ + LIVE + " AND c.roadmap_id = :roadmap GROUP BY c.topic_id")
                .param("learner", learnerId).param("roadmap", roadmapId).param("now", Timestamp.from(now))
                .param("dayEnd", Timestamp.from(dayEnd))
                .query((ResultSet rs) -> {
                    topics.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)});
                });
        return topics;
    }

    // ---- statistics

    /** Items in the scope by state; suspended cards' items counted apart. */
    Map<String, Integer> states(UUID learnerId, Scope scope) {
        Map<String, Integer> states = new LinkedHashMap<>();
        for (State state : State.values()) {
            states.put(state.label(), 0);
        }
        states.put("suspended", 0);
        scope.bind(jdbc.sql("""
                        SELECT CASE WHEN c.suspended THEN 'suspended' ELSE i.state::text END, count(*)
                        FROM card_item i JOIN card c ON c.id = i.card_id
                        WHERE i.learner_id = :learner AND c.learner_id = :learner AND i.retired_at IS NULL
                          AND c.deleted_at IS NULL
                        """ + scope.sql() + " GROUP BY 1"))
                .param("learner", learnerId)
                .query((ResultSet rs) -> {
                    String key = rs.getString(1);
                    states.put(key.equals("suspended") ? key : State.ofCode(Integer.parseInt(key)).label(),
                            rs.getInt(2));
                });
        return states;
    }

    /** Reviews graded in the app since {@code since}: all of them, and those of review-state items not failed. */
    int[] reviewsSince(UUID learnerId, Scope scope, Instant since) {
        return scope.bind(jdbc.sql("""
                        SELECT count(*) FILTER (WHERE r.origin = 'app'),
                               count(*) FILTER (WHERE r.before ->> 'state' = 'REVIEW'),
                               count(*) FILTER (WHERE r.before ->> 'state' = 'REVIEW' AND r.rating > 1)
                        FROM review_log r JOIN card c ON c.id = r.card_id
                        LEFT JOIN review_undo u ON u.learner_id = r.learner_id AND u.review_id = r.id
                        WHERE r.learner_id = :learner AND c.learner_id = :learner AND u.review_id IS NULL
                          AND r.reviewed_at >= :since
                        """ + scope.sql()))
                .param("learner", learnerId).param("since", Timestamp.from(since))
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)}).single();
    }

    /** Scheduled items by the study day they fall due on (overdue ones on {@code today}), up to {@code last}. */
    Map<LocalDate, Integer> forecast(UUID learnerId, Scope scope, ReviewDay today, LocalDate last) {
        Map<LocalDate, Integer> days = new LinkedHashMap<>();
        scope.bind(jdbc.sql("""
                        SELECT greatest(CAST((i.due AT TIME ZONE :zone) - interval '4 hours' AS date), CAST(:today AS date)),
                               count(*)
                        """ + LIVE + scope.sql() + """
                         AND i.state > 0 AND i.due < :until GROUP BY 1 ORDER BY 1
                        """))
                .param("learner", learnerId).param("zone", today.zone().getId()).param("today", today.date())
                .param("until", Timestamp.from(new ReviewDay(last, today.zone()).end()))
                .query((ResultSet rs) -> {
                    days.put(rs.getObject(1, LocalDate.class), rs.getInt(2));
                });
        return days;
    }

    // ---- mapping

    private static final String LOG = """
            SELECT r.id, r.card_id, r.item_id, i.ordinal, r.rating, r.reviewed_at, r.duration_ms, r.origin, r.before,
                   r.after, u.review_id IS NOT NULL AS undone
            FROM review_log r JOIN card_item i ON i.id = r.item_id
            LEFT JOIN review_undo u ON u.learner_id = r.learner_id AND u.review_id = r.id
            """;

    private static LoggedReview logged(ResultSet rs, int row) throws SQLException {
        return new LoggedReview(rs.getObject("id", UUID.class), rs.getObject("card_id", UUID.class),
                rs.getObject("item_id", UUID.class), rs.getInt("ordinal"), Rating.ofGrade(rs.getInt("rating")),
                rs.getTimestamp("reviewed_at").toInstant(), (Integer) rs.getObject("duration_ms"),
                rs.getString("origin"), JSON.readValue(rs.getString("before"), ItemState.class),
                JSON.readValue(rs.getString("after"), ItemState.class), rs.getBoolean("undone"));
    }

    private static ItemRow item(ResultSet rs, int row) throws SQLException {
        State state = State.ofCode(rs.getInt("state"));
        ItemState s = new ItemState(state, rs.getInt("step"), rs.getDouble("stability"), rs.getDouble("difficulty"),
                instant(rs.getTimestamp("due")), instant(rs.getTimestamp("last_review")), rs.getInt("scheduled_days"),
                rs.getInt("reps"), rs.getInt("lapses"));
        return new ItemRow(rs.getObject("id", UUID.class), rs.getObject("card_id", UUID.class), rs.getInt("ordinal"), s);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Timestamp timestamp(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    /** The part of the settings a review was scheduled with, stored with it so replaying it gives the same result. */
    record SchedulerJson(double desiredRetention, int maximumIntervalDays, boolean fuzz) {

        static SchedulerJson of(ReviewSettings s) {
            return new SchedulerJson(s.desiredRetention(), s.maximumIntervalDays(), s.fuzz());
        }

        SchedulerSettings settings() {
            return SchedulerSettings.DEFAULTS.withRetention(desiredRetention).withMaximumInterval(maximumIntervalDays)
                    .withFuzz(fuzz);
        }
    }
}
