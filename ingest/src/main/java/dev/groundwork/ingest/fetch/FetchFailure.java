package dev.groundwork.ingest.fetch;

import java.util.Objects;

/**
 * Why a URL produced no page. Failures are data: the fetcher never throws for a per-URL problem.
 *
 * @param url        as requested, in the original space
 * @param reason     the kind of failure
 * @param httpStatus the final HTTP status when there was one that matters ({@link Reason#HTTP_STATUS}), else null
 * @param detail     the specifics {@link #describe()} is built from (an address, a size, a type, a duration …)
 */
public record FetchFailure(String url, Reason reason, Integer httpStatus, String detail) implements FetchResult {

    /** Kinds of failure. */
    public enum Reason {
        HTTP_STATUS, ROBOTS, REFUSED_ADDRESS, TOO_LARGE, UNSUPPORTED_TYPE, TIMEOUT, TOO_MANY_REDIRECTS, REDIRECT_LOOP,
        NETWORK, INVALID_URL
    }

    public FetchFailure {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(reason, "reason");
    }

    static FetchFailure of(String url, Reason reason, String detail) {
        return new FetchFailure(url, reason, null, detail);
    }

    /** One line safe to show a user, e.g. "HTTP 404", "refused address 10.0.0.1 (private)". */
    public String describe() {
        String d = detail == null ? "" : detail;
        return switch (reason) {
            case HTTP_STATUS -> "HTTP " + httpStatus;
            case ROBOTS -> "disallowed by robots.txt";
            case REFUSED_ADDRESS -> "refused address " + d;
            case TOO_LARGE -> "larger than " + d;
            case UNSUPPORTED_TYPE -> "unsupported type " + d;
            case TIMEOUT -> "timed out after " + d;
            case TOO_MANY_REDIRECTS -> "more than " + d + " redirects";
            case REDIRECT_LOOP -> "redirect loop at " + d;
            case NETWORK -> "network error: " + d;
            case INVALID_URL -> "invalid URL: " + d;
        };
    }
}
