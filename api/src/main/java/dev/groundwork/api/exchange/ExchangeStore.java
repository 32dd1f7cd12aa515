package dev.groundwork.api.exchange;

import dev.groundwork.api.flashcard.CardType;
import dev.groundwork.api.review.fsrs.ItemState;
import dev.groundwork.api.review.fsrs.State;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an export reads: a roadmap and its topics (shared), and the learner's cards with their GUIDs, tags and the
 * scheduling state of their items. Every card query filters by the learner. Read-only. Blocking JDBC: call from the
 * {@code jdbc} scheduler.
 */
@Repository
class ExchangeStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    ExchangeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A topic of a roadmap: where it sits and what it is called. */
    record Topic(UUID id, UUID parentId, String key, String title, int position, boolean archived) {
    }

    record Roadmap(String id, String title) {
    }

    /** A card to export, with what Anki needs beside its content. */
    record ExportCard(UUID id, UUID topicId, CardType type, String front, String back, String text, String url,
            String title, List<String> headingPath, Integer page, String quote, boolean suspended, String guid,
            List<String> tags, Instant createdAt, Instant updatedAt, List<Item> items) {
    }

    /** One live item of a card and its state. */
    record Item(int ordinal, ItemState state) {
    }

    Optional<Roadmap> roadmap(String roadmapId) {
        return jdbc.sql("SELECT id, title FROM roadmap WHERE id = ?").param(roadmapId)
                .query((rs, n) -> new Roadmap(rs.getString(1), rs.getString(2))).optional();
    }

    /** The roadmap a topic belongs to. */
    Optional<String> roadmapOf(UUID topicId) {
        return jdbc.sql("SELECT roadmap_id FROM topic WHERE id = ?").param(topicId).query(String.class).optional();
    }

    /** Every topic of the roadmap, archived ones included, in document order. */
    List<Topic> topics(String roadmapId) {
        return jdbc.sql("""
                SELECT id, parent_id, key, title, position, archived_at IS NOT NULL FROM topic
                WHERE roadmap_id = ? ORDER BY position
                """).param(roadmapId)
                .query((rs, n) -> new Topic(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getBoolean(6)))
                .list();
    }

    /** The learner's cards in the roadmap (on {@code topicIds} only, when given), oldest first, not deleted. */
    List<ExportCard> cards(UUID learnerId, String roadmapId, Collection<UUID> topicIds) {
        String where = " WHERE learner_id = ? AND roadmap_id = ? AND deleted_at IS NULL"
                + (topicIds == null ? "" : " AND topic_id = ANY (?::uuid[])");
        List<Object> params = new ArrayList<>(List.of(learnerId, roadmapId));
        if (topicIds != null) {
            params.add(topicIds.toArray(UUID[]::new));
        }
        Map<UUID, List<Item>> items = new HashMap<>();
        jdbc.sql("""
                SELECT card_id, ordinal, state, step, stability, difficulty, due, last_review, scheduled_days, reps,
                    lapses
                FROM card_item WHERE learner_id = ? AND retired_at IS NULL
                  AND card_id IN (SELECT id FROM card""" + where + ") ORDER BY card_id, ordinal")
                .params(concat(learnerId, params))
                .query(rs -> {
                    items.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new Item(rs.getInt(2), state(rs)));
                });
        // not the embedding: an export of thousands of cards need not read 384 floats for each
        return jdbc.sql("""
                SELECT id, topic_id, type, front, back, text, anchor_url, anchor_title, anchor_heading_path,
                    anchor_page, anchor_quote, suspended, guid, tags, created_at, updated_at
                FROM card""" + where + " ORDER BY created_at, id").params(params)
                .query((rs, n) -> card(rs, items)).list();
    }

    private static List<Object> concat(Object first, List<Object> rest) {
        List<Object> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static ItemState state(ResultSet rs) throws SQLException {
        return new ItemState(State.ofCode(rs.getInt(3)), rs.getInt(4), rs.getDouble(5), rs.getDouble(6),
                instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)), rs.getInt(9), rs.getInt(10), rs.getInt(11));
    }

    private static ExportCard card(ResultSet rs, Map<UUID, List<Item>> items) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String headings = rs.getString("anchor_heading_path");
        return new ExportCard(id, rs.getObject("topic_id", UUID.class), CardType.of(rs.getString("type")).orElseThrow(),
                rs.getString("front"), rs.getString("back"), rs.getString("text"), rs.getString("anchor_url"),
                rs.getString("anchor_title"), headings == null ? List.of() : JSON.readValue(headings, STRINGS),
                (Integer) rs.getObject("anchor_page"), rs.getString("anchor_quote"), rs.getBoolean("suspended"),
                rs.getString("guid"), JSON.readValue(rs.getString("tags"), STRINGS),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                items.getOrDefault(id, List.of()));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
