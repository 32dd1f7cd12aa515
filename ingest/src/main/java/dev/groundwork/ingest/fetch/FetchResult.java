package dev.groundwork.ingest.fetch;

/** The outcome of fetching one URL: a page, "unchanged since last time", or a failure recorded as data. */
public sealed interface FetchResult permits FetchedPage, NotModified, FetchFailure {

    /** The URL as requested, in the original space (never a rewritten one). */
    String url();
}
