package dev.groundwork.api.flashcard;

import dev.groundwork.api.generation.CardCandidate;
import dev.groundwork.api.generation.Cloze;
import dev.groundwork.api.generation.KeyTerms;
import dev.groundwork.api.generation.OfflineCards;
import dev.groundwork.api.generation.Statements;
import dev.groundwork.api.problem.ProblemException;
import dev.groundwork.api.problem.ProblemType;
import dev.groundwork.api.retrieval.Passages;
import dev.groundwork.api.retrieval.RetrievedChunk;
import dev.groundwork.api.security.Learner;
import dev.groundwork.ingest.store.RoadmapQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The three ways out of a stale card besides deleting it: keep it, accepting the passage nearest to its old quote as
 * its new anchor; or regenerate it — a card of the same type written offline from that passage, about what the card
 * was about. JDBC on {@code jdbc}, embedding on {@code inference}.
 */
@Service
class StaleCards {

    private final CardService cards;
    private final CardStore store;
    private final Passages passages;
    private final RoadmapQueries roadmaps;
    private final Scheduler jdbc;

    StaleCards(CardService cards, CardStore store, Passages passages, RoadmapQueries roadmaps,
            @Qualifier("jdbcScheduler") Scheduler jdbc) {
        this.cards = cards;
        this.store = store;
        this.passages = passages;
        this.roadmaps = roadmaps;
        this.jdbc = jdbc;
    }

    Mono<Card> keep(Learner learner, String cardId) {
        return Mono.fromCallable(() -> {
            Card card = stale(learner, cardId);
            UUID id = UUID.fromString(card.id());
            Card.Passage passage = card.stale().currentPassage();
            if (passage == null) {
                store.dropAnchor(learner.id(), id);
            } else {
                RetrievedChunk chunk = current(passage);
                store.reanchor(id, new Card.Anchor(chunk.id(), card.anchor().resourceUrl(), chunk.title(),
                        chunk.headingPath(), chunk.page(), passage.quote(), passage.start(), passage.end(),
                        chunk.contentHash()));
            }
            return cards.card(learner, cardId);
        }).subscribeOn(jdbc);
    }

    Mono<Card> regenerate(Learner learner, String cardId) {
        return Mono.fromCallable(() -> {
            Card card = stale(learner, cardId);
            if (card.stale().currentPassage() == null) {
                throw notRegenerable("Its source is gone, so there is no passage to write it from.");
            }
            RetrievedChunk chunk = current(card.stale().currentPassage());
            CardType type = CardType.of(card.type()).orElseThrow();
            CardCandidate best = best(card, type, chunk);
            if (best == null) {
                throw notRegenerable("The current passage holds nothing a " + type.label() + " card can be written"
                        + " from; keep the card as it is, edit it, or delete it.");
            }
            return new Rewrite(card, chunk, best);
        }).subscribeOn(jdbc).flatMap(rewrite -> {
            Card card = rewrite.card();
            RetrievedChunk chunk = rewrite.chunk();
            CardCandidate best = rewrite.best();
            CardType type = CardType.of(card.type()).orElseThrow();
            QuoteLocator.Span span = QuoteLocator.locate(best.quote(), chunk.text()).orElseThrow();
            Card.Anchor anchor = Anchors.anchor(chunk, span, card.anchor().resourceUrl());
            return cards.embed(CardText.content(type, best.front(), best.back(), best.text()))
                    .publishOn(jdbc)
                    .map(vector -> {
                        UUID id = UUID.fromString(card.id());
                        store.updateContent(learner.id(), id, type, best.front(), best.back(), best.text(), false,
                                vector, cards.modelId());
                        store.markRegenerated(learner.id(), id);
                        store.reanchor(id, anchor);
                        return cards.card(learner, cardId);
                    });
        });
    }

    /** A stale card, its current passage and the candidate that will replace its content. */
    private record Rewrite(Card card, RetrievedChunk chunk, CardCandidate best) {
    }

    /** The offline candidate of the card's type that is most about what the card was about. */
    private CardCandidate best(Card card, CardType type, RetrievedChunk chunk) {
        String old = CardText.content(type, card.front(), card.back(), card.text());
        List<String> terms = new ArrayList<>();
        if (card.text() != null) {
            terms.addAll(Cloze.answers(card.text()));
        }
        roadmaps.findTopic(card.topicId()).ifPresent(t -> terms.addAll(KeyTerms.of(t.topic().concepts())));
        List<CardCandidate> candidates = OfflineCards.write(List.of(chunk), terms, Set.of(), Set.of(type.label()));
        Set<String> wanted = Statements.terms(old);
        CardCandidate best = null;
        double bestScore = 0;
        for (CardCandidate c : candidates) {
            Set<String> written = Statements.terms(CardText.content(type, c.front(), c.back(), c.text()));
            double score = Statements.shared(written, wanted) + 0.1 * c.score();
            if (best == null || score > bestScore) {
                best = c;
                bestScore = score;
            }
        }
        return best;
    }

    private Card stale(Learner learner, String cardId) {
        Card card = cards.card(learner, cardId);
        if (card.stale() == null) {
            throw new ProblemException(HttpStatus.CONFLICT, ProblemType.CARD_NOT_STALE,
                    "This card is not stale: its quote is still in its source.");
        }
        return card;
    }

    private RetrievedChunk current(Card.Passage passage) {
        return passages.chunk(passage.chunkId()).orElseThrow(() -> new ProblemException(HttpStatus.CONFLICT,
                ProblemType.CARD_NOT_STALE, "The source changed again since this card was marked stale; reload it."));
    }

    private static ProblemException notRegenerable(String detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemType.CARD_NOT_REGENERABLE, detail);
    }
}
