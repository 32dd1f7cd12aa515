package dev.groundwork.ingest.store;

/** What is stored about a fetched document, to re-fetch it conditionally and to tell if it changed. */
public record KnownDocument(String etag, String lastModified, String contentHash) {
}
