package dev.groundwork.api.answer;

import dev.groundwork.api.answer.AnswerEvents.Citation;
import dev.groundwork.api.answer.AnswerEvents.Done;
import dev.groundwork.api.answer.AnswerEvents.Notice;
import dev.groundwork.api.answer.AnswerEvents.Source;
import dev.groundwork.api.answer.AnswerEvents.Sources;
import dev.groundwork.api.answer.AnswerEvents.Token;
import dev.groundwork.api.generation.GenerationEvent;
import dev.groundwork.api.generation.GenerationRequest;
import dev.groundwork.api.generation.GenerationRequest.Turn;
import dev.groundwork.api.generation.Generator;
import dev.groundwork.api.generation.Generators;
import dev.groundwork.api.problem.NotFound;
import dev.groundwork.api.problem.ProblemType;
import dev.groundwork.api.retrieval.RetrievedChunk;
import dev.groundwork.api.retrieval.Retriever;
import dev.groundwork.api.retrieval.Scope;
import dev.groundwork.api.security.Learner;
import dev.groundwork.ingest.store.RoadmapQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Answers a question as a stream of events. Before the first event (problems here become HTTP problem details):
 * the scope is checked and the conversation read on the {@code jdbc} scheduler, a follow-up is rewritten to stand
 * alone, and the sources are retrieved. Then: {@code sources}, the generator's tokens with a {@code citation}
 * after each valid marker, a {@code notice} and the extractive answer if the model fails, the turn saved, and
 * {@code done} with the citation check — or {@code failed}. Heartbeat comments keep the connection open.
 *
 * <p>{@link #ask} is the same answer as values, for a caller that keeps the conversation itself: nothing stored.
 */
@Service
public class AnswerService {

    private static final Logger log = LoggerFactory.getLogger(AnswerService.class);

    private final RoadmapQueries roadmaps;
    private final ConversationStore conversations;
    private final Retriever retriever;
    private final Generators generators;
    private final AnswerProperties properties;
    private final Scheduler jdbc;

    AnswerService(RoadmapQueries roadmaps, ConversationStore conversations, Retriever retriever,
            Generators generators, AnswerProperties properties, @Qualifier("jdbcScheduler") Scheduler jdbc) {
        this.roadmaps = roadmaps;
        this.conversations = conversations;
        this.retriever = retriever;
        this.generators = generators;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    /**
     * What an answer starts from, once the scope is known and the sources are found. {@code conversationId} is
     * {@code null} when the turn is not stored.
     */
    private record Asked(UUID learnerId, String question, String standalone, Scope scope, UUID conversationId,
            List<Turn> history, List<RetrievedChunk> sources, long startNanos) {
    }

    Flux<ServerSentEvent<Object>> answer(AnswerRequest request, Learner learner) {
        long start = System.nanoTime();
        String question = request.question().strip();
        return retrieved(Mono.fromCallable(() -> prepare(request, learner, question, start)).subscribeOn(jdbc))
                .flatMapMany(asked -> Flux.merge(stream(asked).map(AnswerService::event)
                                .onErrorResume(e -> Flux.just(failed(e))), heartbeats())
                        .takeUntil(event -> "done".equals(event.event()) || "failed".equals(event.event())));
    }

    /**
     * Answers {@code question} with the history it brings, storing nothing: {@link AnswerEvents.Sources} first,
     * {@link AnswerEvents.Done} last. An unknown roadmap is a {@link NotFound} before the first event; a failure
     * after it ends the stream with that error (the model's failures fall back to extraction first). Cancelling
     * the subscription cancels the work, including the model request. Never blocks the subscribing thread.
     */
    public Flux<AnswerEvents.Event> ask(Question question, Learner learner) {
        long start = System.nanoTime();
        String text = question.text().strip();
        List<Turn> history = question.history().subList(
                Math.max(0, question.history().size() - properties.historyTurns()), question.history().size());
        return retrieved(Mono.fromCallable(() -> new Asked(learner.id(), text, text, scope(null, question.roadmapId()),
                        null, history, List.of(), start)).subscribeOn(jdbc))
                .flatMapMany(this::stream);
    }

    /** The prepared question made standalone and its sources retrieved. */
    private Mono<Asked> retrieved(Mono<Asked> prepared) {
        return prepared.flatMap(asked -> standalone(asked).flatMap(standalone -> retriever.retrieve(standalone,
                        asked.scope())
                .map(sources -> {
                    log.debug("Retrieved {} sources in {} ms", sources.size(),
                            (System.nanoTime() - asked.startNanos()) / 1_000_000);
                    return new Asked(asked.learnerId(), asked.question(), standalone, asked.scope(),
                            asked.conversationId(), asked.history(), sources, asked.startNanos());
                })));
    }

    private Asked prepare(AnswerRequest request, Learner learner, String question, long start) {
        Scope scope = scope(request.topicId(), request.roadmapId());
        UUID conversation = present(request.conversationId())
                ? UUID.fromString(request.conversationId()) : UUID.randomUUID();
        List<Turn> history = present(request.conversationId())
                ? conversations.lastTurns(learner.id(), conversation, properties.historyTurns()) : List.of();
        return new Asked(learner.id(), question, question, scope, conversation, history, List.of(), start);
    }

    /** The scope a topic or roadmap id names (blocking: checks it exists), else everything. */
    private Scope scope(String topicId, String roadmapId) {
        if (present(topicId)) {
            roadmaps.findTopic(topicId).orElseThrow(() -> new NotFound("topic", topicId));
            return Scope.topic(topicId);
        }
        if (present(roadmapId)) {
            roadmaps.find(roadmapId).orElseThrow(() -> new NotFound("roadmap", roadmapId));
            return Scope.roadmap(roadmapId);
        }
        return Scope.global();
    }

    /**
     * The question to search with: as asked, or for a follow-up rewritten by the model; offline (or if the model
     * fails) the previous question is prepended, which carries the subject a follow-up leaves out.
     */
    private Mono<String> standalone(Asked asked) {
        if (asked.history().isEmpty()) {
            return Mono.just(asked.question());
        }
        String previous = asked.history().get(asked.history().size() - 1).question();
        return generators.llm()
                .map(llm -> llm.condense(asked.history(), asked.question())
                        .onErrorResume(e -> {
                            log.warn("Could not condense a follow-up question: {}", e.toString());
                            return Mono.empty();
                        }))
                .orElse(Mono.empty())
                .defaultIfEmpty(previous + " " + asked.question());
    }

    /** The answer's events once its sources are known; a failure ends the stream with the error. */
    private Flux<AnswerEvents.Event> stream(Asked asked) {
        return Flux.defer(() -> {
            Answer answer = new Answer(asked);
            Generator primary = generators.llm().<Generator>map(llm -> llm).orElse(generators.extractive());
            answer.mode = primary.mode();
            List<Source> numbered = new ArrayList<>();
            for (int i = 0; i < asked.sources().size(); i++) {
                numbered.add(Source.of(i + 1, asked.sources().get(i)));
            }
            Flux<AnswerEvents.Event> body = answer.events(primary);
            if (primary != generators.extractive()) {
                body = body.onErrorResume(e -> answer.fallBack(e, generators.extractive()));
            }
            Mono<Done> done = Mono.fromCallable(answer::finish);
            return Flux.<AnswerEvents.Event>just(new Sources(answer.mode, idOf(asked.conversationId()), numbered))
                    .concatWith(body)
                    .concatWith(asked.conversationId() == null ? done : done.subscribeOn(jdbc));
        });
    }

    private Flux<ServerSentEvent<Object>> heartbeats() {
        return Flux.interval(properties.heartbeat()).map(tick -> ServerSentEvent.builder().comment("heartbeat").build());
    }

    /** One answer in progress: its text, citations, mode and timing. Touched by one event at a time. */
    private final class Answer {

        private final Asked asked;
        private final Citations citations;
        private String mode;
        private GenerationEvent.Completed completed;
        private Long firstTokenMs;

        Answer(Asked asked) {
            this.asked = asked;
            this.citations = new Citations(asked.sources().size());
        }

        Flux<AnswerEvents.Event> events(Generator generator) {
            GenerationRequest request = new GenerationRequest(asked.question(), asked.sources(), asked.history());
            return generator.generate(request).concatMapIterable(this::toEvents);
        }

        Flux<AnswerEvents.Event> fallBack(Throwable failure, Generator extractive) {
            log.warn("The model failed; answering extractively: {}", failure.toString());
            mode = extractive.mode();
            completed = null;
            Flux<AnswerEvents.Event> notice = Flux.just(new Notice("fallback",
                    "The model did not answer (" + reason(failure) + "); the answer is extracted from your sources"
                            + " instead."));
            Flux<AnswerEvents.Event> separator = citations.isEmpty()
                    ? Flux.empty() : Flux.fromIterable(toEvents(new GenerationEvent.Token("\n\n")));
            return notice.concatWith(separator).concatWith(events(extractive));
        }

        private List<AnswerEvents.Event> toEvents(GenerationEvent generated) {
            if (generated instanceof GenerationEvent.Completed done) {
                completed = done;
                return List.of();
            }
            String text = ((GenerationEvent.Token) generated).text();
            if (firstTokenMs == null) {
                firstTokenMs = (System.nanoTime() - asked.startNanos()) / 1_000_000;
            }
            List<AnswerEvents.Event> events = new ArrayList<>();
            events.add(new Token(text));
            for (int n : citations.append(text)) {
                events.add(new Citation(n, asked.sources().get(n - 1).id()));
            }
            return events;
        }

        /** Saves the turn when the conversation is stored (blocking JDBC) and makes the {@code done} event. */
        Done finish() {
            if (asked.conversationId() != null) {
                conversations.append(asked.learnerId(), asked.conversationId(), asked.question(), asked.standalone(),
                        citations.text());
            }
            long latency = (System.nanoTime() - asked.startNanos()) / 1_000_000;
            log.debug("Answered in {} ms ({}, {} sources)", latency, mode, asked.sources().size());
            return new Done(mode, completed == null ? null : completed.model(),
                    completed == null ? null : completed.usage(), latency, firstTokenMs,
                    idOf(asked.conversationId()), citations.unsupported(), citations.dropped());
        }
    }

    private static String reason(Throwable failure) {
        if (failure instanceof java.util.concurrent.TimeoutException) {
            return "timeout";
        }
        String name = failure.getClass().getSimpleName();
        return name.isEmpty() ? "error" : name;
    }

    private static ServerSentEvent<Object> failed(Throwable e) {
        log.error("Answer stream failed", e);
        return ServerSentEvent.<Object>builder(new FailedProblem(ProblemType.INTERNAL.uri().toString(), ProblemType.INTERNAL.title(),
                500, "The answer could not be completed. Try again; if it keeps failing, the server log has the details."))
                .event("failed").build();
    }

    /** The {@code failed} event's data: a problem detail's fields. */
    record FailedProblem(String type, String title, int status, String detail) {
    }

    /** An answer event as a server-sent event named after its kind. */
    private static ServerSentEvent<Object> event(AnswerEvents.Event data) {
        String name = data instanceof Sources ? "sources" : data instanceof Token ? "token"
                : data instanceof Citation ? "citation" : data instanceof Notice ? "notice" : "done";
        return ServerSentEvent.<Object>builder(data).event(name).build();
    }

    private static String idOf(UUID conversationId) {
        return conversationId == null ? null : conversationId.toString();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
