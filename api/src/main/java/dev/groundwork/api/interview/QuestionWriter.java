package dev.groundwork.api.interview;

import dev.groundwork.api.generation.ExtractiveGenerator;
import dev.groundwork.api.generation.KeyTerms;
import dev.groundwork.api.generation.Statement;
import dev.groundwork.api.generation.Statements;
import dev.groundwork.api.interview.Rubric.Anchor;
import dev.groundwork.api.interview.Rubric.Point;
import dev.groundwork.api.interview.Rubric.Reference;
import dev.groundwork.api.interview.Subjects.Subject;
import dev.groundwork.api.retrieval.Passages;
import dev.groundwork.api.retrieval.RetrievedChunk;
import dev.groundwork.api.retrieval.Retriever;
import dev.groundwork.api.retrieval.Scope;
import dev.groundwork.api.retrieval.SearchRequest;
import dev.groundwork.api.retrieval.Vectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Writes one grounded question for a roadmap line, or none when the sources cannot support it. The passages come from
 * the topic's own fetched sources (never the roadmap's own text: that is what is asked about), and — for a topic whose
 * own sources are thin — from the whole knowledge base, kept only when they mention the line's or the topic's terms. The rubric is the 3–6 statements of those passages that best answer
 * the question (the shared sentence-quality filter; scored by similarity to the question and the share of the line's
 * words they hold, words of the passage's headings counting half; no near-repeats), each anchored to its passage. The reference answer is the extractive answer over
 * the rubric's passages. Queries and statements are embedded on {@code inference}; searches run on {@code jdbc}.
 */
@Component
class QuestionWriter {

    static final int MIN_POINTS = 3;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(QuestionWriter.class);
    private static final int OWN_PASSAGES = 8;
    private static final int GLOBAL_PASSAGES = 12;
    private static final int SHORTLIST = 30;
    private static final int PER_PASSAGE = 3;
    private static final java.util.regex.Pattern ACRONYM = java.util.regex.Pattern.compile("\\b\\p{Lu}{2,}\\b");

    private final Retriever retriever;
    private final Passages passages;
    private final EmbeddingModel model;
    private final ExtractiveGenerator extractive;
    private final InterviewProperties properties;
    private final Scheduler jdbc;
    private final Scheduler inference;

    QuestionWriter(Retriever retriever, Passages passages, EmbeddingModel model, ExtractiveGenerator extractive,
            InterviewProperties properties, @Qualifier("jdbcScheduler") Scheduler jdbc,
            @Qualifier("inferenceScheduler") Scheduler inference) {
        this.retriever = retriever;
        this.passages = passages;
        this.model = model;
        this.extractive = extractive;
        this.properties = properties;
        this.jdbc = jdbc;
        this.inference = inference;
    }

    /** A question ready to be stored. */
    record Planned(Subject subject, String kind, String level, String text, List<Point> rubric, Reference reference,
            boolean broadened) {
    }

    /** The passages found for a line: the topic's own, and beyond it when the topic is thin. */
    private record Found(List<RetrievedChunk> own, List<RetrievedChunk> beyond, float[] query) {
    }

    /** Which topics are thin, remembered for one session's planning. */
    final class Thinness {
        private final Map<String, Boolean> thin = new ConcurrentHashMap<>();

        boolean of(String topicId) {
            return thin.computeIfAbsent(topicId,
                    id -> passages.countOfSources(Scope.topic(id)) < properties.thinSources());
        }
    }

    Thinness thinness() {
        return new Thinness();
    }

    /** The question for {@code subject}, or empty when its sources cannot support {@value #MIN_POINTS} points. */
    Mono<Planned> write(Subject subject, String kind, String level, Thinness thinness) {
        String text = QuestionShapes.question(subject.line(), subject.origin(), kind, level);
        String query = subject.topicTitle() + ": " + QuestionShapes.subject(subject.line());
        return Mono.fromCallable(() -> retriever.embedQuery(query))
                .subscribeOn(inference)
                .publishOn(jdbc)
                .map(vector -> find(subject, query, vector, thinness))
                .publishOn(inference)
                .flatMap(found -> Mono.justOrEmpty(plan(subject, kind, level, text, found)));
    }

    private Found find(Subject subject, String query, float[] vector, Thinness thinness) {
        // the roadmap's own words are what is asked about, not what answers it: only fetched sources are material
        List<RetrievedChunk> own = retriever.search(new SearchRequest(query, vector, Scope.topic(subject.topicId()),
                        SearchRequest.Mode.FUSED, false, 2 * OWN_PASSAGES, true)).stream()
                .filter(chunk -> chunk.topicId() == null).limit(OWN_PASSAGES).toList();
        List<RetrievedChunk> beyond = List.of();
        if (own.size() < OWN_PASSAGES / 2 || thinness.of(subject.topicId())) {
            List<String> terms = new ArrayList<>(KeyTerms.of(QuestionShapes.subject(subject.line())));
            terms.addAll(KeyTerms.ofTitle(subject.topicTitle()));
            // an acronym names the subject by itself: "RAG" of "RAG Architecture"
            java.util.regex.Matcher acronyms = ACRONYM.matcher(subject.line() + " " + subject.topicTitle());
            while (acronyms.find()) {
                terms.add(acronyms.group());
            }
            Set<String> ownIds = new HashSet<>(own.stream().map(RetrievedChunk::id).toList());
            beyond = retriever.search(new SearchRequest(query, vector, Scope.global(), SearchRequest.Mode.FUSED, false,
                            2 * GLOBAL_PASSAGES, true)).stream()
                    .filter(chunk -> chunk.topicId() == null && !ownIds.contains(chunk.id()))
                    .filter(chunk -> terms.stream().anyMatch(term -> KeyTerms.mentions(chunk.text(), term)))
                    .limit(OWN_PASSAGES)
                    .toList();
        }
        return new Found(own, beyond, vector);
    }

    private record Candidate(RetrievedChunk chunk, int rank, Statement statement, Set<String> terms, double overlap,
            String embedded) {
    }

    private record Chosen(Candidate candidate, float[] vector, double score) {
    }

    private Optional<Planned> plan(Subject subject, String kind, String level, String text, Found found) {
        List<RetrievedChunk> all = new ArrayList<>(found.own());
        all.addAll(found.beyond());
        List<Point> rubric = rubric(subject, text, all, found.query(), pointsFor(level));
        log.debug("Line '{}' of topic {}: {} own and {} further passages, {} rubric points", subject.line(),
                subject.topicId(), found.own().size(), found.beyond().size(), rubric.size());
        if (rubric.size() < MIN_POINTS) {
            return Optional.empty();
        }
        Map<String, RetrievedChunk> used = new LinkedHashMap<>();
        for (Point point : rubric) {
            all.stream().filter(c -> c.id().equals(point.anchor().chunkId())).findFirst()
                    .ifPresent(chunk -> used.putIfAbsent(chunk.id(), chunk));
        }
        List<RetrievedChunk> sources = List.copyOf(used.values());
        String answer = extractive.answer(text, sources);
        Reference reference = new Reference(answer, sources.stream().map(c -> Anchor.of(c, c.snippet(240))).toList());
        Set<String> beyondIds = new HashSet<>(found.beyond().stream().map(RetrievedChunk::id).toList());
        boolean broadened = sources.stream().anyMatch(c -> beyondIds.contains(c.id()));
        return Optional.of(new Planned(subject, kind, level, text, rubric, reference, broadened));
    }

    /** More points for a more senior question: junior 3, mid 4, senior 5, staff 6. */
    static int pointsFor(String level) {
        return MIN_POINTS + Math.max(0, QuestionShapes.LEVELS.indexOf(level));
    }

    /** The statements that best answer the question, in reading order. Blocking and CPU-bound. */
    List<Point> rubric(Subject subject, String question, List<RetrievedChunk> chunks, float[] query, int max) {
        Set<String> lineTerms = Statements.terms(QuestionShapes.subject(subject.line()));
        Set<String> topicTerms = new HashSet<>(lineTerms);
        topicTerms.addAll(Statements.terms(String.join(" ", KeyTerms.ofTitle(subject.topicTitle()))));
        Set<String> wanted = lineTerms.isEmpty() ? topicTerms : lineTerms;
        List<Candidate> candidates = new ArrayList<>();
        for (int rank = 0; rank < chunks.size(); rank++) {
            RetrievedChunk chunk = chunks.get(rank);
            String heading = chunk.headingPath().isEmpty() ? "" : chunk.headingPath()
                    .get(chunk.headingPath().size() - 1) + ": ";
            // a passage under "CAP theorem › CP - consistency and partition tolerance" is about CAP in every sentence
            Set<String> headings = Statements.terms(String.join(" ", chunk.headingPath()));
            for (Statement statement : pointable(chunk)) {
                Set<String> terms = Statements.terms(statement.text());
                Set<String> fromHeadings = new HashSet<>(headings);
                fromHeadings.removeAll(terms);
                if (Statements.shared(topicTerms, terms) + Statements.shared(topicTerms, fromHeadings) == 0) {
                    continue;
                }
                double overlap = wanted.isEmpty() ? 0 : (Statements.shared(wanted, terms)
                        + 0.5 * Statements.shared(wanted, fromHeadings)) / wanted.size();
                candidates.add(new Candidate(chunk, rank, statement, terms, overlap + 0.05 / (rank + 1),
                        heading + flat(statement.text())));
            }
        }
        if (candidates.size() < MIN_POINTS) {
            return List.of();
        }
        candidates.sort(Comparator.comparingDouble(Candidate::overlap).reversed());
        List<Candidate> shortlist = candidates.subList(0, Math.min(SHORTLIST, candidates.size()));
        List<float[]> vectors = model.embed(shortlist.stream().map(Candidate::embedded).toList());
        List<Chosen> scored = new ArrayList<>();
        for (int i = 0; i < shortlist.size(); i++) {
            double similarity = Vectors.cosine(query, vectors.get(i));
            scored.add(new Chosen(shortlist.get(i), vectors.get(i), 0.65 * similarity + 0.35 * shortlist.get(i)
                    .overlap()));
        }
        scored.sort(Comparator.comparingDouble(Chosen::score).reversed());
        List<Chosen> chosen = new ArrayList<>();
        for (Chosen next : scored) {
            if (chosen.size() == max) {
                break;
            }
            long fromSamePassage = chosen.stream().filter(c -> c.candidate().chunk() == next.candidate().chunk())
                    .count();
            boolean repeats = chosen.stream().anyMatch(c -> Vectors.cosine(c.vector(), next.vector()) >= 0.9
                    || Statements.jaccard(c.candidate().terms(), next.candidate().terms()) >= 0.6);
            if (!repeats && fromSamePassage < PER_PASSAGE) {
                chosen.add(next);
            }
        }
        return chosen.stream()
                .sorted(Comparator.comparingInt((Chosen c) -> c.candidate().rank())
                        .thenComparingInt(c -> c.candidate().statement().start()))
                .map(c -> {
                    Statement s = c.candidate().statement();
                    return new Point(flat(s.text()), s.kind() == Statement.Kind.TERM_DEFINITION ? s.term() : null,
                            Anchor.of(c.candidate().chunk(), s.text()));
                })
                .toList();
    }

    /**
     * The statements of a passage that can be a rubric point: quotable sentences and definitions, and the items of a
     * list a sentence introduces ("… two of the following guarantees:" then "Consistency - Every read receives the most
     * recent write or an error") when an item says something by itself — as a definition or a sentence of six words or
     * more, verbatim in the passage.
     */
    static List<Statement> pointable(RetrievedChunk chunk) {
        List<Statement> out = new ArrayList<>();
        for (Statement statement : Statements.of(chunk)) {
            if (!statement.ok()) {
                continue;
            }
            if (statement.kind() == Statement.Kind.SENTENCE || statement.kind() == Statement.Kind.TERM_DEFINITION) {
                out.add(statement);
            } else if (statement.kind() == Statement.Kind.LEAD_IN) {
                for (int i = 0; i < statement.items().size(); i++) {
                    String item = statement.items().get(i).strip();
                    int at = chunk.text().indexOf(item, statement.start());
                    String term = i < statement.itemTerms().size() ? statement.itemTerms().get(i) : "";
                    if (at < 0 || (term.isEmpty() && item.split("\\s+").length < 6)) {
                        continue;
                    }
                    out.add(new Statement(term.isEmpty() ? Statement.Kind.SENTENCE : Statement.Kind.TERM_DEFINITION,
                            item, at, at + item.length(), term.isEmpty() ? null : term, null, null, null, null,
                            Statement.Quality.OK));
                }
            }
        }
        return out;
    }

    /** A statement's text on one line; the anchor keeps the verbatim text. */
    static String flat(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
