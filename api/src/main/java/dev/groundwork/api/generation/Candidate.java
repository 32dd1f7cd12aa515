package dev.groundwork.api.generation;

import dev.groundwork.api.retrieval.RetrievedChunk;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A statement of a chunk that an extractive answer may quote, with everything its scoring needs that does not depend
 * on the question — so that it can be read, and embedded, once per chunk.
 *
 * @param statement    the quotable statement
 * @param embedded     the text whose vector is compared with the question: the section heading, then the statement
 * @param terms        the statement's content words ({@link Statements#terms})
 * @param headingTerms the content words of the chunk's headings that the statement does not hold itself
 * @param vector       the embedding of {@code embedded}, or {@code null} while it is not embedded
 */
record Candidate(Statement statement, String embedded, Set<String> terms, Set<String> headingTerms, float[] vector) {

    /** Every quotable statement of the chunk (the shared quality filter; list items only with their lead-in). */
    static List<Candidate> of(RetrievedChunk chunk) {
        Set<String> headings = Statements.terms(String.join(" ", chunk.headingPath()));
        String context = chunk.headingPath().isEmpty() ? ""
                : chunk.headingPath().get(chunk.headingPath().size() - 1) + ": ";
        List<Candidate> candidates = new ArrayList<>();
        for (Statement statement : Statements.of(chunk)) {
            if (!statement.ok() || statement.kind() == Statement.Kind.ITEM) {
                continue;
            }
            Set<String> terms = Statements.terms(statement.text());
            Set<String> fromHeadings = new HashSet<>(headings);
            fromHeadings.removeAll(terms);
            candidates.add(new Candidate(statement, context + flat(statement.text()),
                    Collections.unmodifiableSet(terms), Collections.unmodifiableSet(fromHeadings), null));
        }
        return candidates;
    }

    /**
     * The share of the question's content words ({@code asked}) the statement holds, its headings' words counting
     * half; 0 for a question without content words.
     */
    double overlap(Set<String> asked) {
        if (asked.isEmpty()) {
            return 0;
        }
        int own = Statements.shared(asked, terms);
        return Math.min(1, (own + 0.5 * Statements.shared(asked, headingTerms)) / asked.size());
    }

    Candidate withVector(float[] embedding) {
        return new Candidate(statement, embedded, terms, headingTerms, embedding);
    }

    /** The text on one line: runs of whitespace as one space. */
    static String flat(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
