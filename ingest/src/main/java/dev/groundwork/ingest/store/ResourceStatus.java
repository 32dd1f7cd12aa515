package dev.groundwork.ingest.store;

/**
 * Where one resource of a roadmap stands.
 *
 * @param roadmapId       the roadmap that links it
 * @param url             its URL, or {@code null} for a named reference
 * @param title           the link text or the reference's name
 * @param type            its kind: {@code link}, {@code video}, {@code article}, {@code official}, {@code book},
 *                        {@code course}, …
 * @param state           {@code pending}, {@code fetched}, {@code not_modified}, {@code failed}, {@code reference}
 *                        (a named reference) or {@code not_fetched} (a video: never fetched)
 * @param reason          why it failed or was not fetched ({@code video: not fetched}), else {@code null}
 * @param chunks          chunks stored from its documents
 * @param pages           PDF pages extracted, or {@code null}
 * @param documents       documents fetched for it (the page, a README and the repository documents it links,
 *                        crawled subpages, linked PDFs)
 * @param failedDocuments documents that failed
 */
public record ResourceStatus(String roadmapId, String url, String title, String type, String state, String reason,
        int chunks, Integer pages, int documents, int failedDocuments) {
}
