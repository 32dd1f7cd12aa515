package dev.groundwork.api.flashcard;

import dev.groundwork.api.generation.KeyTerms;
import dev.groundwork.api.problem.NotFound;
import dev.groundwork.api.retrieval.Passages;
import dev.groundwork.api.retrieval.RetrievedChunk;
import dev.groundwork.api.retrieval.Retriever;
import dev.groundwork.api.retrieval.Scope;
import dev.groundwork.api.retrieval.SearchRequest;
import dev.groundwork.api.security.Learner;
import dev.groundwork.ingest.roadmap.Topic;
import dev.groundwork.ingest.store.RoadmapQueries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Finds what a topic's cards are written from: its roadmap concepts (and its subtopics'), which of them the learner
 * has no card on yet, and passages — first those that mention an uncovered concept, found by searching for each
 * concept line, then the passages most relevant to the topic as a whole. A topic whose own sources are thin (a book
 * without a link) has its concepts searched in the whole knowledge base, so it draws on other roadmaps' sources on the
 * same subject. Queries are embedded on {@code inference}; the searches run on {@code jdbc}.
 */
@Component
class MaterialFinder {

    private static final int CONCEPT_LINES = 12;
    private static final int PER_CONCEPT = 4;
    private static final int MAX_PASSAGES = 48;
    private static final int OPENINGS = 12;

    private final RoadmapQueries roadmaps;
    private final CardStore cards;
    private final Retriever retriever;
    private final Passages passages;
    private final CardProperties properties;
    private final Scheduler jdbc;
    private final Scheduler inference;

    MaterialFinder(RoadmapQueries roadmaps, CardStore cards, Retriever retriever, Passages passages,
            CardProperties properties, @Qualifier("jdbcScheduler") Scheduler jdbc,
            @Qualifier("inferenceScheduler") Scheduler inference) {
        this.roadmaps = roadmaps;
        this.cards = cards;
        this.retriever = retriever;
        this.passages = passages;
        this.properties = properties;
        this.jdbc = jdbc;
        this.inference = inference;
    }

    /** The topic, what the learner's cards on it cover, and the queries to search with. */
    private record Plan(String topicId, String title, List<String> concepts, Map<String, String> terms,
            Set<String> uncovered, List<String> queries, boolean thin) {
    }

    Mono<Material> find(Learner learner, CardStore.TopicRef topic, int count) {
        return Mono.fromCallable(() -> plan(learner, topic))
                .subscribeOn(jdbc)
                .flatMap(plan -> Mono.fromCallable(() -> plan.queries().stream().map(retriever::embedQuery).toList())
                        .subscribeOn(inference)
                        .publishOn(jdbc)
                        .map(vectors -> search(plan, vectors, count)));
    }

    private Plan plan(Learner learner, CardStore.TopicRef ref) {
        Topic topic = roadmaps.findTopic(ref.id().toString()).map(stored -> stored.topic())
                .orElseThrow(() -> new NotFound("topic", ref.id().toString()));
        List<String> concepts = new ArrayList<>(new LinkedHashSet<>(concepts(topic)));
        Map<String, String> terms = new LinkedHashMap<>();
        for (String line : concepts) {
            KeyTerms.of(line).forEach(term -> terms.putIfAbsent(term, line));
        }
        List<String> contents = cards.byTopic(learner.id(), ref.id(), false).stream()
                .map(card -> CardText.content(CardType.of(card.type()).orElseThrow(), card.front(), card.back(),
                        card.text()))
                .toList();
        Set<String> uncovered = new LinkedHashSet<>();
        for (String line : concepts) {
            boolean covered = terms.entrySet().stream().filter(e -> e.getValue().equals(line))
                    .anyMatch(e -> contents.stream().anyMatch(content -> KeyTerms.mentions(content, e.getKey())));
            if (!covered) {
                uncovered.add(line);
            }
        }
        List<String> queries = new ArrayList<>();
        queries.add(topic.title() + (concepts.isEmpty() ? "" : ": " + String.join("; ", concepts)));
        uncovered.stream().limit(CONCEPT_LINES).forEach(queries::add);
        boolean thin = passages.countOfSources(Scope.topic(ref.id().toString())) < properties.thinSources();
        return new Plan(ref.id().toString(), topic.title(), concepts, terms, uncovered, queries, thin);
    }

