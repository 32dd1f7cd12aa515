package dev.groundwork.ingest.fetch;

/** The server answered 304 to a conditional GET: what the caller already holds is current. */
public record NotModified(String url) implements FetchResult {
}
