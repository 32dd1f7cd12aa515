package dev.groundwork.ingest.store;

/**
 * Where one resource of a roadmap stands.
 *
 * @param roadmapId       the roadmap that links it
 * @param url             its URL, or {@code null} for a named reference
 * @param title           the link text or the reference's name
 * @param type            {@code link}, {@code book}, {@code course}, …
 * @param state           {@code pending}, {@code fetched}, {@code not_modified}, {@code failed} or {@code reference}
 * @param reason          why it failed, else {@code null}
 * @param chunks          chunks stored from its documents
 * @param pages           PDF pages extracted, or {@code null}
 * @param documents       documents fetched for it (the page, a README and the repository documents it links,
 *                        crawled subpages, linked PDFs)
 * @param failedDocuments documents that failed
 */
public record ResourceStatus(String roadmapId, String url, String title, String type, String state, String reason,
        int chunks, Integer pages, int documents, int failedDocuments) {
}