    private Material search(Plan plan, List<float[]> vectors, int count) {
        Map<String, RetrievedChunk> found = new LinkedHashMap<>();
        Scope own = Scope.topic(plan.topicId());
        // the concepts no card covers come first: passages that mention one of their terms
        for (int q = 1; q < plan.queries().size(); q++) {
            String line = plan.queries().get(q);
            List<String> lineTerms = plan.terms().entrySet().stream().filter(e -> e.getValue().equals(line))
                    .map(Map.Entry::getKey).toList();
            List<RetrievedChunk> hits = new ArrayList<>(search(line, vectors.get(q), own, PER_CONCEPT, false));
            if (plan.thin()) {
                hits.addAll(search(line, vectors.get(q), Scope.global(), PER_CONCEPT, false));
            }
            hits.stream().filter(chunk -> lineTerms.stream().anyMatch(term -> KeyTerms.mentions(text(chunk), term)))
                    .forEach(chunk -> found.putIfAbsent(chunk.id(), chunk));
            // a term the meaning-led search missed may still stand in the sources word for word
            for (String term : lineTerms) {
                if (found.values().stream().noneMatch(chunk -> KeyTerms.mentions(text(chunk), term))) {
                    literal(term, vectors.get(q), own, plan.thin()).forEach(chunk -> found.putIfAbsent(chunk.id(),
                            chunk));
                }
            }
        }
        // then where the topic's own sources open: a page usually says first what its subject is
        passages.openings(own, 2, OPENINGS).forEach(chunk -> found.putIfAbsent(chunk.id(), chunk));
        // then the passages most relevant to the topic as a whole
        int general = Math.max(12, 2 * count);
        search(plan.queries().get(0), vectors.get(0), own, general, true)
                .forEach(chunk -> found.putIfAbsent(chunk.id(), chunk));
        if (plan.thin()) {
            // beyond its own sources, only passages on the topic's subject: its concepts' or its title's terms
            List<String> subject = new ArrayList<>(plan.terms().keySet());
            subject.addAll(KeyTerms.ofTitle(plan.title()));
            search(plan.queries().get(0), vectors.get(0), Scope.global(), general, true).stream()
                    .filter(chunk -> subject.stream().anyMatch(term -> KeyTerms.mentions(text(chunk), term)))
                    .forEach(chunk -> found.putIfAbsent(chunk.id(), chunk));
        }
        List<RetrievedChunk> chosen = found.values().stream().limit(MAX_PASSAGES).toList();
        return new Material(plan.title(), plan.concepts(), plan.terms(), plan.uncovered(), chosen, plan.thin());
    }

    /** Passages that name {@code term} itself, found by full-text search: in the topic, or everywhere when thin. */
    private List<RetrievedChunk> literal(String term, float[] vector, Scope own, boolean thin) {
        List<RetrievedChunk> hits = new ArrayList<>();
        for (Scope scope : thin ? List.of(own, Scope.global()) : List.of(own)) {
            retriever.search(new SearchRequest(term, vector, scope, SearchRequest.Mode.FULL_TEXT, false,
                            PER_CONCEPT * 3, false)).stream()
                    .filter(chunk -> chunk.topicId() == null && KeyTerms.mentions(text(chunk), term))
                    .limit(2)
                    .forEach(hits::add);
        }
        return hits;
    }

    /** A search that leaves out roadmap texts: cards come from sources, not from the roadmap's own lines. */
    private List<RetrievedChunk> search(String query, float[] vector, Scope scope, int limit, boolean diversify) {
        return retriever.search(new SearchRequest(query, vector, scope, SearchRequest.Mode.FUSED, false, limit * 2,
                        diversify)).stream()
                .filter(chunk -> chunk.topicId() == null)
                .limit(limit)
                .toList();
    }

    private static String text(RetrievedChunk chunk) {
        return String.join(" ", chunk.headingPath()) + " " + chunk.text();
    }

    /** The concept lines of a topic and of its subtopics, in document order. */
    private static List<String> concepts(Topic topic) {
        List<String> lines = new ArrayList<>(topic.concepts());
        topic.children().forEach(child -> lines.addAll(concepts(child)));
        return lines;
    }
}
