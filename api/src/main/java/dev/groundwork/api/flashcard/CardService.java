package dev.groundwork.api.flashcard;

import static dev.groundwork.api.problem.ProblemException.badRequest;

import dev.groundwork.api.Uuids;
import dev.groundwork.api.flashcard.CardRequests.NewCard;
import dev.groundwork.api.flashcard.CardRequests.Patch;
import dev.groundwork.api.generation.Cloze;
import dev.groundwork.api.problem.NotFound;
import dev.groundwork.api.problem.ProblemException;
import dev.groundwork.api.problem.ProblemType;
import dev.groundwork.api.retrieval.Passages;
import dev.groundwork.api.security.Learner;
import dev.groundwork.ingest.embed.EmbeddingModels;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The boundary between the card endpoints and the blocking card store: JDBC runs on the {@code jdbc} scheduler,
 * embedding a card's content (for de-duplication) on {@code inference}. Every call acts for one learner; another
 * learner's card is a {@link NotFound}, like an unknown one. Before cards are shown their anchors are reconciled with
 * the current sources ({@link Anchors}).
 */
@Service
class CardService {

    private final CardStore store;
    private final Anchors anchors;
    private final Passages passages;
    private final EmbeddingModel model;
    private final String modelId;
    private final CardProperties properties;
    private final Scheduler jdbc;
    private final Scheduler inference;

    CardService(CardStore store, Anchors anchors, Passages passages, EmbeddingModel model, CardProperties properties,
            @Qualifier("jdbcScheduler") Scheduler jdbc, @Qualifier("inferenceScheduler") Scheduler inference) {
        this.store = store;
        this.anchors = anchors;
        this.passages = passages;
        this.model = model;
        this.modelId = EmbeddingModels.id(model);
        this.properties = properties;
        this.jdbc = jdbc;
        this.inference = inference;
    }

    Mono<List<Card>> byTopic(Learner learner, String topicId, boolean staleOnly) {
        return blocking(() -> {
            CardStore.TopicRef topic = topic(topicId);
            anchors.reconcile(topic.roadmapId());
            return store.byTopic(learner.id(), topic.id(), staleOnly);
        });
    }

    Mono<CardPage> byRoadmap(Learner learner, String roadmapId, int page, int size, boolean staleOnly) {
        if (page < 0 || size < 1 || size > properties.maxPageSize()) {
            return Mono.error(badRequest("page must be 0 or more and size between 1 and "
                    + properties.maxPageSize() + "."));
        }
        return blocking(() -> {
            requireRoadmap(roadmapId);
            anchors.reconcile(roadmapId);
            return store.byRoadmap(learner.id(), roadmapId, page, size, staleOnly);
        });
    }

    Mono<CardCounts> counts(Learner learner, String roadmapId) {
        return blocking(() -> {
            requireRoadmap(roadmapId);
            anchors.reconcile(roadmapId);
            return store.counts(learner.id(), roadmapId);
        });
    }

    Mono<Card> find(Learner learner, String cardId) {
        return blocking(() -> {
            Card card = card(learner, cardId);
            anchors.reconcile(card.roadmapId());
            return card(learner, cardId);
        });
    }

    Mono<Card> create(Learner learner, String topicId, NewCard request) {
        CardType type = CardType.of(request.type()).orElse(null);
        if (type == null) {
            return Mono.error(badRequest("type must be one of basic, reversed, cloze."));
        }
        CardDraft draft = new CardDraft(type, trim(request.front()), trim(request.back()), trim(request.text()),
                "manual", null, null, null);
        return Mono.fromRunnable(() -> validate(draft)).then(blocking(() -> topic(topicId)))
                .flatMap(topic -> embed(draft.content())
                        .flatMap(vector -> blocking(() -> store.insert(learner.id(), topic, draft, vector, modelId))));
    }

