package dev.groundwork.api.answer;

import dev.groundwork.api.generation.GenerationRequest.Turn;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The turns of answer conversations (table {@code conversation_turn}), each the learner's own: another learner's
 * conversation id reads as an unknown one. Blocking JDBC.
 */
@Repository
class ConversationStore {

    private final JdbcClient jdbc;

    ConversationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The learner's last {@code max} turns of the conversation, oldest first; empty for an unknown conversation. */
    List<Turn> lastTurns(UUID learnerId, UUID conversationId, int max) {
        List<Turn> turns = new ArrayList<>(jdbc.sql("""
                SELECT question, answer FROM conversation_turn WHERE learner_id = ? AND conversation_id = ?
                ORDER BY position DESC LIMIT ?
                """).params(learnerId, conversationId, max)
                .query((rs, n) -> new Turn(rs.getString(1), rs.getString(2))).list());
        Collections.reverse(turns);
        return turns;
    }

    void append(UUID learnerId, UUID conversationId, String question, String standalone, String answer) {
        jdbc.sql("""
                INSERT INTO conversation_turn (learner_id, conversation_id, position, question, standalone, answer)
                SELECT ?, ?, coalesce(max(position), 0) + 1, ?, ?, ? FROM conversation_turn
                WHERE learner_id = ? AND conversation_id = ?
                """).params(learnerId, conversationId, question, standalone, answer, learnerId, conversationId).update();
    }
}
