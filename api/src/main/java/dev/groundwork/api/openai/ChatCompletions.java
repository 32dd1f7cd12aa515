package dev.groundwork.api.openai;

import dev.groundwork.api.answer.AnswerEvents;
import dev.groundwork.api.answer.AnswerService;
import dev.groundwork.api.answer.Question;
import dev.groundwork.api.openai.OpenAiResponses.ChatCompletion;
import dev.groundwork.api.openai.OpenAiResponses.Chunk;
import dev.groundwork.api.problem.NotFound;
import dev.groundwork.api.security.Learner;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Chat completions over the answer pipeline: the request's model picks the scope, its last user message is the
 * question and the messages before it the history ({@link Conversation}); {@link AnswerService#ask} answers without
 * storing anything. Problems found before the answer starts (bad request, unknown model) are errors of the returned
 * publisher; cancelling it cancels the answer, including a model request.
 */
@Service
class ChatCompletions {

    private final AnswerService answers;
    private final OpenAiProperties properties;
    private final Clock clock;

    ChatCompletions(AnswerService answers, OpenAiProperties properties, Clock clock) {
        this.answers = answers;
        this.properties = properties;
        this.clock = clock;
    }

    /** The whole answer as one {@code chat.completion}. */
    Mono<ChatCompletion> complete(ChatRequest request, Learner learner) {
        return Mono.defer(() -> {
            Conversation conversation = conversation(request);
            Completion completion = start(request, conversation);
            return answer(request, conversation, learner).doOnNext(completion::accept)
                    .then(Mono.fromSupplier(completion::completion));
        });
    }

    /** The answer as {@code chat.completion.chunk}s, the last with {@code finish_reason} {@code stop} (and usage). */
    Flux<Chunk> stream(ChatRequest request, Learner learner) {
        return Flux.defer(() -> {
            Conversation conversation = conversation(request);
            Completion completion = start(request, conversation);
            return answer(request, conversation, learner).concatMapIterable(completion::chunks);
        });
    }

    private Completion start(ChatRequest request, Conversation conversation) {
        return new Completion("chatcmpl-" + UUID.randomUUID(), clock.instant().getEpochSecond(), request.model(),
                conversation, request.includeUsage());
    }

    private Flux<AnswerEvents.Event> answer(ChatRequest request, Conversation conversation, Learner learner) {
        String roadmapId = ModelCatalog.roadmapOf(request.model());
        return answers.ask(new Question(conversation.question(), roadmapId, conversation.history()), learner)
                .onErrorMap(NotFound.class, e -> OpenAiException.modelNotFound(request.model()));
    }

    private Conversation conversation(ChatRequest request) {
        if (request.model() == null || request.model().isBlank()) {
            throw OpenAiException.invalid("missing_required_parameter",
                    "'model' is required: groundwork, or groundwork/<roadmap-id> (GET /v1/models lists them).");
        }
        return Conversation.of(request.messages(), properties.maxQuestionLength());
    }
}
