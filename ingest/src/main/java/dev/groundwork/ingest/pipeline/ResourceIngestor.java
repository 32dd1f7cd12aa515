package dev.groundwork.ingest.pipeline;

import dev.groundwork.ingest.chunk.Chunk;
import dev.groundwork.ingest.chunk.Chunker;
import dev.groundwork.ingest.extract.ExtractedDocument;
import dev.groundwork.ingest.extract.ExtractionFailed;
import dev.groundwork.ingest.extract.Extractor;
import dev.groundwork.ingest.fetch.CrawledPage;
import dev.groundwork.ingest.fetch.Crawler;
import dev.groundwork.ingest.fetch.FetchFailure;
import dev.groundwork.ingest.fetch.FetchedPage;
import dev.groundwork.ingest.fetch.Validators;
import dev.groundwork.ingest.pipeline.IngestEvent.DocumentHandled;
import dev.groundwork.ingest.pipeline.StageTimer.Stage;
import dev.groundwork.ingest.store.ChunkWriter;
import dev.groundwork.ingest.store.DocumentOutcome;
import dev.groundwork.ingest.store.DocumentStore;
import dev.groundwork.ingest.store.KnownDocument;
import dev.groundwork.ingest.store.SourceStore;
import dev.groundwork.ingest.store.StoredContent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests one linked resource: crawls it (the page, a repository README, or a docs root and its subpages) — or, for a
 * learner's uploaded file or pasted text, reads its stored content —
 * then extracts, chunks and embeds every document whose content changed. Every document ends in a recorded
 * state; a failure of one document is data, not an exception. Blocking batch code.
 */
class ResourceIngestor {

    private static final Logger log = LoggerFactory.getLogger(ResourceIngestor.class);

    private final Crawler crawler;
    private final Extractor extractor;
    private final Chunker chunker;
    private final DocumentStore documents;
    private final ChunkWriter chunks;
    private final EmbedTime embedTime;
    private final SourceStore sources;

    ResourceIngestor(Crawler crawler, Extractor extractor, Chunker chunker, DocumentStore documents,
            ChunkWriter chunks, EmbedTime embedTime, SourceStore sources) {
        this.embedTime = embedTime;
        this.sources = sources;
        this.crawler = crawler;
        this.extractor = extractor;
        this.chunker = chunker;
        this.documents = documents;
        this.chunks = chunks;
    }

    /** What ingesting a resource ended in. */
    record Outcome(String url, String state, String reason, int chunks, int embedded) {
    }

    Outcome ingest(UUID resourceId, String url, IngestListener listener, StageTimer timer, Runnable heartbeat) {
        // one lookup per page: the crawl sends its validators, handling compares its hash
        Map<String, Optional<KnownDocument>> known = new HashMap<>();
        Function<String, Optional<KnownDocument>> lookup =
                pageUrl -> known.computeIfAbsent(pageUrl, u -> documents.known(resourceId, u));
        // a learner's uploaded file or pasted text is read from the database, never fetched
        Optional<StoredContent> stored = url.startsWith(SourceStore.URL_PREFIX) ? sources.content(resourceId)
                : Optional.empty();
        String title = stored.map(StoredContent::title).orElse(null);
        List<CrawledPage> pages = timer.time(Stage.FETCH, () -> stored.isPresent() ? List.of(storedPage(url, stored.get()))
                : crawler.crawl(url, pageUrl ->
                        lookup.apply(pageUrl).map(k -> new Validators(k.etag(), k.lastModified())).orElse(null)));
        String rootFailure = null;
        boolean changed = false;
        int chunkCount = 0;
        int embedded = 0;
        for (CrawledPage page : pages) {
            DocumentHandled handled = handle(resourceId, url, page, lookup.apply(page.url()).orElse(null), title, timer);
            listener.on(handled);
            heartbeat.run();
            chunkCount += handled.chunks();
            embedded += handled.embedded();
            changed |= handled.state().equals("fetched");
            if (page.depth() == 0 && handled.state().equals("failed")) {
                rootFailure = handled.reason();
            }
        }
        String state = rootFailure != null ? "failed" : changed ? "fetched" : "not_modified";
        documents.finishResource(resourceId, state, rootFailure);
        return new Outcome(url, state, rootFailure, chunkCount, embedded);
    }

