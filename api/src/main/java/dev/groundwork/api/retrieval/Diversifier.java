package dev.groundwork.api.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Collapses near-duplicate candidates, then picks a diverse subset by maximal marginal relevance. */
final class Diversifier {

    private Diversifier() {
    }

    /**
     * @param ranked              candidates, best first
     * @param limit               how many to pick
     * @param lambda              relevance versus novelty (1 = relevance only)
     * @param duplicateSimilarity cosine at or above which a candidate duplicates a better one; same content hash too
     */
    static List<Candidate> diversify(List<Candidate> ranked, int limit, double lambda, double duplicateSimilarity) {
        List<Candidate> distinct = new ArrayList<>();
        for (Candidate candidate : ranked) {
            boolean duplicate = distinct.stream().anyMatch(kept ->
                    (candidate.contentHash != null && Objects.equals(kept.contentHash, candidate.contentHash))
                            || Vectors.cosine(kept.embedding, candidate.embedding) >= duplicateSimilarity);
            if (!duplicate) {
                distinct.add(candidate);
            }
        }
        if (distinct.isEmpty()) {
            return distinct;
        }
        double best = distinct.get(0).score;
        List<Candidate> chosen = new ArrayList<>();
        List<Candidate> left = new ArrayList<>(distinct);
        while (chosen.size() < limit && !left.isEmpty()) {
            Candidate pick = null;
            double pickValue = Double.NEGATIVE_INFINITY;
            for (Candidate candidate : left) {
                double relevance = best > 0 ? candidate.score / best : 0;
                double redundancy = 0;
                for (Candidate already : chosen) {
                    redundancy = Math.max(redundancy, Vectors.cosine(already.embedding, candidate.embedding));
                }
                double value = lambda * relevance - (1 - lambda) * redundancy;
                if (value > pickValue) {
                    pickValue = value;
                    pick = candidate;
                }
            }
            chosen.add(pick);
            left.remove(pick);
        }
        return chosen;
    }
}
