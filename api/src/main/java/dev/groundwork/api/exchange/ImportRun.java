package dev.groundwork.api.exchange;

import dev.groundwork.api.flashcard.CardExchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Stores the rows of one import, in order, inside the caller's transaction: each valid row becomes a card on its
 * topic (unless the learner has it already), with its Anki review history. Blocking JDBC: call from the {@code jdbc}
 * scheduler.
 */
@Component
class ImportRun {

    private final CardExchange cards;
    private final ReviewExchange reviews;

    ImportRun(CardExchange cards, ReviewExchange reviews) {
        this.cards = cards;
        this.reviews = reviews;
    }

    /**
     * @param fixedTopic the topic every card goes on, or {@code null} to place each by its deck and tags
     * @param embeddings the content vector of each row that has a card, by row number
     */
    ImportReport run(UUID learnerId, Decks decks, UUID fixedTopic, List<ImportRow> rows,
            Map<Integer, float[]> embeddings, int reportCap) {
        List<ImportReport.Row> report = new ArrayList<>();
        int reviewed = 0;
        for (ImportRow row : rows) {
            if (row.card() == null) {
                report.add(new ImportReport.Row(row.row(), "failed", row.failure(), null));
                continue;
            }
            UUID topic = fixedTopic != null ? fixedTopic : decks.topicFor(row.deck(), row.topicTags());
            CardExchange.Outcome outcome = cards.store(learnerId, topic, row.card(), embeddings.get(row.row()));
            if (outcome instanceof CardExchange.Outcome.Stored stored) {
                String notice = row.notice();
                for (Map.Entry<Integer, List<ImportRow.Review>> log : row.reviews().entrySet()) {
                    if (stored.ordinals().contains(log.getKey())) {
                        reviewed += reviews.importReviews(learnerId, stored.cardId(), log.getKey(), log.getValue());
                    } else {
                        notice = join(notice, "Reviews of card " + log.getKey() + " of the note were left out:"
                                + " the card has no such side.");
                    }
                }
                report.add(new ImportReport.Row(row.row(), "imported", notice, stored.cardId().toString()));
            } else if (outcome instanceof CardExchange.Outcome.Duplicate duplicate) {
                report.add(new ImportReport.Row(row.row(), "skipped", duplicate.reason(), null));
            } else if (outcome instanceof CardExchange.Outcome.Invalid invalid) {
                report.add(new ImportReport.Row(row.row(), "failed", invalid.reason(), null));
            }
        }
        return ImportReport.of(report, reviewed, reportCap);
    }

    private static String join(String a, String b) {
        return a == null ? b : a + " " + b;
    }
}
