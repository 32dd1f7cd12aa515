package dev.groundwork.api.generation;

import dev.groundwork.api.retrieval.RetrievedChunk;
import java.util.List;

/** For benchmarks outside this package: the texts an extractive answer embeds for the statements of a chunk. */
public final class CandidateTexts {

    private CandidateTexts() {
    }

    public static List<String> of(RetrievedChunk chunk) {
        return Candidate.of(chunk).stream().map(Candidate::embedded).toList();
    }
}
