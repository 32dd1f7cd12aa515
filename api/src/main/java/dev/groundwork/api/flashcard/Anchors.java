package dev.groundwork.api.flashcard;

import dev.groundwork.api.generation.Statement;
import dev.groundwork.api.generation.Statements;
import dev.groundwork.api.retrieval.Passages;
import dev.groundwork.api.retrieval.RetrievedChunk;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps cards true to their sources. Re-ingesting a changed document replaces its chunks; a card anchored to a
 * replaced chunk is then re-anchored when its quote is still in the document (new chunk, new span), or marked stale
 * with the reason and the passage now nearest to the old quote. Runs lazily, before cards are read, so whichever
 * process re-ingested (the app, another instance, the CLI) no card is ever shown pointing at text that is gone.
 * Blocking (JDBC): call from the {@code jdbc} scheduler.
 */
@Component
class Anchors {

    static final String REMOVED = "The source no longer has this passage: the document was removed or has no text now.";
    static final String CHANGED = "The source changed: the sentence this card quotes is no longer in it.";

    private static final Logger log = LoggerFactory.getLogger(Anchors.class);

    private final CardStore store;
    private final Passages passages;

    Anchors(CardStore store, Passages passages) {
        this.store = store;
        this.passages = passages;
    }

    /** Re-anchors or marks stale every card of the roadmap whose anchor chunk was replaced. */
    void reconcile(String roadmapId) {
        List<CardStore.Orphan> orphans = store.orphans(roadmapId);
        if (orphans.isEmpty()) {
            return;
        }
        Map<String, List<RetrievedChunk>> byOwner = new HashMap<>();
        int moved = 0;
        for (CardStore.Orphan orphan : orphans) {
            String owner = orphan.documentId() != null ? "d:" + orphan.documentId() : "t:" + orphan.topicId();
            List<RetrievedChunk> chunks = byOwner.computeIfAbsent(owner, key -> key.startsWith("d:")
                    ? passages.ofDocument(orphan.documentId()) : passages.ofTopicText(orphan.topicId()));
            Optional<Card.Anchor> found = find(orphan.anchor(), chunks);
            if (found.isPresent()) {
                store.reanchor(orphan.id(), found.get());
                moved++;
            } else {
                store.markStale(orphan.id(), new Card.Stale(chunks.isEmpty() ? REMOVED : CHANGED,
                        nearest(orphan.quote(), chunks)));
            }
        }
        log.info("Reconciled {} cards of roadmap {} with changed sources: {} re-anchored, {} stale",
                orphans.size(), roadmapId, moved, orphans.size() - moved);
    }

    /** The anchor's quote in one of the chunks, as a new anchor; empty when no chunk holds it. */
    static Optional<Card.Anchor> find(Card.Anchor old, List<RetrievedChunk> chunks) {
        for (RetrievedChunk chunk : chunks) {
            Optional<QuoteLocator.Span> span = QuoteLocator.locate(old.quote(), chunk.text());
            if (span.isPresent()) {
                return Optional.of(anchor(chunk, span.get(), old.resourceUrl()));
            }
        }
        return Optional.empty();
    }

    /** An anchor on {@code span} of {@code chunk}'s text. */
    static Card.Anchor anchor(RetrievedChunk chunk, QuoteLocator.Span span, String resourceUrl) {
        return new Card.Anchor(chunk.id(), resourceUrl == null ? chunk.url() : resourceUrl, chunk.title(),
                chunk.headingPath(), chunk.page(), chunk.text().substring(span.start(), span.end()),
                chunk.start() + span.start(), chunk.start() + span.end(), chunk.contentHash());
    }

    /** The sentence of the chunks sharing most content words with the quote, with its chunk; null without chunks. */
    static Card.Passage nearest(String quote, List<RetrievedChunk> chunks) {
        Card.Passage best = null;
        double bestScore = -1;
        Set<String> wanted = Statements.terms(quote);
        for (RetrievedChunk chunk : chunks) {
            for (Statement s : Statements.of(chunk)) {
                Set<String> terms = Statements.terms(s.text());
                double score = terms.isEmpty() && wanted.isEmpty() ? 0 : Statements.jaccard(terms, wanted);
                if (score > bestScore) {
                    bestScore = score;
                    best = new Card.Passage(chunk.id(), chunk.text(), s.text(), chunk.headingPath(), chunk.page(),
                            chunk.start() + s.start(), chunk.start() + s.end());
                }
            }
        }
        if (best == null && !chunks.isEmpty()) {
            RetrievedChunk first = chunks.get(0);
            best = new Card.Passage(first.id(), first.text(), first.text(), first.headingPath(), first.page(),
                    first.start(), first.start() + first.text().length());
        }
        return best;
    }
}
