package dev.groundwork.api.openai;

import dev.groundwork.api.answer.AnswerEvents;
import dev.groundwork.api.openai.OpenAiResponses.ChatCompletion;
import dev.groundwork.api.openai.OpenAiResponses.Choice;
import dev.groundwork.api.openai.OpenAiResponses.Chunk;
import dev.groundwork.api.openai.OpenAiResponses.ChunkChoice;
import dev.groundwork.api.openai.OpenAiResponses.Delta;
import dev.groundwork.api.openai.OpenAiResponses.Groundwork;
import dev.groundwork.api.openai.OpenAiResponses.Message;
import dev.groundwork.api.openai.OpenAiResponses.Source;
import dev.groundwork.api.openai.OpenAiResponses.Usage;
import dev.groundwork.api.generation.TokenUsage;
import java.util.ArrayList;
import java.util.List;

/**
 * One chat completion being made from an answer's events: streamed as {@code chat.completion.chunk}s
 * ({@link #chunks}) or whole ({@link #accept} each event, then {@link #completion}). Not thread-safe: the events of
 * one answer arrive one at a time.
 */
final class Completion {

    private final String id;
    private final long created;
    private final String model;
    private final Conversation conversation;
    private final boolean includeUsage;
    private final StringBuilder text = new StringBuilder();
    private final List<AnswerEvents.Citation> citations = new ArrayList<>();
    private final List<AnswerEvents.Notice> notices = new ArrayList<>();
    private List<AnswerEvents.Source> sources = List.of();
    private AnswerEvents.Done done;

    /**
     * @param created      epoch seconds
     * @param model        the model as the client named it
     * @param includeUsage streaming only: end with a chunk that holds the usage and no choices
     */
    Completion(String id, long created, String model, Conversation conversation, boolean includeUsage) {
        this.id = id;
        this.created = created;
        this.model = model;
        this.conversation = conversation;
        this.includeUsage = includeUsage;
    }

    /** Takes in one event of the answer. */
    void accept(AnswerEvents.Event event) {
        if (event instanceof AnswerEvents.Sources found) {
            sources = found.sources();
        } else if (event instanceof AnswerEvents.Token token) {
            text.append(token.text());
        } else if (event instanceof AnswerEvents.Citation citation) {
            citations.add(citation);
        } else if (event instanceof AnswerEvents.Notice notice) {
            notices.add(notice);
        } else {
            done = (AnswerEvents.Done) event;
        }
    }

    /**
     * Takes in one event and returns the chunks it makes: the role first (on {@code sources}), one per text delta,
     * and on {@code done} the chunk with {@code finish_reason} {@code stop} and the {@code groundwork} field, then the
     * usage chunk when asked for.
     */
    List<Chunk> chunks(AnswerEvents.Event event) {
        accept(event);
        if (event instanceof AnswerEvents.Sources) {
            return List.of(chunk(new Delta("assistant", ""), null, null, null));
        }
        if (event instanceof AnswerEvents.Token token) {
            return List.of(chunk(new Delta(null, token.text()), null, null, null));
        }
        if (!(event instanceof AnswerEvents.Done)) {
            return List.of();
        }
        Chunk stop = chunk(new Delta(null, null), "stop", null, groundwork());
        return includeUsage
                ? List.of(stop, new Chunk(id, "chat.completion.chunk", created, model, List.of(), usage(), null))
                : List.of(stop);
    }

    /** The whole answer, once every event was taken in. */
    ChatCompletion completion() {
        return new ChatCompletion(id, "chat.completion", created, model,
                List.of(new Choice(0, new Message("assistant", text.toString(), null), "stop", null)), usage(),
                groundwork());
    }

    private Chunk chunk(Delta delta, String finishReason, Usage usage, Groundwork groundwork) {
        return new Chunk(id, "chat.completion.chunk", created, model,
                List.of(new ChunkChoice(0, delta, finishReason, null)), usage, groundwork);
    }

    private Groundwork groundwork() {
        return new Groundwork(done.mode(), done.model(), reported() == null,
                sources.stream().map(Source::of).toList(), List.copyOf(citations), done.unsupported(),
                done.droppedCitations(), List.copyOf(notices));
    }

    /**
     * The model's counts when it reported all three; otherwise estimated: the prompt is the messages and the
     * sources' text, the completion the answer's text.
     */
    private Usage usage() {
        TokenUsage reported = reported();
        if (reported != null) {
            return new Usage(reported.promptTokens(), reported.completionTokens(), reported.totalTokens());
        }
        List<String> prompt = new ArrayList<>(conversation.messageTexts());
        sources.forEach(source -> prompt.add(source.text()));
        int promptTokens = TokenEstimate.of(prompt);
        int completionTokens = TokenEstimate.of(text.toString());
        return new Usage(promptTokens, completionTokens, promptTokens + completionTokens);
    }

    private TokenUsage reported() {
        TokenUsage usage = done.usage();
        return usage != null && usage.promptTokens() != null && usage.completionTokens() != null
                && usage.totalTokens() != null ? usage : null;
    }
}
