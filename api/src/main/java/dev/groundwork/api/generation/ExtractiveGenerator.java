package dev.groundwork.api.generation;

import dev.groundwork.api.retrieval.RetrievedChunk;
import dev.groundwork.api.retrieval.Vectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.ai.embedding.EmbeddingModel;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Answers without a model: quotes the sentences of the sources that best answer the question — scored by embedding
 * similarity to the question plus the share of its content words they contain — without near-repeats, in the
 * order they appear in the sources, each cited. Says first that it is extracting, not generating. Embedding runs on
 * the bounded inference scheduler: the question once per answer, a chunk's statements once per chunk while the
 * sentence cache ({@link SentenceVectors}) holds them — or, with the cache off, the shortlisted statements once per
 * answer. The answer is the same either way.
 */
public class ExtractiveGenerator implements Generator {

    /** Opens every extractive answer. */
    public static final String NOTE = "_Offline mode: these sentences are quoted from your sources, not generated._";
    static final String NOTHING = "None of the passages found for this question answers it.";
    private static final int SHORTLIST = 40;

    private final EmbeddingModel model;
    private final Function<String, float[]> queries;
    private final GenerationProperties properties;
    private final Scheduler inference;
    private final SentenceVectors sentences;

    /**
     * @param queries   a question's query vector, blocking on the calling thread: the app's
     *                  {@link dev.groundwork.api.retrieval.QueryEmbedder#embedNow}, whose cache already holds the
     *                  question retrieval embedded
     * @param inference the bounded scheduler that embeds; {@link GenerationProperties#sentenceCacheVectors()} bounds
     *                  the statement vectors kept between questions (0: none)
     */
    public ExtractiveGenerator(EmbeddingModel model, Function<String, float[]> queries, GenerationProperties properties,
            Scheduler inference) {
        this.model = model;
        this.queries = queries;
        this.properties = properties;
        this.inference = inference;
        this.sentences = new SentenceVectors(model, properties.sentenceCacheVectors());
    }

    @Override
    public String mode() {
        return "extractive";
    }

    @Override
    public Flux<GenerationEvent> generate(GenerationRequest request) {
        return Mono.fromCallable(() -> answer(request.question(), request.sources()))
                .subscribeOn(inference)
                .flatMapMany(text -> Flux.fromIterable(words(text)))
                .<GenerationEvent>map(GenerationEvent.Token::new)
                .concatWithValues(new GenerationEvent.Completed(null, null));
    }

    /**
     * The whole answer text, with a {@code [n]} marker (1-based, into {@code sources}) after each quoted sentence.
     * Blocking and CPU-bound (embeds the question, and statements not cached yet): call it on the {@code inference}
     * scheduler.
     */
    public String answer(String question, List<RetrievedChunk> sources) {
        List<Scored> chosen = choose(question, sources);
        if (chosen.isEmpty()) {
            return NOTE + "\n\n" + NOTHING;
        }
        StringBuilder out = new StringBuilder(NOTE).append("\n\n");
        chosen.stream()
                .sorted(Comparator.comparingInt(Scored::source).thenComparingInt(s -> s.statement().start()))
                .forEach(s -> render(s, out));
        return out.toString().stripTrailing();
    }

    /** A quoted statement as a list item; a lead-in brings its list along, every line cited. */
    private static void render(Scored scored, StringBuilder out) {
        Statement statement = scored.statement();
        int n = scored.source();
        if (statement.kind() == Statement.Kind.LEAD_IN) {
            out.append("- ").append(cited(statement.leadIn(), n)).append('\n');
            statement.items().forEach(item -> out.append("  - ").append(cited(item, n)).append('\n'));
        } else {
            out.append("- ").append(cited(statement.text(), n)).append('\n');
        }
    }

