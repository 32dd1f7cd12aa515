package dev.groundwork.api.flashcard;

import dev.groundwork.api.flashcard.CardRequests.Generate;
import dev.groundwork.api.flashcard.CardRequests.NewCard;
import dev.groundwork.api.flashcard.CardRequests.Patch;
import dev.groundwork.api.security.Learner;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The learner's flashcards over HTTP: per topic and per roadmap, one card, hand-written cards, edits, deletion, a
 * card's source passage, the two ways out of a stale card, and generation as a stream of server-sent events. Every
 * request acts for the current {@link Learner}; another learner's card answers 404 like an unknown one.
 */
@RestController
class CardController {

    private final CardService cards;
    private final CardGeneration generation;
    private final StaleCards stale;

    CardController(CardService cards, CardGeneration generation, StaleCards stale) {
        this.cards = cards;
        this.generation = generation;
        this.stale = stale;
    }

    @GetMapping("/api/topics/{id}/cards")
    Mono<List<Card>> topicCards(@PathVariable String id, @RequestParam(defaultValue = "false") boolean stale,
            Learner learner) {
        return cards.byTopic(learner, id, stale);
    }

    @GetMapping("/api/roadmaps/{id}/cards")
    Mono<CardPage> roadmapCards(@PathVariable String id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size, @RequestParam(defaultValue = "false") boolean stale,
            Learner learner) {
        return cards.byRoadmap(learner, id, page, size, stale);
    }

    @GetMapping("/api/roadmaps/{id}/cards/counts")
    Mono<CardCounts> counts(@PathVariable String id, Learner learner) {
        return cards.counts(learner, id);
    }

    @PostMapping(path = "/api/topics/{id}/cards", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Card>> create(@PathVariable String id, @RequestBody NewCard request, Learner learner) {
        return cards.create(learner, id, request).map(card -> ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/cards/" + card.id())).body(card));
    }

    @PostMapping(path = "/api/topics/{id}/cards/generate", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> generate(@PathVariable String id, @RequestBody(required = false) Generate request,
            Learner learner) {
        return generation.generate(learner, id, request);
    }

    @GetMapping("/api/cards/{id}")
    Mono<Card> card(@PathVariable String id, Learner learner) {
        return cards.find(learner, id);
    }

    @PatchMapping(path = "/api/cards/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Card> update(@PathVariable String id, @RequestBody Patch patch, Learner learner) {
        return cards.update(learner, id, patch);
    }

    @DeleteMapping("/api/cards/{id}")
    Mono<ResponseEntity<Void>> delete(@PathVariable String id, Learner learner) {
        return cards.delete(learner, id).thenReturn(ResponseEntity.noContent().build());
    }

    @GetMapping("/api/cards/{id}/source")
    Mono<CardService.Source> source(@PathVariable String id, Learner learner) {
        return cards.source(learner, id);
    }

    @PostMapping("/api/cards/{id}/stale/keep")
    Mono<Card> keep(@PathVariable String id, Learner learner) {
        return stale.keep(learner, id);
    }

    @PostMapping("/api/cards/{id}/stale/regenerate")
    Mono<Card> regenerate(@PathVariable String id, Learner learner) {
        return stale.regenerate(learner, id);
    }
}
