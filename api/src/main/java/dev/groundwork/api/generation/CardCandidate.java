package dev.groundwork.api.generation;

/**
 * A card a writer proposes, before it is checked and stored: content, and the passage and quote it rests on.
 *
 * @param type    {@code basic}, {@code reversed} or {@code cloze}
 * @param front   the question or term ({@code null} for cloze)
 * @param back    the answer or definition (for cloze an optional extra)
 * @param text    the cloze text with {@code {{c1::…}}} deletions, else {@code null}
 * @param passage 1-based number of the passage it names (as numbered for the writer)
 * @param quote   the passage's sentence(s) that support it, as the writer gives them
 * @param concept the roadmap concept it teaches, when it mentions one, else {@code null}
 * @param score   how good the writer thinks it is; only comparable between candidates of one writer and run
 */
public record CardCandidate(String type, String front, String back, String text, int passage, String quote,
        String concept, double score) {

    /** What a reader sees first: the front, or the cloze text. */
    public String label() {
        return front != null ? front : text;
    }
}
