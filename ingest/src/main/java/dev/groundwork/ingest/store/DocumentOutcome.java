package dev.groundwork.ingest.store;

import java.util.UUID;

/**
 * How fetching one document of a resource ended, as recorded.
 *
 * @param resourceId the resource the document belongs to
 * @param url        the document's original URL
 * @param finalUrl   after redirects, or {@code null}
 * @param depth      crawl depth below the resource URL (0 = the resource itself)
 * @param state      {@code fetched}, {@code not_modified} or {@code failed}
 * @param reason     why it failed (safe to show), else {@code null}
 * @param httpStatus the HTTP status of a failure, else {@code null}
 * @param mediaType  what was fetched, or {@code null}
 * @param etag       validator for the next conditional fetch, or {@code null}
 * @param lastModified validator for the next conditional fetch, or {@code null}
 * @param contentHash SHA-256 of the fetched bytes, or {@code null}
 * @param title      the extracted title, or {@code null}
 * @param pageCount  pages of a PDF, else {@code null}
 */
public record DocumentOutcome(UUID resourceId, String url, String finalUrl, int depth, String state, String reason,
        Integer httpStatus, String mediaType, String etag, String lastModified, String contentHash, String title,
        Integer pageCount) {

    public static DocumentOutcome failed(UUID resourceId, String url, int depth, String reason, Integer httpStatus) {
        return new DocumentOutcome(resourceId, url, null, depth, "failed", reason, httpStatus, null, null, null, null,
                null, null);
    }

    public static DocumentOutcome notModified(UUID resourceId, String url, int depth) {
        return new DocumentOutcome(resourceId, url, null, depth, "not_modified", null, null, null, null, null, null,
                null, null);
    }

    UUID documentId() {
        return DocumentIds.of(resourceId, url);
    }
}
