package dev.groundwork.api.flashcard;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Cards as other features show them (the review queue, exports): read-only, always for one learner, deleted cards
 * never included. Blocking JDBC: call from the {@code jdbc} scheduler.
 */
@Component
public class CardReader {

    private final JdbcClient jdbc;
    private final CardStore store;

    CardReader(JdbcClient jdbc, CardStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /** The learner's card, if it exists and is not deleted. */
    public Optional<Card> card(UUID learnerId, UUID cardId) {
        return store.find(learnerId, cardId);
    }

    /** The learner's cards among {@code ids}, by id; unknown, deleted and other learners' ids are left out. */
    public Map<UUID, Card> cards(UUID learnerId, Collection<UUID> ids) {
        Map<UUID, Card> cards = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return cards;
        }
        List<Card> found = jdbc.sql("""
                SELECT c.*, t.title AS topic_title, (t.archived_at IS NOT NULL) AS topic_archived
                FROM card c JOIN topic t ON t.id = c.topic_id
                WHERE c.learner_id = ? AND c.id = ANY (?::uuid[]) AND c.deleted_at IS NULL
                """).params(learnerId, ids.toArray(UUID[]::new)).query(CardStore::card).list();
        found.forEach(card -> cards.put(UUID.fromString(card.id()), card));
        return cards;
    }
}