    /** The text with the source's marker after each of its sentences, so that every claim is cited. */
    private static String cited(String text, int n) {
        String flat = Candidate.flat(text);
        StringBuilder out = new StringBuilder();
        java.text.BreakIterator breaks = java.text.BreakIterator.getSentenceInstance(java.util.Locale.ENGLISH);
        breaks.setText(flat);
        for (int start = breaks.first(), end = breaks.next(); end != java.text.BreakIterator.DONE;
                start = end, end = breaks.next()) {
            String sentence = flat.substring(start, end).strip();
            if (!sentence.isEmpty()) {
                out.append(out.isEmpty() ? "" : " ").append(sentence).append(" [").append(n).append(']');
            }
        }
        return out.toString();
    }

    /**
     * The statements that best answer: every quotable statement of the sources ({@link Candidate}) scored by the
     * share of the question's content words it holds — its section's headings count half — then the best by that
     * share ranked by the similarity of their embedding (section heading in front) to the question too.
     */
    private List<Scored> choose(String question, List<RetrievedChunk> sources) {
        Set<String> asked = Statements.terms(question);
        List<List<Candidate>> candidates = sentences.candidates(sources);
        List<Scored> all = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            for (Candidate candidate : candidates.get(i)) {
                // a prior for the retrieval rank breaks ties towards better sources
                all.add(new Scored(i + 1, candidate, candidate.overlap(asked) + 0.05 / (i + 1), 0));
            }
        }
        if (all.isEmpty()) {
            return List.of();
        }
        all.sort(Comparator.comparingDouble(Scored::overlap).reversed());
        List<Scored> shortlist = all.subList(0, Math.min(SHORTLIST, all.size()));
        float[] q = queryVector(question);
        List<float[]> vectors = vectors(shortlist);
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < shortlist.size(); i++) {
            Scored s = shortlist.get(i);
            Candidate candidate = s.candidate().vector() == null ? s.candidate().withVector(vectors.get(i))
                    : s.candidate();
            double similarity = Vectors.cosine(q, candidate.vector());
            scored.add(new Scored(s.source(), candidate, s.overlap(), 0.65 * similarity + 0.35 * s.overlap()));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed());
        List<Scored> chosen = new ArrayList<>();
        for (Scored candidate : scored) {
            if (chosen.size() == properties.extractSentences()) {
                break;
            }
            boolean repeats = chosen.stream().anyMatch(c -> Vectors.cosine(c.vector(), candidate.vector()) >= 0.92
                    || Statements.jaccard(c.terms(), candidate.terms()) >= 0.6 || overlaps(c, candidate));
            if (!repeats) {
                chosen.add(candidate);
            }
        }
        return chosen;
    }

    /**
     * The question as the embedding model expects a query: the one place an extractive answer embeds it. Blocking,
     * CPU-bound.
     */
    private float[] queryVector(String question) {
        return queries.apply(question);
    }

    /**
     * The shortlist's vectors: those the sentence cache holds, or — with the cache off — all embedded now, in one
     * call. Blocking, CPU-bound.
     */
    private List<float[]> vectors(List<Scored> shortlist) {
        if (sentences.enabled()) {
            return shortlist.stream().map(Scored::vector).toList();
        }
        return model.embed(shortlist.stream().map(s -> s.candidate().embedded()).toList());
    }

    /** The same text of the same source: a lead-in and one of its own items. */
    private static boolean overlaps(Scored a, Scored b) {
        return a.source() == b.source() && a.statement().start() < b.statement().end()
                && b.statement().start() < a.statement().end();
    }

    /** The text as stream tokens: words with the whitespace that follows them. */
    static List<String> words(String text) {
        List<String> tokens = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || (Character.isWhitespace(text.charAt(i - 1)) && !Character.isWhitespace(text.charAt(i)))) {
                tokens.add(text.substring(start, i));
                start = i;
            }
        }
        return tokens;
    }

    /** A candidate of source {@code source} (1-based) with its scores for this question. */
    private record Scored(int source, Candidate candidate, double overlap, double score) {

        Statement statement() {
            return candidate.statement();
        }

        Set<String> terms() {
            return candidate.terms();
        }

        float[] vector() {
            return candidate.vector();
        }
    }
}
