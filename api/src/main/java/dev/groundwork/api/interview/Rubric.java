package dev.groundwork.api.interview;

import dev.groundwork.api.retrieval.RetrievedChunk;
import java.util.List;

/** The values a question carries: its rubric points, their passages and the reference answer. */
final class Rubric {

    private Rubric() {
    }

    /**
     * Where a point or a citation comes from.
     *
     * @param chunkId     the chunk
     * @param url         its document's original URL, or {@code groundwork:topic/<id>} for a topic's own text
     * @param title       the document's or topic's title
     * @param headingPath headings above the passage, outermost first
     * @param page        PDF page, else {@code null}
     * @param quote       the point's sentence, verbatim in the chunk's text; for a citation, the passage's opening
     */
    record Anchor(String chunkId, String url, String title, List<String> headingPath, Integer page, String quote) {

        Anchor {
            headingPath = headingPath == null ? List.of() : List.copyOf(headingPath);
        }

        static Anchor of(RetrievedChunk chunk, String quote) {
            return new Anchor(chunk.id(), chunk.url(), chunk.title(), chunk.headingPath(), chunk.page(), quote);
        }
    }

    /**
     * One thing a good answer says.
     *
     * @param point  the key sentence, quoted from the passage
     * @param term   the term it defines, when it is a definition; else {@code null}
     * @param anchor its passage
     */
    record Point(String point, String term, Anchor anchor) {
    }

    /** A reference answer with {@code [n]} markers into {@code sources} (1-based). */
    record Reference(String text, List<Anchor> sources) {

        Reference {
            sources = List.copyOf(sources);
        }
    }

    /** A source a question drew on, as shown before it is answered. */
    record SourceRef(String title, String url) {
    }
}
