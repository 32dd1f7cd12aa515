package dev.groundwork.api.generation;

import dev.groundwork.api.retrieval.RetrievedChunk;
import dev.groundwork.api.retrieval.Vectors;
import dev.groundwork.ingest.embed.EmbeddingModels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.ai.embedding.EmbeddingModel;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Answers without a model: quotes the sentences of the sources that best answer the question — scored by embedding
 * similarity to the question plus the share of its content words they contain — without near-repeats, in the
 * order they appear in the sources, each cited. Says first that it is extracting, not generating. Sentence
 * embedding runs on the bounded inference scheduler.
 */
public class ExtractiveGenerator implements Generator {

    /** Opens every extractive answer. */
    public static final String NOTE = "_Offline mode: these sentences are quoted from your sources, not generated._";
    static final String NOTHING = "None of the passages found for this question answers it.";
    private static final int SHORTLIST = 40;

    private final EmbeddingModel model;
    private final GenerationProperties properties;
    private final Scheduler inference;

    public ExtractiveGenerator(EmbeddingModel model, GenerationProperties properties, Scheduler inference) {
        this.model = model;
        this.properties = properties;
        this.inference = inference;
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

    /** The whole answer text. Blocking and CPU-bound (embeds the shortlisted sentences). */
    String answer(String question, List<RetrievedChunk> sources) {
        List<Scored> chosen = choose(question, sources);
        if (chosen.isEmpty()) {
            return NOTE + "\n\n" + NOTHING;
        }
        StringBuilder out = new StringBuilder(NOTE).append("\n\n");
        chosen.stream()
                .sorted(Comparator.comparingInt(Scored::source).thenComparingInt(Scored::position))
                .forEach(s -> out.append("- ").append(s.text()).append(" [").append(s.source()).append("]\n"));
        return out.toString().stripTrailing();
    }

    private List<Scored> choose(String question, List<RetrievedChunk> sources) {
        Set<String> asked = Sentences.terms(question);
        List<Scored> all = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            List<String> sentences = Sentences.of(sources.get(i).text());
            for (int p = 0; p < sentences.size(); p++) {
                Set<String> terms = Sentences.terms(sentences.get(p));
                double overlap = asked.isEmpty() ? 0 : intersection(asked, terms) / (double) asked.size();
                // a prior for the retrieval rank breaks ties towards better sources
                all.add(new Scored(i + 1, p, sentences.get(p), terms, overlap + 0.05 / (i + 1), null, 0));
            }
        }
        if (all.isEmpty()) {
            return List.of();
        }
        all.sort(Comparator.comparingDouble(Scored::overlap).reversed());
        List<Scored> shortlist = all.subList(0, Math.min(SHORTLIST, all.size()));
        float[] q = EmbeddingModels.embedQuery(model, question);
        List<float[]> vectors = model.embed(shortlist.stream().map(Scored::text).toList());
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < shortlist.size(); i++) {
            Scored s = shortlist.get(i);
            double similarity = Vectors.cosine(q, vectors.get(i));
            scored.add(new Scored(s.source(), s.position(), s.text(), s.terms(), s.overlap(), vectors.get(i),
                    0.65 * similarity + 0.35 * s.overlap()));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed());
        List<Scored> chosen = new ArrayList<>();
        for (Scored candidate : scored) {
            if (chosen.size() == properties.extractSentences()) {
                break;
            }
            boolean repeats = chosen.stream().anyMatch(c -> Vectors.cosine(c.vector(), candidate.vector()) >= 0.92
                    || jaccard(c.terms(), candidate.terms()) >= 0.6);
            if (!repeats) {
                chosen.add(candidate);
            }
        }
        return chosen;
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

    private static int intersection(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return both.size();
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        return intersection(a, b) / (double) union.size();
    }

    private record Scored(int source, int position, String text, Set<String> terms, double overlap, float[] vector,
            double score) {
    }
}
