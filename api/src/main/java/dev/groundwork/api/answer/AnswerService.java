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
 */
@Service
class AnswerService {

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

    /** What an answer starts from, once the scope is known and the sources are found. */
    private record Asked(UUID learnerId, String question, String standalone, Scope scope, UUID conversationId,
            List<Turn> history, List<RetrievedChunk> sources, long startNanos) {
    }

    Flux<ServerSentEvent<Object>> answer(AnswerRequest request, Learner learner) {
        long start = System.nanoTime();
        String question = request.question().strip();
        return Mono.fromCallable(() -> prepare(request, learner, question, start))
                .subscribeOn(jdbc)
                .flatMap(asked -> standalone(asked).flatMap(standalone -> retriever.retrieve(standalone, asked.scope())
                        .map(sources -> {
                            log.debug("Retrieved {} sources in {} ms", sources.size(),
                                    (System.nanoTime() - start) / 1_000_000);
                            return new Asked(asked.learnerId(), question, standalone, asked.scope(),
                                    asked.conversationId(),
                                    asked.history(), sources, start);
                        })))
                .flatMapMany(asked -> Flux.merge(stream(asked), heartbeats())
                        .takeUntil(event -> "done".equals(event.event()) || "failed".equals(event.event())));
    }

    private Asked prepare(AnswerRequest request, Learner learner, String question, long start) {
        Scope scope;
        if (present(request.topicId())) {
            roadmaps.findTopic(request.topicId()).orElseThrow(() -> new NotFound("topic", request.topicId()));
            scope = Scope.topic(request.topicId());
        } else if (present(request.roadmapId())) {
            roadmaps.find(request.roadmapId()).orElseThrow(() -> new NotFound("roadmap", request.roadmapId()));
            scope = Scope.roadmap(request.roadmapId());
        } else {
            scope = Scope.global();
        }
        UUID conversation = present(request.conversationId())
                ? UUID.fromString(request.conversationId()) : UUID.randomUUID();
        List<Turn> history = present(request.conversationId())
                ? conversations.lastTurns(learner.id(), conversation, properties.historyTurns()) : List.of();
        return new Asked(learner.id(), question, question, scope, conversation, history, List.of(), start);
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

    private Flux<ServerSentEvent<Object>> stream(Asked asked) {
        return Flux.defer(() -> {
            Answer answer = new Answer(asked);
            Generator primary = generators.llm().<Generator>map(llm -> llm).orElse(generators.extractive());
            answer.mode = primary.mode();
            List<Source> numbered = new ArrayList<>();
            for (int i = 0; i < asked.sources().size(); i++) {
                numbered.add(Source.of(i + 1, asked.sources().get(i)));
            }
            Flux<ServerSentEvent<Object>> body = answer.events(primary);
            if (primary != generators.extractive()) {
                body = body.onErrorResume(e -> answer.fallBack(e, generators.extractive()));
            }
            return Flux.just(event("sources", new Sources(answer.mode, asked.conversationId().toString(), numbered)))
                    .concatWith(body)
                    .concatWith(Mono.fromCallable(answer::finish).subscribeOn(jdbc))
                    .onErrorResume(e -> Flux.just(failed(e)));
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

        Flux<ServerSentEvent<Object>> events(Generator generator) {
            GenerationRequest request = new GenerationRequest(asked.question(), asked.sources(), asked.history());
            return generator.generate(request).concatMapIterable(this::toEvents);
        }

        Flux<ServerSentEvent<Object>> fallBack(Throwable failure, Generator extractive) {
            log.warn("The model failed; answering extractively: {}", failure.toString());
            mode = extractive.mode();
            completed = null;
            Flux<ServerSentEvent<Object>> notice = Flux.just(event("notice", new Notice("fallback",
                    "The model did not answer (" + reason(failure) + "); the answer is extracted from your sources"
                            + " instead.")));
            Flux<ServerSentEvent<Object>> separator = citations.isEmpty()
                    ? Flux.empty() : Flux.fromIterable(toEvents(new GenerationEvent.Token("\n\n")));
            return notice.concatWith(separator).concatWith(events(extractive));
        }

        private List<ServerSentEvent<Object>> toEvents(GenerationEvent generated) {
            if (generated instanceof GenerationEvent.Completed done) {
                completed = done;
                return List.of();
            }
            String text = ((GenerationEvent.Token) generated).text();
            if (firstTokenMs == null) {
                firstTokenMs = (System.nanoTime() - asked.startNanos()) / 1_000_000;
            }
            List<ServerSentEvent<Object>> events = new ArrayList<>();
            events.add(event("token", new Token(text)));
            for (int n : citations.append(text)) {
                events.add(event("citation", new Citation(n, asked.sources().get(n - 1).id())));
            }
            return events;
        }

        /** Saves the turn (blocking JDBC) and makes the {@code done} event. */
        ServerSentEvent<Object> finish() {
            conversations.append(asked.learnerId(), asked.conversationId(), asked.question(), asked.standalone(), citations.text());
            long latency = (System.nanoTime() - asked.startNanos()) / 1_000_000;
            Done done = new Done(mode, completed == null ? null : completed.model(),
                    completed == null ? null : completed.usage(), latency, firstTokenMs,
                    asked.conversationId().toString(), citations.unsupported(), citations.dropped());
            log.debug("Answered in {} ms ({}, {} sources)", latency, mode, asked.sources().size());
            return event("done", done);
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
        return event("failed", new FailedProblem(ProblemType.INTERNAL.uri().toString(), ProblemType.INTERNAL.title(),
                500, "The answer could not be completed. Try again; if it keeps failing, the server log has the details."));
    }

    /** The {@code failed} event's data: a problem detail's fields. */
    record FailedProblem(String type, String title, int status, String detail) {
    }

    private static ServerSentEvent<Object> event(String name, Object data) {
        return ServerSentEvent.builder(data).event(name).build();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
