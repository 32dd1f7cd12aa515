package dev.groundwork.api.flashcard;

import dev.groundwork.api.generation.CardCandidate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Picks offline candidates one at a time so that the cards spread: a candidate on a concept that a card of this run
 * already teaches loses its concept bonus, each card of a type makes the next of that type a little less likely, and
 * no passage gives more than its fair share — the wanted count spread over the passages that have candidates, raised
 * by one only when every passage left has given that much.
 * Not thread-safe: one per run.
 */
final class Selection {

    /** What a concept bonus is worth once a card of this run covers that concept. */
    private static final double COVERED = 2.2;
    private static final double PER_TYPE = 0.6;

    private final List<CardCandidate> left;
    private final Material material;
    private int fairShare;

    Selection(List<CardCandidate> candidates, Material material, int wanted) {
        this.left = new ArrayList<>(candidates);
        this.material = material;
        Set<Integer> passages = new HashSet<>();
        candidates.forEach(c -> passages.add(c.passage()));
        this.fairShare = passages.isEmpty() ? 1 : Math.max(1, (int) Math.ceil(wanted / (double) passages.size()));
    }

    /**
     * The best candidate left for this run, or {@code null} when none is left. When every passage with candidates
     * left has given its share, each may give one more: the cards stay spread as evenly as the passages allow.
     */
    CardCandidate next(CardChecks.Batch batch) {
        CardCandidate best = pick(batch);
        while (best == null && !left.isEmpty()) {
            fairShare++;
            best = pick(batch);
        }
        left.remove(best);
        return best;
    }

    private CardCandidate pick(CardChecks.Batch batch) {
        CardCandidate best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (CardCandidate candidate : left) {
            String chunkId = material.passages().get(candidate.passage() - 1).id();
            if (batch.fromChunk(chunkId) >= fairShare) {
                continue;
            }
            double score = candidate.score() - (batch.coveredNow(candidate.concept()) ? COVERED : 0)
                    - PER_TYPE * batch.ofType(candidate.type());
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        return best;
    }
}
