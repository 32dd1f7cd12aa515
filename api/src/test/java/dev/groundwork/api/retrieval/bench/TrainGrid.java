package dev.groundwork.api.retrieval.bench;

import dev.groundwork.api.retrieval.RetrievalProperties;
import dev.groundwork.api.retrieval.Retrievers;
import dev.groundwork.api.retrieval.SearchRequest.Mode;
import dev.groundwork.api.retrieval.bench.Evaluation.Score;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationContext;

/**
 * The tuning grid, on the train split only: first the {@code ts_rank_cd} normalisation (full text alone), then the
 * fusion's rrf-k and text weight (dense weight fixed at 1: only their ratio changes the ranking) with that
 * normalisation, fused over HNSW. Prints both tables; returns the settings with the best train nDCG@10.
 */
final class TrainGrid {

    static final List<Integer> NORMALIZATIONS = List.of(0, 1, 2, 4, 16);
    static final List<Integer> RRF_KS = List.of(10, 30, 60);
    static final List<Double> TEXT_WEIGHTS = List.of(0.05, 0.1, 0.25, 0.5);

    private TrainGrid() {
    }

    static RetrievalProperties tune(ApplicationContext context, RetrievalProperties base, Evaluation evaluation,
            Map<String, Map<String, Integer>> train) {
        System.out.println();
        System.out.printf("Train split (%d queries), HNSW. Dense alone: %s%n%n", train.size(),
                cells(evaluation.run(Retrievers.with(context, base), Mode.DENSE, false, train)));
        System.out.println("| full text alone: ts_rank_cd normalisation | nDCG@10 | Recall@100 | ms/query |");
        System.out.println("|---|---|---|---|");
        int bestNormalization = base.textNormalization();
        double best = -1;
        for (int normalization : NORMALIZATIONS) {
            RetrievalProperties settings = with(base, base.rrfK(), base.textWeight(), normalization);
            Score score = evaluation.run(Retrievers.with(context, settings), Mode.FULL_TEXT, false, train);
            System.out.printf("| %d | %s |%n", normalization, cells(score));
            if (score.ndcg10() > best) {
                best = score.ndcg10();
                bestNormalization = normalization;
            }
        }
        System.out.println();
        System.out.printf("| fused (normalisation %d): rrf-k | text weight (dense 1.0) | nDCG@10 | Recall@100"
                + " | ms/query |%n", bestNormalization);
        System.out.println("|---|---|---|---|---|");
        RetrievalProperties chosen = base;
        best = -1;
        for (int rrfK : RRF_KS) {
            for (double textWeight : TEXT_WEIGHTS) {
                RetrievalProperties settings = with(base, rrfK, textWeight, bestNormalization);
                Score score = evaluation.run(Retrievers.with(context, settings), Mode.FUSED, false, train);
                System.out.printf(Locale.ROOT, "| %d | %.2f | %s |%n", rrfK, textWeight, cells(score));
                if (score.ndcg10() > best) {
                    best = score.ndcg10();
                    chosen = settings;
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nBest on train: rrf-k %d, text weight %.2f, normalisation %d (nDCG@10 %.4f)%n",
                chosen.rrfK(), chosen.textWeight(), chosen.textNormalization(), best);
        return chosen;
    }

    static String cells(Score score) {
        return String.format(Locale.ROOT, "%.4f | %.4f | %.1f", score.ndcg10(), score.recall100(), score.msPerQuery());
    }

    private static RetrievalProperties with(RetrievalProperties p, int rrfK, double textWeight, int normalization) {
        return new RetrievalProperties(p.candidates(), p.results(), rrfK, 1.0, textWeight, normalization,
                p.mmrLambda(), p.duplicateSimilarity(), p.efSearch());
    }
}