    Mono<Card> update(Learner learner, String cardId, Patch patch) {
        if (patch == null || (!patch.changesContent() && patch.suspended() == null)) {
            return Mono.error(badRequest("Nothing to change: send front, back, text or suspended."));
        }
        return blocking(() -> card(learner, cardId)).flatMap(card -> {
            CardType type = CardType.of(card.type()).orElseThrow();
            if (!patch.changesContent()) {
                return blocking(() -> {
                    store.setSuspended(learner.id(), UUID.fromString(card.id()), patch.suspended());
                    return card(learner, cardId);
                });
            }
            String back = patch.back() == null ? card.back() : trim(patch.back());
            if (type == CardType.CLOZE && back != null && back.isEmpty()) {
                back = null;   // a cloze's extra is optional: an empty one clears it
            }
            CardDraft changed = new CardDraft(type,
                    patch.front() == null ? card.front() : trim(patch.front()),
                    back,
                    patch.text() == null ? card.text() : trim(patch.text()),
                    card.origin().kind(), card.origin().model(), card.anchor(), null);
            validate(changed);
            return embed(changed.content()).flatMap(vector -> blocking(() -> {
                UUID id = UUID.fromString(card.id());
                store.updateContent(learner.id(), id, type, changed.front(), changed.back(), changed.text(), true,
                        vector, modelId);
                if (patch.suspended() != null) {
                    store.setSuspended(learner.id(), id, patch.suspended());
                }
                return card(learner, cardId);
            }));
        });
    }

    /** The passage a card quotes, with the quote's place in it. */
    record Source(String chunkId, String title, String url, List<String> headingPath, Integer page, String text,
            String quote, Integer quoteStart, Integer quoteEnd) {
    }

    Mono<Source> source(Learner learner, String cardId) {
        return blocking(() -> {
            Card card = card(learner, cardId);
            anchors.reconcile(card.roadmapId());
            Card.Anchor anchor = card(learner, cardId).anchor();
            if (anchor == null) {
                throw new ProblemException(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND,
                        "This card has no source passage: it was written by hand without one.");
            }
            return passages.chunk(anchor.chunkId())
                    .map(chunk -> {
                        var span = QuoteLocator.locate(anchor.quote(), chunk.text());
                        return new Source(chunk.id(), chunk.title(), anchor.resourceUrl(), chunk.headingPath(),
                                chunk.page(), chunk.text(), anchor.quote(), span.map(QuoteLocator.Span::start).orElse(null),
                                span.map(QuoteLocator.Span::end).orElse(null));
                    })
                    // a stale card's passage is gone: show what it quoted
                    .orElseGet(() -> new Source(anchor.chunkId(), anchor.title(), anchor.resourceUrl(),
                            anchor.headingPath(), anchor.page(), anchor.quote(), anchor.quote(), 0,
                            anchor.quote().length()));
        });
    }

    Mono<Void> delete(Learner learner, String cardId) {
        return blocking(() -> {
            if (!Uuids.parse(cardId).map(id -> store.delete(learner.id(), id)).orElse(false)) {
                throw new NotFound("card", cardId);
            }
            return true;
        }).then();
    }

    /** Checks a card's content against the type's rules and the configured limits. */
    void validate(CardDraft draft) {
        if (draft.type() == CardType.CLOZE) {
            if (draft.front() != null) {
                throw badRequest("A cloze card has no front: put the text with its deletions in text.");
            }
            Cloze.problem(draft.text()).ifPresent(problem -> {
                throw badRequest(problem);
            });
            limit("text", draft.text(), properties.maxTextLength());
            limit("back", draft.back(), properties.maxBackLength());
            return;
        }
        if (draft.text() != null) {
            throw badRequest("Only cloze cards have a text; a " + draft.type().label() + " card has front and back.");
        }
        if (CardText.blank(draft.front()) || CardText.blank(draft.back())) {
            throw badRequest("A " + draft.type().label() + " card needs a front and a back.");
        }
        limit("front", draft.front(), properties.maxFrontLength());
        limit("back", draft.back(), properties.maxBackLength());
    }

    private static void limit(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw badRequest(field + " is " + value.length() + " characters; at most " + max + " are allowed.");
        }
    }

    Card card(Learner learner, String cardId) {
        return Uuids.parse(cardId).flatMap(id -> store.find(learner.id(), id))
                .orElseThrow(() -> new NotFound("card", cardId));
    }

    CardStore.TopicRef topic(String topicId) {
        return store.topic(topicId).orElseThrow(() -> new NotFound("topic", topicId));
    }

    private void requireRoadmap(String roadmapId) {
        if (!store.roadmapExists(roadmapId)) {
            throw new NotFound("roadmap", roadmapId);
        }
    }

    String modelId() {
        return modelId;
    }

    Mono<float[]> embed(String content) {
        return Mono.fromCallable(() -> model.embed(content)).subscribeOn(inference);
    }

    private <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(jdbc);
    }


    private static String trim(String value) {
        return value == null ? null : value.strip();
    }
}
