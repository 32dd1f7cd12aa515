package dev.groundwork.api.flashcard;

import dev.groundwork.api.Uuids;
import dev.groundwork.api.retrieval.Vectors;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The learner's cards (tables {@code card}, {@code card_item}). Every method that reads or writes a learner's card
 * takes the learner's id and filters by it, so another learner's card is as absent as an unknown one. Deleting is
 * soft: a deleted card keeps its items (their review history) and counts for de-duplication, but is never shown.
 * Blocking JDBC: call from the {@code jdbc} scheduler.
 */
@Repository
class CardStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    /** A card as shown, with its topic; not its embedding, which only de-duplication reads. */
    static final String SELECT = """
            SELECT c.id, c.topic_id, c.roadmap_id, c.type, c.front, c.back, c.text, c.origin_kind, c.origin_model,
                   c.anchor_chunk_id, c.anchor_document_id, c.anchor_topic_id, c.anchor_url, c.anchor_title,
                   c.anchor_heading_path, c.anchor_page, c.anchor_quote, c.anchor_start, c.anchor_end,
                   c.anchor_chunk_hash, c.stale, c.suspended, c.edited, c.created_at, c.updated_at,
                   t.title AS topic_title, (t.archived_at IS NOT NULL) AS topic_archived
            FROM card c JOIN topic t ON t.id = c.topic_id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    CardStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A topic cards can hang on, archived or not. */
    record TopicRef(UUID id, String roadmapId, String title, boolean archived) {
    }

    Optional<TopicRef> topic(String topicId) {
        return Uuids.parse(topicId).flatMap(id -> jdbc.sql(
                        "SELECT id, roadmap_id, title, archived_at IS NOT NULL FROM topic WHERE id = ?")
                .param(id)
                .query((rs, n) -> new TopicRef(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4)))
                .optional());
    }

    boolean roadmapExists(String roadmapId) {
        return jdbc.sql("SELECT count(*) FROM roadmap WHERE id = ?").param(roadmapId).query(Integer.class).single() > 0;
    }

    /** Stores a new card and its reviewable items; returns it as stored. */
    @Transactional
    Card insert(UUID learnerId, TopicRef topic, CardDraft draft, float[] embedding, String modelId) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        Card.Anchor a = draft.anchor();
        CardDraft.AnchorOwner owner = draft.anchorOwner();
        jdbc.sql("""
                INSERT INTO card (id, learner_id, roadmap_id, topic_id, type, front, back, text, origin_kind,
                    origin_model, anchor_chunk_id, anchor_document_id, anchor_topic_id, anchor_url, anchor_title,
                    anchor_heading_path, anchor_page, anchor_quote, anchor_start, anchor_end, anchor_chunk_hash,
                    dedup_key, embedding, model_id, created_at, updated_at)
                VALUES (:id, :learner, :roadmap, :topic, :type, :front, :back, :text, :originKind, :originModel,
                    CAST(:chunk AS uuid), CAST(:document AS uuid), CAST(:ownerTopic AS uuid), :url, :title,
                    CAST(:headings AS jsonb), :page, :quote, :start, :end, :hash, :key, CAST(:embedding AS vector),
                    :model, :now, :now)
                """)
                .param("id", id).param("learner", learnerId).param("roadmap", topic.roadmapId())
                .param("topic", topic.id()).param("type", draft.type().label())
                .param("front", draft.front()).param("back", draft.back()).param("text", draft.text())
                .param("originKind", draft.originKind()).param("originModel", draft.originModel())
                .param("chunk", a == null ? null : a.chunkId())
                .param("document", owner == null ? null : owner.documentId())
                .param("ownerTopic", owner == null ? null : owner.topicId())
                .param("url", a == null ? null : a.resourceUrl()).param("title", a == null ? null : a.title())
                .param("headings", a == null ? null : JSON.writeValueAsString(a.headingPath()))
                .param("page", a == null ? null : a.page()).param("quote", a == null ? null : a.quote())
                .param("start", a == null ? null : a.start()).param("end", a == null ? null : a.end())
                .param("hash", a == null ? null : a.chunkHash())
                .param("key", CardText.key(draft.content()))
                .param("embedding", embedding == null ? null : Vectors.literal(embedding)).param("model", modelId)
                .param("now", now)
                .update();
        syncItems(learnerId, id, draft.type(), draft.text());
        return find(learnerId, id).orElseThrow();
    }

    Optional<Card> find(UUID learnerId, UUID cardId) {
        return jdbc.sql(SELECT + " WHERE c.id = ? AND c.learner_id = ? AND c.deleted_at IS NULL")
                .params(cardId, learnerId).query(CardStore::card).optional();
    }

    List<Card> byTopic(UUID learnerId, UUID topicId, boolean staleOnly) {
        return jdbc.sql(SELECT + " WHERE c.learner_id = ? AND c.topic_id = ? AND c.deleted_at IS NULL"
                        + (staleOnly ? " AND c.stale IS NOT NULL" : "") + " ORDER BY c.created_at, c.id")
                .params(learnerId, topicId).query(CardStore::card).list();
    }

    CardPage byRoadmap(UUID learnerId, String roadmapId, int page, int size, boolean staleOnly) {
        String where = " WHERE c.learner_id = ? AND c.roadmap_id = ? AND c.deleted_at IS NULL"
                + (staleOnly ? " AND c.stale IS NOT NULL" : "");
        long total = jdbc.sql("SELECT count(*) FROM card c" + where).params(learnerId, roadmapId)
                .query(Long.class).single();
        List<Card> items = jdbc.sql(SELECT + where + " ORDER BY c.created_at, c.id LIMIT ? OFFSET ?")
                .params(learnerId, roadmapId, size, (long) page * size).query(CardStore::card).list();
        return new CardPage(items, page, size, total);
    }

    CardCounts counts(UUID learnerId, String roadmapId) {
        Map<String, CardCounts.TopicCount> topics = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT topic_id, count(*), count(*) FILTER (WHERE stale IS NOT NULL) FROM card
                WHERE learner_id = ? AND roadmap_id = ? AND deleted_at IS NULL GROUP BY topic_id ORDER BY topic_id
                """).params(learnerId, roadmapId)
                .query(rs -> {
                    topics.put(rs.getString(1), new CardCounts.TopicCount(rs.getLong(2), rs.getLong(3)));
                });
        long total = topics.values().stream().mapToLong(CardCounts.TopicCount::cards).sum();
        long stale = topics.values().stream().mapToLong(CardCounts.TopicCount::stale).sum();
        return new CardCounts(total, stale, topics);
    }

    /**
     * Replaces a card's content. {@code edited} marks that the learner changed it; a regenerated card is not edited.
     */
    @Transactional
    boolean updateContent(UUID learnerId, UUID cardId, CardType type, String front, String back, String text,
            boolean edited, float[] embedding, String modelId) {
        int updated = jdbc.sql("""
                UPDATE card SET front = ?, back = ?, text = ?, dedup_key = ?, embedding = CAST(? AS vector),
                    model_id = ?, edited = ?, updated_at = ?
                WHERE id = ? AND learner_id = ? AND deleted_at IS NULL
                """).params(front, back, text, CardText.key(CardText.content(type, front, back, text)),
                        embedding == null ? null : Vectors.literal(embedding), modelId, edited,
                        Timestamp.from(clock.instant()), cardId, learnerId)
                .update();
        if (updated > 0) {
            syncItems(learnerId, cardId, type, text);
        }
        return updated > 0;
    }

    boolean setSuspended(UUID learnerId, UUID cardId, boolean suspended) {
        return jdbc.sql("""
                UPDATE card SET suspended = ?, updated_at = ? WHERE id = ? AND learner_id = ? AND deleted_at IS NULL
                """).params(suspended, Timestamp.from(clock.instant()), cardId, learnerId).update() > 0;
    }

    boolean delete(UUID learnerId, UUID cardId) {
        return jdbc.sql("UPDATE card SET deleted_at = ? WHERE id = ? AND learner_id = ? AND deleted_at IS NULL")
                .params(Timestamp.from(clock.instant()), cardId, learnerId).update() > 0;
    }

    /** A card whose anchor chunk is no longer stored: re-ingestion replaced it. */
    record Orphan(UUID id, String documentId, String topicId, String quote, Card.Anchor anchor) {
    }

    /**
     * The cards of a roadmap, of every learner, whose anchor chunk was replaced and that are not marked stale yet.
     * System work: it changes no card's content, only where its anchor points.
     */
    List<Orphan> orphans(String roadmapId) {
        return jdbc.sql(SELECT + """
                 WHERE c.roadmap_id = ? AND c.anchor_chunk_id IS NOT NULL AND c.deleted_at IS NULL AND c.stale IS NULL
                   AND NOT EXISTS (SELECT 1 FROM chunks k WHERE k.id = c.anchor_chunk_id)
                """).param(roadmapId)
                .query((rs, n) -> {
                    Card card = card(rs, n);
                    return new Orphan(UUID.fromString(card.id()), rs.getString("anchor_document_id"),
                            rs.getString("anchor_topic_id"), rs.getString("anchor_quote"), card.anchor());
                }).list();
    }

    /** Points a card's anchor at the chunk that holds its quote now. */
    void reanchor(UUID cardId, Card.Anchor anchor) {
        jdbc.sql("""
                UPDATE card SET anchor_chunk_id = CAST(? AS uuid), anchor_heading_path = CAST(? AS jsonb),
                    anchor_page = ?, anchor_start = ?, anchor_end = ?, anchor_chunk_hash = ?, anchor_quote = ?,
                    anchor_title = coalesce(?, anchor_title), stale = NULL
                WHERE id = ?
                """).params(anchor.chunkId(), JSON.writeValueAsString(anchor.headingPath()), anchor.page(),
                        anchor.start(), anchor.end(), anchor.chunkHash(), anchor.quote(), anchor.title(), cardId)
                .update();
    }

    /** Drops a card's anchor: the learner keeps a card whose source is gone. */
    void dropAnchor(UUID learnerId, UUID cardId) {
        jdbc.sql("""
                UPDATE card SET anchor_chunk_id = NULL, anchor_document_id = NULL, anchor_topic_id = NULL,
                    anchor_url = NULL, anchor_title = NULL, anchor_heading_path = NULL, anchor_page = NULL,
                    anchor_quote = NULL, anchor_start = NULL, anchor_end = NULL, anchor_chunk_hash = NULL, stale = NULL,
                    updated_at = ?
                WHERE id = ? AND learner_id = ?
                """).params(Timestamp.from(clock.instant()), cardId, learnerId).update();
    }

    /** Marks that a card was (re)written by a generator, not the learner: origin generated, not edited. */
    void markRegenerated(UUID learnerId, UUID cardId) {
        jdbc.sql("UPDATE card SET origin_kind = 'generated', origin_model = NULL, edited = false WHERE id = ? AND learner_id = ?")
                .params(cardId, learnerId).update();
    }

    /** Marks a card stale: its quote is gone from its source. */
    void markStale(UUID cardId, Card.Stale stale) {
        jdbc.sql("UPDATE card SET stale = CAST(? AS jsonb) WHERE id = ?").params(JSON.writeValueAsString(stale), cardId)
                .update();
    }

    /** An existing card a candidate duplicates. */
    record Duplicate(UUID id, boolean deleted, boolean exact) {
    }

    /**
     * A card of the learner in the roadmap (deleted ones included: a card the learner threw away is not offered
     * again) whose normalised content equals {@code content}'s, that quotes the same sentence of the same chunk as
     * {@code anchor}, or whose embedding is at least {@code similarity} cosine-similar to {@code embedding}.
     */
    Optional<Duplicate> duplicateOf(UUID learnerId, String roadmapId, String content, Card.Anchor anchor,
            float[] embedding, String modelId, double similarity) {
        return jdbc.sql("""
                SELECT id, deleted_at IS NOT NULL, dedup_key = :key FROM card
                WHERE learner_id = :learner AND roadmap_id = :roadmap
                  AND (dedup_key = :key
                       OR (anchor_chunk_id = CAST(:chunk AS uuid) AND anchor_start = :start AND anchor_end = :end)
                       OR (CAST(:embedding AS vector) IS NOT NULL AND model_id = :model
                           AND 1 - (embedding <=> CAST(:embedding AS vector)) >= :similarity))
                ORDER BY dedup_key = :key DESC, deleted_at IS NOT NULL, created_at LIMIT 1
                """)
                .param("chunk", anchor == null ? null : anchor.chunkId())
                .param("start", anchor == null ? null : anchor.start())
                .param("end", anchor == null ? null : anchor.end())
                .param("key", CardText.key(content)).param("learner", learnerId).param("roadmap", roadmapId)
                .param("embedding", embedding == null ? null : Vectors.literal(embedding)).param("model", modelId)
                .param("similarity", similarity)
                .query((rs, n) -> new Duplicate(rs.getObject(1, UUID.class), rs.getBoolean(2), rs.getBoolean(3)))
                .optional();
    }

    /** Whether the learner has a card (deleted ones included) with this Anki note GUID in the roadmap. */
    boolean guidTaken(UUID learnerId, String roadmapId, String guid) {
        return jdbc.sql("SELECT count(*) FROM card WHERE learner_id = ? AND roadmap_id = ? AND guid = ?")
                .params(learnerId, roadmapId, guid).query(Integer.class).single() > 0;
    }

    /** Sets what a card keeps for Anki: its note GUID ({@code null} for one derived from its id) and its tags. */
    void setExchange(UUID learnerId, UUID cardId, String guid, List<String> tags) {
        jdbc.sql("UPDATE card SET guid = ?, tags = CAST(? AS jsonb) WHERE id = ? AND learner_id = ?")
                .params(guid, JSON.writeValueAsString(tags), cardId, learnerId).update();
    }

    /** The fetched documents at this URL (original or after redirects), shallowest first. Shared data. */
    List<String> documentsAt(String url) {
        return jdbc.sql("""
                SELECT id::text FROM document WHERE url = ? OR final_url = ? ORDER BY depth, id LIMIT 20
                """).params(url, url).query(String.class).list();
    }

    /** The items a card schedules follow its type and cloze numbers: new numbers added, vanished ones retired. */
    private void syncItems(UUID learnerId, UUID cardId, CardType type, String text) {
        Timestamp now = Timestamp.from(clock.instant());
        Integer[] ordinals = type.items(text).stream().map(Card.Item::ordinal).toArray(Integer[]::new);
        jdbc.sql("""
                INSERT INTO card_item (id, card_id, learner_id, ordinal, created_at)
                SELECT gen_random_uuid(), ?, ?, o, ? FROM unnest(?::int[]) AS o
                ON CONFLICT (card_id, ordinal) DO UPDATE SET retired_at = NULL
                """).params(cardId, learnerId, now, ordinals).update();
        jdbc.sql("""
                UPDATE card_item SET retired_at = ? WHERE card_id = ? AND retired_at IS NULL AND NOT (ordinal = ANY (?::int[]))
                """).params(now, cardId, ordinals).update();
    }

    static Card card(ResultSet rs, int row) throws SQLException {
        CardType type = CardType.of(rs.getString("type")).orElseThrow();
        String chunkId = rs.getString("anchor_chunk_id");
        Card.Anchor anchor = rs.getString("anchor_quote") == null ? null : new Card.Anchor(chunkId,
                rs.getString("anchor_url"), rs.getString("anchor_title"), strings(rs.getString("anchor_heading_path")),
                (Integer) rs.getObject("anchor_page"), rs.getString("anchor_quote"), rs.getInt("anchor_start"),
                rs.getInt("anchor_end"), rs.getString("anchor_chunk_hash"));
        String stale = rs.getString("stale");
        return new Card(rs.getString("id"), rs.getString("topic_id"), rs.getString("roadmap_id"),
                rs.getString("topic_title"), rs.getBoolean("topic_archived"), type.label(), rs.getString("front"),
                rs.getString("back"), rs.getString("text"),
                new Card.Origin(rs.getString("origin_kind"), rs.getString("origin_model")), anchor,
                stale == null ? null : JSON.readValue(stale, Card.Stale.class), rs.getBoolean("suspended"),
                rs.getBoolean("edited"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), type.items(rs.getString("text")));
    }

    private static List<String> strings(String json) {
        return json == null ? List.of() : JSON.readValue(json, STRINGS);
    }

}
