package dev.groundwork.api.flashcard;

import dev.groundwork.api.problem.NotFound;
import dev.groundwork.api.problem.ProblemException;
import dev.groundwork.api.retrieval.Passages;
import dev.groundwork.api.retrieval.RetrievedChunk;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * What moving cards in and out of the app (Anki packages, CSV) may do with them: bring anchors up to date before an
 * export, and check, embed and store imported cards — through the same checks, de-duplication and store as every other
 * card. Storing is blocking JDBC (call it from the {@code jdbc} scheduler, inside the caller's transaction); embedding
 * runs on {@code inference}.
 */
@Component
public class CardExchange {

    private static final int EMBED_BATCH = 64;

    private final CardStore store;
    private final CardService cards;
    private final Anchors anchors;
    private final Passages passages;
    private final EmbeddingModel model;
    private final Scheduler inference;

    CardExchange(CardStore store, CardService cards, Anchors anchors, Passages passages, EmbeddingModel model,
            @Qualifier("inferenceScheduler") Scheduler inference) {
        this.store = store;
        this.cards = cards;
        this.anchors = anchors;
        this.passages = passages;
        this.model = model;
        this.inference = inference;
    }

    /** What happened to one imported card. */
    public sealed interface Outcome {

        /**
         * Stored as a new card; {@code anchored} when its quote was found in a stored chunk; {@code ordinals} are its
         * items (reviewable sides, cloze numbers).
         */
        record Stored(UUID cardId, boolean anchored, List<Integer> ordinals) implements Outcome {
        }

        /** Not stored: the learner already has it. */
        record Duplicate(String reason) implements Outcome {
        }

        /** Not stored: its content breaks a card rule (safe to show). */
        record Invalid(String reason) implements Outcome {
        }
    }

    /** Re-anchors or marks stale the roadmap's cards whose sources changed (blocking JDBC). */
    public void reconcile(String roadmapId) {
        anchors.reconcile(roadmapId);
    }

    /** What is wrong with the card's content (length limits, cloze syntax, missing sides), or empty. No I/O. */
    public Optional<String> problem(ImportedCard card) {
        try {
            cards.validate(draft(card, null, null, "imported"));
            return Optional.empty();
        } catch (ProblemException invalid) {
            return Optional.of(invalid.getMessage());
        }
    }

    /** The cards' content embedded for de-duplication, in order, on the {@code inference} scheduler. */
    public Mono<List<float[]>> embed(List<ImportedCard> imported) {
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < imported.size(); i += EMBED_BATCH) {
            batches.add(imported.subList(i, Math.min(imported.size(), i + EMBED_BATCH)).stream()
                    .map(ImportedCard::content).toList());
        }
        return Flux.fromIterable(batches)
                .concatMap(batch -> Mono.fromCallable(() -> model.embed(batch)).subscribeOn(inference))
                .concatMapIterable(vectors -> vectors)
                .collectList();
    }

    /**
     * Stores an imported card on the topic unless the learner already has it in that roadmap: a card with the same
     * GUID, or with the same normalised content (deleted cards count). Origin {@code imported}. Blocking JDBC.
     *
     * @param embedding its content's vector ({@link #embed}), or {@code null}
     * @throws NotFound when the topic does not exist
     */
    public Outcome store(UUID learnerId, UUID topicId, ImportedCard card, float[] embedding) {
        return store(learnerId, topicId, card, embedding, "imported");
    }

    /**
     * Stores a card made from a point an interview answer missed, anchored on the passage that holds its quote, unless
     * the learner already has one with the same content in that roadmap (deleted cards count). Origin
     * {@code interview}. Blocking JDBC.
     *
     * @throws NotFound when the topic does not exist
     */
    public Outcome storeFromInterview(UUID learnerId, UUID topicId, ImportedCard card, float[] embedding) {
        return store(learnerId, topicId, card, embedding, "interview");
    }

    private Outcome store(UUID learnerId, UUID topicId, ImportedCard card, float[] embedding, String origin) {
        CardStore.TopicRef topic = store.topic(topicId.toString()).orElseThrow(() -> new NotFound("topic",
                topicId.toString()));
        Optional<String> problem = problem(card);
        if (problem.isPresent()) {
            return new Outcome.Invalid(problem.get());
        }
        if (card.guid() != null && store.guidTaken(learnerId, topic.roadmapId(), card.guid())) {
            return new Outcome.Duplicate("A card with the same GUID is already in this roadmap.");
        }
        Optional<CardStore.Duplicate> duplicate = store.duplicateOf(learnerId, topic.roadmapId(), card.content(), null,
                null, cards.modelId(), 1.0);
        if (duplicate.isPresent()) {
            return new Outcome.Duplicate(duplicate.get().deleted()
                    ? "You deleted a card with the same content from this roadmap."
                    : "A card with the same content is already in this roadmap.");
        }
        Located located = locate(card.source());
        Card stored = store.insert(learnerId, topic, draft(card, located.anchor(), located.owner(), origin), embedding,
                embedding == null ? null : cards.modelId());
        UUID id = UUID.fromString(stored.id());
        store.setExchange(learnerId, id, card.guid(), card.tags());
        if (card.suspended()) {
            store.setSuspended(learnerId, id, true);
        }
        return new Outcome.Stored(id, located.anchor() != null && located.anchor().chunkId() != null,
                stored.items().stream().map(Card.Item::ordinal).toList());
    }

    private static CardDraft draft(ImportedCard card, Card.Anchor anchor, CardDraft.AnchorOwner owner,
            String origin) {
        return new CardDraft(card.type(), card.front(), card.back(), card.text(), origin, null, anchor, owner);
    }

    private record Located(Card.Anchor anchor, CardDraft.AnchorOwner owner) {
    }

    /** The source as an anchor: on the stored chunk that holds its quote, else as given without a chunk. */
    private Located locate(ImportedCard.Source source) {
        if (source == null || (CardText.blank(source.url()) && CardText.blank(source.quote()))) {
            return new Located(null, null);
        }
        String quote = source.quote() == null ? "" : source.quote();
        Card.Anchor given = new Card.Anchor(null, source.url(), source.title(), source.headingPath(), source.page(),
                quote, 0, 0, null);
        if (!CardText.blank(source.url()) && !quote.isBlank()) {
            String prefix = "groundwork:topic/";
            if (source.url().startsWith(prefix)) {
                String topicId = source.url().substring(prefix.length());
                Optional<Card.Anchor> found = Anchors.find(given, passages.ofTopicText(topicId));
                if (found.isPresent()) {
                    return new Located(found.get(), new CardDraft.AnchorOwner(null, topicId));
                }
            } else {
                for (String documentId : store.documentsAt(source.url())) {
                    List<RetrievedChunk> chunks = passages.ofDocument(documentId);
                    Optional<Card.Anchor> found = Anchors.find(given, chunks);
                    if (found.isPresent()) {
                        return new Located(found.get(), new CardDraft.AnchorOwner(documentId, null));
                    }
                }
            }
        }
        return new Located(given, null);
    }
}