    private static CrawledPage storedPage(String url, StoredContent content) {
        return new CrawledPage(url, 0, new FetchedPage(url, url, content.mediaType(), content.charset(), content.body(),
                null, null, content.contentHash()));
    }

    /** @param title what the document's chunks are titled instead of the extracted title, or {@code null} */
    private DocumentHandled handle(UUID resourceId, String resourceUrl, CrawledPage page, KnownDocument known,
            String title, StageTimer timer) {
        String url = page.url();
        // Java 17: no pattern matching for switch over the sealed result
        if (page.result() instanceof FetchFailure failure) {
            documents.record(DocumentOutcome.failed(resourceId, url, page.depth(), failure.describe(),
                    failure.httpStatus()));
            return new DocumentHandled(resourceUrl, url, "failed", failure.describe(), 0, 0);
        }
        if (page.result() instanceof FetchedPage fetched) {
            if (known == null || !Objects.equals(known.contentHash(), fetched.contentHash())) {
                return store(resourceId, resourceUrl, page.depth(), fetched, title, timer);
            }
        }
        return unchanged(resourceId, resourceUrl, url, page.depth());
    }

    private DocumentHandled unchanged(UUID resourceId, String resourceUrl, String url, int depth) {
        documents.record(DocumentOutcome.notModified(resourceId, url, depth));
        int stored = documents.chunkCount(resourceId, url);
        return new DocumentHandled(resourceUrl, url, "not_modified", null, stored, 0);
    }

    private DocumentHandled store(UUID resourceId, String resourceUrl, int depth, FetchedPage page, String title,
            StageTimer timer) {
        ExtractedDocument extracted;
        try {
            extracted = timer.time(Stage.EXTRACT, () -> extract(page, title));
        } catch (ExtractionError e) {
            String reason = "extraction error: " + e.getMessage();
            log.warn("Could not extract {}: {}", page.url(), e.getMessage());
            documents.record(DocumentOutcome.failed(resourceId, page.url(), depth, reason, null));
            return new DocumentHandled(resourceUrl, page.url(), "failed", reason, 0, 0);
        }
        List<Chunk> pieces = timer.time(Stage.CHUNK, () -> chunker.chunk(extracted));
        DocumentOutcome outcome = new DocumentOutcome(resourceId, page.url(), page.finalUrl(), depth, "fetched", null,
                null, page.mediaType(), page.etag(), page.lastModified(), page.contentHash(), extracted.title(),
                extracted.pageCount() > 0 ? extracted.pageCount() : null);
        long start = System.nanoTime();
        long inferenceBefore = embedTime.onThisThread();
        int embedded = chunks.replaceDocumentChunks(outcome, pieces);
        long inference = embedTime.onThisThread() - inferenceBefore;
        timer.add(Stage.EMBED, inference);
        timer.add(Stage.STORE, System.nanoTime() - start - inference);
        log.debug("Stored {}: {} chunks, {} embedded", page.url(), pieces.size(), embedded);
        return new DocumentHandled(resourceUrl, page.url(), "fetched", null, pieces.size(), embedded);
    }

    private ExtractedDocument extract(FetchedPage page, String title) {
        try {
            ExtractedDocument extracted = extractor.extract(page.url(), page.mediaType(), page.charset(), page.body());
            return title == null ? extracted : new ExtractedDocument(extracted.url(), title, extracted.mediaType(),
                    extracted.blocks(), extracted.pageCount());
        } catch (ExtractionFailed e) {
            throw new ExtractionError(e.getMessage());
        }
    }

    /** Carries a checked extraction failure through the stage timer. */
    private static final class ExtractionError extends RuntimeException {
        ExtractionError(String message) {
            super(message);
        }
    }
}
