package dev.groundwork.api.exchange;

import dev.groundwork.api.flashcard.CardType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * A roadmap's cards as Anki notes: fields as HTML (Source as a link with heading path and page, Quote), deck and tags
 * from the roadmap and topic, the GUID the card keeps (or one derived from its id), and each item's schedule and
 * reviews. Stateless.
 */
final class ExportNotes {

    private ExportNotes() {
    }

    static List<ApkgWriter.Note> of(Decks decks, List<ExchangeStore.ExportCard> cards,
            Function<UUID, Map<Integer, List<AnkiScheduling.Review>>> reviews) {
        List<ApkgWriter.Note> notes = new ArrayList<>();
        for (ExchangeStore.ExportCard card : cards) {
            String source = card.quote() == null ? "" : SourceField.of(card.url(), card.title(), card.headingPath(),
                    card.page());
            String quote = card.quote() == null ? "" : FieldHtml.of(card.quote());
            List<String> fields = card.type() == CardType.CLOZE
                    ? List.of(FieldHtml.of(card.text()), FieldHtml.of(card.back()), source, quote)
                    : List.of(FieldHtml.of(card.front()), FieldHtml.of(card.back()), source, quote);
            LinkedHashSet<String> tags = new LinkedHashSet<>(decks.tags(card.topicId()));
            card.tags().stream().filter(t -> !t.isBlank()).map(Decks::tagSafe).forEach(tags::add);
            Map<Integer, List<AnkiScheduling.Review>> log = reviews.apply(card.id());
            List<ApkgWriter.Item> items = card.items().stream()
                    .map(item -> new ApkgWriter.Item(item.ordinal(), card.suspended(), item.state(),
                            log.getOrDefault(item.ordinal(), List.of())))
                    .toList();
            notes.add(new ApkgWriter.Note(card.guid() != null ? card.guid() : AnkiIds.guid(card.id()), card.type(),
                    decks.deck(card.topicId()), fields, List.copyOf(tags), card.createdAt(), card.updatedAt(), items));
        }
        return notes;
    }
}
