package dev.groundwork.ingest.fetch;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How resources are fetched ({@code groundwork.fetch.*}).
 *
 * @param userAgent           sent with every request; its first product token (lower-cased) is the robots.txt agent
 * @param connectTimeout      time allowed to open a connection
 * @param readTimeout         total time allowed for one response, headers and body, per attempt; catches a server that
 *                            drips its body
 * @param maxBodySize         larger bodies are refused (by Content-Length up front, or as soon as more bytes arrive)
 * @param maxRedirects        redirects followed per fetch; one more is a failure
 * @param maxAttempts         attempts per request when the answer is 429, 5xx or a timeout
 * @param retryBaseDelay      backoff before the second attempt; doubles per attempt unless Retry-After says otherwise
 * @param maxRetryAfter       upper bound on any wait between attempts, including a server's Retry-After
 * @param perHostConcurrency  requests in flight per host at once (host of the URL as requested, before rewriting)
 * @param perHostDelay        minimum time between the starts of two requests to the same host
 * @param respectRobots       whether robots.txt is fetched and obeyed
 * @param allowedPrivateHosts host names or CIDRs (e.g. {@code 127.0.0.1/32}) that may be fetched although they are
 *                            private, loopback or otherwise refused by the SSRF guard
 * @param urlRewrites         ordered prefix rewrites applied before connecting; the first matching {@code from} wins.
 *                            Callers only ever see URLs in the original space
 * @param crawl               limits for crawling documentation roots
 * @param github              limits for reading a GitHub repository as a guide
 */
@Validated
@ConfigurationProperties("groundwork.fetch")
public record FetchProperties(
        @NotBlank @DefaultValue("GroundworkBot/0.1 (study companion; +https://github.com/groundwork-dev/groundwork)")
        String userAgent,
        @NotNull @DefaultValue("10s") Duration connectTimeout,
        @NotNull @DefaultValue("30s") Duration readTimeout,
        @NotNull @DefaultValue("20MB") DataSize maxBodySize,
        @Min(0) @DefaultValue("5") int maxRedirects,
        @Min(1) @DefaultValue("3") int maxAttempts,
        @NotNull @DefaultValue("500ms") Duration retryBaseDelay,
        @NotNull @DefaultValue("30s") Duration maxRetryAfter,
        @Min(1) @DefaultValue("2") int perHostConcurrency,
        @NotNull @DefaultValue("200ms") Duration perHostDelay,
        @DefaultValue("true") boolean respectRobots,
        @NotNull @DefaultValue List<String> allowedPrivateHosts,
        @NotNull @DefaultValue List<@Valid UrlRewrite> urlRewrites,
        @NotNull @Valid @DefaultValue Crawl crawl,
        @NotNull @Valid @DefaultValue GitHub github) {

    public FetchProperties {
        allowedPrivateHosts = List.copyOf(allowedPrivateHosts);
        urlRewrites = List.copyOf(urlRewrites);
    }

    /**
     * Send URLs starting with {@code from} to {@code to} instead, e.g. {@code https://} →
     * {@code http://127.0.0.1:8089/https/} for the offline mirror.
     */
    public record UrlRewrite(@NotBlank String from, @NotBlank String to) {
    }

    /**
     * Limits for one documentation root.
     *
     * @param maxDepth    link hops followed from the root page
     * @param maxPages    URLs fetched per root, the root included
     * @param sitemaps    whether a root's pages are found through its site's sitemap when it has one (robots.txt
     *                    {@code Sitemap:} lines, else {@code /sitemap.xml}), links crawled otherwise
     * @param maxSitemaps sitemap files read per root, sitemap indexes and their children included
     */
    public record Crawl(@Min(0) @DefaultValue("2") int maxDepth, @Min(1) @DefaultValue("40") int maxPages,
            @DefaultValue("true") boolean sitemaps, @Min(1) @DefaultValue("5") int maxSitemaps) {
    }

    /**
     * Limits for a GitHub repository link ({@code groundwork.fetch.github.*}).
     *
     * @param maxDocuments Markdown documents of the repository fetched besides its README (each attempt counts, a
     *                     404 included); 0 reads the README only
     */
    public record GitHub(@Min(0) @DefaultValue("30") int maxDocuments) {
    }
}
