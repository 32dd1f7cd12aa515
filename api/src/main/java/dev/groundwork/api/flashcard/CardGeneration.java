package dev.groundwork.api.flashcard;

import dev.groundwork.api.flashcard.CardRequests.Generate;
import dev.groundwork.api.generation.CardCandidate;
import dev.groundwork.api.generation.Generators;
import dev.groundwork.api.generation.KeyTerms;
import dev.groundwork.api.generation.LlmCardWriter;
import dev.groundwork.api.generation.OfflineCards;
import dev.groundwork.api.problem.NotFound;
import dev.groundwork.api.problem.ProblemException;
import dev.groundwork.api.problem.ProblemType;
import dev.groundwork.api.retrieval.RetrievedChunk;
import dev.groundwork.api.security.Learner;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Generates a topic's cards as a stream of events. Before the first event (failures here are HTTP problems): the
 * request is checked, the topic found and the material gathered ({@link MaterialFinder}). Then the model writes cards
 * (or, offline or when the model fails, {@link OfflineCards} does) and each candidate is checked in turn
 * ({@link CardChecks}): accepted ones are stored and sent as {@code card}, the others as {@code skipped}; {@code done}
 * (or {@code failed}) ends the stream. Stops once enough cards were accepted, or when the client goes away — which
 * also closes the model request.
 */
@Service
class CardGeneration {

    static final List<String> ALL_TYPES = List.of("basic", "reversed", "cloze");
    private static final int MODEL_PASSAGES = 12;
    private static final Logger log = LoggerFactory.getLogger(CardGeneration.class);

    private final CardService cards;
    private final MaterialFinder material;
    private final CardChecks checks;
    private final Generators generators;
    private final CardProperties properties;
    private final Scheduler jdbc;

