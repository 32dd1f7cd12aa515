package dev.groundwork.api.flashcard;

import dev.groundwork.api.generation.CardCandidate;
import dev.groundwork.api.generation.KeyTerms;
import dev.groundwork.api.problem.ProblemException;
import dev.groundwork.api.retrieval.RetrievedChunk;
import dev.groundwork.api.retrieval.Vectors;
import dev.groundwork.api.security.Learner;
import dev.groundwork.ingest.embed.EmbeddingModels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The gate every generated card passes before it is stored, whoever wrote it: it names a passage it was given; its
 * content has a card's shape; its quote occurs in that passage ({@link QuoteLocator}); the quote supports its answer
 * ({@link SupportCheck}); and it duplicates neither a card the learner has in the roadmap (same normalised text, or
 * embedding cosine over {@link CardProperties#duplicateSimilarity()}) nor one written earlier in the same run.
 * Embedding runs on {@code inference}, the store on {@code jdbc}.
 */
@Component
class CardChecks {

    static final int MAX_GENERATED_FRONT = 400;
    static final int MAX_GENERATED_BACK = 800;

    private final CardStore store;
    private final CardService cards;
    private final EmbeddingModel model;
    private final String modelId;
    private final CardProperties properties;
    private final SupportCheck support = SupportCheck.DEFAULT;
    private final Scheduler jdbc;
    private final Scheduler inference;

    CardChecks(CardStore store, CardService cards, EmbeddingModel model, CardProperties properties,
            @Qualifier("jdbcScheduler") Scheduler jdbc, @Qualifier("inferenceScheduler") Scheduler inference) {
        this.store = store;
        this.cards = cards;
        this.model = model;
        this.modelId = EmbeddingModels.id(model);
        this.properties = properties;
        this.jdbc = jdbc;
        this.inference = inference;
    }

    Batch batch(Learner learner, CardStore.TopicRef topic, Material material) {
        return new Batch(learner, topic, material);
    }

    /** {@code skipped}: a candidate that was not stored, and why. */
    record Skipped(String front, String reason, String detail) {
    }

    /** The checks of one generation run, with what it accepted so far. Used by one event at a time. */
    final class Batch {

        private final Learner learner;
        private final CardStore.TopicRef topic;
        private final Material material;
        private final List<String> keys = new ArrayList<>();
        private final List<float[]> vectors = new ArrayList<>();
        private final Map<String, Integer> perChunk = new HashMap<>();
        private final Map<String, Integer> perType = new HashMap<>();
        private final Set<String> quoted = new HashSet<>();
        private final Set<String> coveredNow = new HashSet<>();
        private int accepted;
        private int skipped;

        Batch(Learner learner, CardStore.TopicRef topic, Material material) {
            this.learner = learner;
            this.topic = topic;
            this.material = material;
        }

        int accepted() {
            return accepted;
        }

        int skipped() {
            return skipped;
        }

        UUID topicId() {
            return topic.id();
        }

        int fromChunk(String chunkId) {
            return perChunk.getOrDefault(chunkId, 0);
        }

        int ofType(String type) {
            return perType.getOrDefault(type, 0);
        }

        /** Whether a card accepted in this run already teaches the concept line of {@code term}. */
        boolean coveredNow(String term) {
            return term != null && coveredNow.contains(material.terms().get(term));
        }

        Flux<ServerSentEvent<Object>> skip(String front, String reason, String detail) {
            skipped++;
            return Flux.just(CardGeneration.event("skipped", new Skipped(front == null ? "" : front, reason, detail)));
        }

        /** Checks one candidate; stores it and answers {@code card}, or answers {@code skipped}. */
        Flux<ServerSentEvent<Object>> check(CardCandidate candidate, List<RetrievedChunk> passages, String writer) {
            return Flux.defer(() -> {
                String label = candidate.label();
                if (candidate.passage() < 1 || candidate.passage() > passages.size()) {
                    return skip(label, "quote-not-found", "It names passage " + candidate.passage()
                            + ", which it was not given.");
                }
                RetrievedChunk passage = passages.get(candidate.passage() - 1);
                Optional<CardType> type = CardType.of(candidate.type());
                if (type.isEmpty()) {
                    return skip(label, "low-quality", "Its type '" + candidate.type() + "' is not a card type.");
                }
                CardDraft shape = new CardDraft(type.get(), candidate.front(), candidate.back(), candidate.text(),
                        "generated", writer, null, null);
                Optional<String> malformed = malformed(shape);
                if (malformed.isPresent()) {
                    return skip(label, "low-quality", malformed.get());
                }
                Optional<QuoteLocator.Span> span = QuoteLocator.locate(candidate.quote(), passage.text());
                if (span.isEmpty()) {
                    return skip(label, "quote-not-found", "Its quote is not in passage " + candidate.passage() + ".");
                }
                Card.Anchor anchor = Anchors.anchor(passage, span.get(), passage.url());
                CardDraft draft = new CardDraft(shape.type(), shape.front(), shape.back(), shape.text(), "generated",
                        writer, anchor, new CardDraft.AnchorOwner(passage.documentId(), passage.topicId()));
                String claim = SupportCheck.claim(draft.type(), draft.back(), draft.text());
                return Mono.fromCallable(() -> model.embed(List.of(claim, anchor.quote(), draft.content())))
                        .subscribeOn(inference)
                        .publishOn(jdbc)
                        .flatMapMany(embedded -> decide(candidate, draft, passage, embedded));
            });
        }

        private Flux<ServerSentEvent<Object>> decide(CardCandidate candidate, CardDraft draft, RetrievedChunk passage,
                List<float[]> embedded) {
            String label = candidate.label();
            SupportCheck.Verdict verdict = support.judge(draft.type(), draft.front(), draft.back(), draft.text(),
                    draft.anchor().quote(), String.join(" ", passage.headingPath()) + " " + passage.text(),
                    embedded.get(0), embedded.get(1));
            if (!verdict.supported()) {
                return skip(label, "unsupported", "Its quote does not support it: " + verdict.reason() + ".");
            }
            float[] vector = embedded.get(2);
            String key = CardText.key(draft.content());
            Card.Anchor anchor = draft.anchor();
            String span = anchor.chunkId() + "@" + anchor.start() + "-" + anchor.end();
            if (quoted.contains(span)) {
                return skip(label, "duplicate", "Its quote already gave a card in this run.");
            }
            for (int i = 0; i < keys.size(); i++) {
                if (keys.get(i).equals(key) || Vectors.cosine(vectors.get(i), vector) >= properties.duplicateSimilarity()) {
                    return skip(label, "duplicate", "It repeats a card written earlier in this run.");
                }
            }
            Optional<CardStore.Duplicate> existing = store.duplicateOf(learner.id(), topic.roadmapId(), draft.content(),
                    anchor, vector, modelId, properties.duplicateSimilarity());
            if (existing.isPresent()) {
                return skip(label, "duplicate", existing.get().deleted()
                        ? "It matches a card you deleted." : "It matches a card you already have in this roadmap.");
            }
            Card card = store.insert(learner.id(), topic, draft, vector, modelId);
            accepted++;
            quoted.add(span);
            keys.add(key);
            vectors.add(vector);
            perChunk.merge(passage.id(), 1, Integer::sum);
            perType.merge(draft.type().label(), 1, Integer::sum);
            String content = draft.content();
            material.terms().forEach((term, line) -> {
                if (KeyTerms.mentions(content, term)) {
                    coveredNow.add(line);
                }
            });
            return Flux.just(CardGeneration.event("card", card));
        }

        private Optional<String> malformed(CardDraft draft) {
            try {
                cards.validate(draft);
            } catch (ProblemException e) {
                return Optional.of(e.getMessage());
            }
            if (draft.front() != null && draft.front().length() > MAX_GENERATED_FRONT) {
                return Optional.of("Its front is longer than " + MAX_GENERATED_FRONT + " characters.");
            }
            if (draft.back() != null && draft.back().length() > MAX_GENERATED_BACK) {
                return Optional.of("Its back is longer than " + MAX_GENERATED_BACK + " characters.");
            }
            if (draft.type() != CardType.CLOZE && CardText.key(draft.front()).equals(CardText.key(draft.back()))) {
                return Optional.of("Its front and back say the same.");
            }
            return Optional.empty();
        }
    }
}
