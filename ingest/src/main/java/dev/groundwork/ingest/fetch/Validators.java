package dev.groundwork.ingest.fetch;

/**
 * What a previous fetch returned, for a conditional GET. Either part may be null.
 *
 * @param etag         the ETag header as received (quotes included)
 * @param lastModified the Last-Modified header as received
 */
public record Validators(String etag, String lastModified) {
}
