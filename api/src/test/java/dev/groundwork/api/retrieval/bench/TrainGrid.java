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
 * The tuning grid, on the train split only: first BM25's k1 and b (full text alone), then the fusion's rrf-k and
 * text weight (dense weight fixed at 1: only their ratio changes the ranking) with those, fused over HNSW. Prints both
 * tables; returns the settings with the best train nDCG@10.
 */
final class TrainGrid {

    static final List<double[]> BM25 = List.of(new double[] {0.9, 0.4}, new double[] {1.2, 0.75},
            new double[] {1.2, 0.4}, new double[] {0.9, 0.75}, new double[] {1.5, 0.6});
    static final List<Integer> RRF_KS = List.of(10, 30, 60);
    static final List<Double> TEXT_WEIGHTS = List.of(0.25, 0.5, 0.75, 1.0);

    private TrainGrid() {
    }

    static RetrievalProperties tune(ApplicationContext context, RetrievalProperties base, Evaluation evaluation,
            Map<String, Map<String, Integer>> train) {
        System.out.println();
        System.out.printf("Train split (%d queries), HNSW. Dense alone: %s%n%n", train.size(),
                cells(evaluation.run(Retrievers.with(context, base), Mode.DENSE, false, train)));
        System.out.println("| full text alone: BM25 k1 | b | nDCG@10 | Recall@100 | ms p50 / p95 |");
        System.out.println("|---|---|---|---|---|");
        double[] bestBm25 = {base.bm25K1(), base.bm25B()};
        double best = -1;
        for (double[] bm25 : BM25) {
            RetrievalProperties settings = with(base, base.rrfK(), base.textWeight(), bm25);
            Score score = evaluation.run(Retrievers.with(context, settings), Mode.FULL_TEXT, false, train);
            System.out.printf(Locale.ROOT, "| %.2f | %.2f | %s |%n", bm25[0], bm25[1], cells(score));
            if (score.ndcg10() > best) {
                best = score.ndcg10();
                bestBm25 = bm25;
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "| fused (BM25 k1 %.2f, b %.2f): rrf-k | text weight (dense 1.0) | nDCG@10"
                + " | Recall@100 | ms p50 / p95 |%n", bestBm25[0], bestBm25[1]);
        System.out.println("|---|---|---|---|---|");
        RetrievalProperties chosen = base;
        best = -1;
        for (int rrfK : RRF_KS) {
            for (double textWeight : TEXT_WEIGHTS) {
                RetrievalProperties settings = with(base, rrfK, textWeight, bestBm25);
                Score score = evaluation.run(Retrievers.with(context, settings), Mode.FUSED, false, train);
                System.out.printf(Locale.ROOT, "| %d | %.2f | %s |%n", rrfK, textWeight, cells(score));
                if (score.ndcg10() > best) {
                    best = score.ndcg10();
                    chosen = settings;
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nBest on train: rrf-k %d, text weight %.2f, BM25 k1 %.2f b %.2f"
                + " (nDCG@10 %.4f)%n", chosen.rrfK(), chosen.textWeight(), chosen.bm25K1(), chosen.bm25B(), best);
        return chosen;
    }

    static String cells(Score score) {
        return String.format(Locale.ROOT, "%.4f | %.4f | %.1f / %.1f", score.ndcg10(), score.recall100(), score.p50(),
                score.p95());
    }

    private static RetrievalProperties with(RetrievalProperties p, int rrfK, double textWeight, double[] bm25) {
        return new RetrievalProperties(p.candidates(), p.results(), rrfK, 1.0, textWeight, bm25[0], bm25[1],
                p.mmrLambda(), p.duplicateSimilarity(), p.efSearch());
    }
}