    CardGeneration(CardService cards, MaterialFinder material, CardChecks checks, Generators generators,
            CardProperties properties, @Qualifier("jdbcScheduler") Scheduler jdbc) {
        this.cards = cards;
        this.material = material;
        this.checks = checks;
        this.generators = generators;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    Flux<ServerSentEvent<Object>> generate(Learner learner, String topicId, Generate request) {
        long start = System.nanoTime();
        int count = request == null || request.count() == null ? 10 : request.count();
        if (count < 1 || count > properties.maxGenerate()) {
            return Flux.error(
                    ProblemException.badRequest("count must be between 1 and " + properties.maxGenerate() + "."));
        }
        Set<String> types = new LinkedHashSet<>();
        for (String type : request == null || request.types() == null || request.types().isEmpty()
                ? ALL_TYPES : request.types()) {
            String label = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
            if (!ALL_TYPES.contains(label)) {
                return Flux.error(ProblemException.badRequest("types may hold basic, reversed and cloze; got '" + type
                        + "'."));
            }
            types.add(label);
        }
        return Mono.fromCallable(() -> {
                    CardStore.TopicRef topic = cards.topic(topicId);
                    if (topic.archived()) {
                        throw new NotFound("topic", topicId);
                    }
                    return topic;
                })
                .subscribeOn(jdbc)
                .flatMap(topic -> material.find(learner, topic, count)
                        .map(found -> new Run(learner, topic, found, count, types, start)))
                .flatMapMany(run -> Flux.merge(run.events(), heartbeats())
                        .takeUntil(event -> "done".equals(event.event()) || "failed".equals(event.event())));
    }

    private Flux<ServerSentEvent<Object>> heartbeats() {
        return Flux.interval(properties.heartbeat()).map(tick -> ServerSentEvent.builder().comment("heartbeat").build());
    }

    /** One generation in progress. Touched by one event at a time. */
    private final class Run {

        private final CardChecks.Batch batch;
        private final Material found;
        private final int count;
        private final Set<String> types;
        private final long start;
        private String mode = "extractive";
        private String model;

        Run(Learner learner, CardStore.TopicRef topic, Material found, int count, Set<String> types, long start) {
            this.batch = checks.batch(learner, topic, found);
            this.found = found;
            this.count = count;
            this.types = types;
            this.start = start;
        }

        Flux<ServerSentEvent<Object>> events() {
            if (found.passages().isEmpty()) {
                return Flux.just(event("notice", new Notice("no-sources", "There is nothing to write cards from yet:"
                        + " this topic has no ingested sources, and the knowledge base has nothing on its concepts."
                        + " Wait for ingestion to finish, or add cards by hand.")), done());
            }
            Flux<ServerSentEvent<Object>> body = generators.cards().map(this::withModel).orElseGet(() -> offline(count));
            return body.concatWith(Mono.fromSupplier(this::done)).onErrorResume(e -> Flux.just(failed(e)));
        }

        private Flux<ServerSentEvent<Object>> withModel(LlmCardWriter writer) {
            mode = "llm";
            List<RetrievedChunk> passages = found.passages().subList(0, Math.min(MODEL_PASSAGES,
                    found.passages().size()));
            List<String> concepts = new ArrayList<>(found.uncovered());
            found.concepts().stream().filter(c -> !found.uncovered().contains(c)).forEach(concepts::add);
            Flux<ServerSentEvent<Object>> cards = passages.isEmpty() ? Flux.empty()
                    : writer.write(found.topicTitle(), concepts, passages, count, types)
                            .concatMap(line -> {
                                if (line instanceof LlmCardWriter.Written written) {
                                    model = written.model() == null ? model : written.model();
                                    return batch.check(written.candidate(), passages, model);
                                }
                                return batch.skip(null, "low-quality", "The model wrote a line that is not a card: "
                                        + ((LlmCardWriter.Malformed) line).text());
                            }, 0)
                            .takeUntil(event -> batch.accepted() >= count);
            return cards.onErrorResume(failure -> {
                log.warn("The model failed while writing cards; writing them offline: {}", failure.toString());
                mode = "extractive";
                return Flux.just(event("notice", new Notice("fallback", "The model did not answer ("
                        + reason(failure) + "); the remaining cards are written from your sources offline.")))
                        .concatWith(Flux.defer(() -> offline(count - batch.accepted())));
            });
        }

        private Flux<ServerSentEvent<Object>> offline(int wanted) {
            if (wanted <= 0) {
                return Flux.empty();
            }
            return Mono.fromCallable(() -> new Selection(onSubject(OfflineCards.write(found.passages(),
                            found.keyTerms(), found.uncoveredTerms(), types)), found, wanted))
                    .subscribeOn(jdbc)
                    .flatMapMany(selection -> next(selection, wanted));
        }

        /**
         * A topic that drew on the whole knowledge base keeps only candidates on its subject: the rest of a passage
         * found for one of its concepts is often about something else ("Rabobank is one of the largest banks").
         */
        private List<CardCandidate> onSubject(List<CardCandidate> candidates) {
            if (!found.broadened()) {
                return candidates;
            }
            List<String> subject = found.subject();
            return candidates.stream().filter(c -> subject.stream().anyMatch(term -> KeyTerms.mentions(
                    String.join(" ", c.label(), c.back() == null ? "" : c.back(), c.quote()), term))).toList();
        }

        /** Checks the next candidate, then the one after, until enough were accepted or none is left. */
        private Flux<ServerSentEvent<Object>> next(Selection selection, int wanted) {
            int target = batch.accepted() + wanted;
            return Flux.defer(() -> {
                CardCandidate candidate = batch.accepted() >= target ? null : selection.next(batch);
                if (candidate == null) {
                    return Flux.empty();
                }
                return batch.check(candidate, found.passages(), null)
                        .concatWith(Flux.defer(() -> next(selection, target - batch.accepted())));
            });
        }

        private ServerSentEvent<Object> done() {
            long ms = (System.nanoTime() - start) / 1_000_000;
            log.info("Generated cards for topic {}: {} accepted, {} skipped in {} ms ({})", batch.topicId(),
                    batch.accepted(), batch.skipped(), ms, mode);
            return event("done", new Done(mode, "llm".equals(mode) ? model : null, batch.accepted(), batch.skipped(),
                    ms));
        }
    }

    /** {@code notice}: something the reader should know. */
    record Notice(String kind, String message) {
    }

    /** {@code done}: the generation is over. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    record Done(String mode, String model, int accepted, int skipped, long durationMs) {
    }

    /** The {@code failed} event's data: a problem detail's fields. */
    record Failed(String type, String title, int status, String detail) {
    }

    private static ServerSentEvent<Object> failed(Throwable e) {
        log.error("Card generation failed", e);
        return event("failed", new Failed(ProblemType.INTERNAL.uri().toString(), ProblemType.INTERNAL.title(), 500,
                "The cards could not be generated. Try again; if it keeps failing, the server log has the details."));
    }

    private static String reason(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return "timeout";
        }
        String name = failure.getClass().getSimpleName();
        return name.isEmpty() ? "error" : name;
    }

    static ServerSentEvent<Object> event(String name, Object data) {
        return ServerSentEvent.builder(data).event(name).build();
    }
}
