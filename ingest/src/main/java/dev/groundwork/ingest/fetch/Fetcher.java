package dev.groundwork.ingest.fetch;

import dev.groundwork.ingest.fetch.FetchFailure.Reason;
import dev.groundwork.ingest.fetch.Transport.Failed;
import dev.groundwork.ingest.fetch.Transport.Received;
import dev.groundwork.ingest.fetch.Transport.Reply;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse.ResponseInfo;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets the bytes behind a URL, politely and safely.
 *
 * <p>Per fetch: robots.txt of every host on the way is obeyed; the URL is rewritten ({@code url-rewrites}) and the
 * rewritten URL checked by the {@link UrlGuard} before every connection, redirects included; redirects are followed
 * by hand up to {@code maxRedirects} with loop detection; each request respects the per-host concurrency and delay,
 * a connect timeout and a total deadline for headers plus body, and a body size cap; 429, 5xx and timeouts are
 * retried with exponential backoff honouring Retry-After. Validators turn into If-None-Match / If-Modified-Since,
 * and a 304 into {@link NotModified}. The media type comes from the header, magic bytes, then the extension.
 *
 * <p>URLs in results are always in the original space: a Location header resolves against the URL actually requested
 * (the rewritten one, so a mirror's relative redirect stays on the mirror) and is then mapped back.
 *
 * <p>Never throws for a per-URL problem: every failure is a {@link FetchFailure}. Blocking; thread-safe, meant to be
 * shared by the threads of a bounded executor (the per-host limits are shared between them).
 */
public final class Fetcher {

    private static final Logger log = LoggerFactory.getLogger(Fetcher.class);

    private sealed interface Hop permits Arrived, Stopped {
    }

    private record Arrived(URI finalUrl, Received response) implements Hop {
    }

    private record Stopped(Reason reason, String detail) implements Hop {
    }

    private final FetchProperties properties;
    private final UrlGuard guard;
    private final UrlRewriter rewriter;
    private final Transport transport;
    private final RobotsRules robots;

    /** A fetcher with the system resolver, real waiting and its own HTTP client. */
    public Fetcher(FetchProperties properties, Clock clock) {
        this(properties, new UrlGuard(properties.allowedPrivateHosts()), clock, Sleeper.REAL);
    }

    Fetcher(FetchProperties properties, UrlGuard guard, Clock clock, Sleeper sleeper) {
        this.properties = properties;
        this.guard = guard;
        this.rewriter = new UrlRewriter(properties.urlRewrites());
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.connectTimeout()).build();
        this.transport = new Transport(client, properties,
                new HostThrottle(properties.perHostConcurrency(), properties.perHostDelay(), clock, sleeper),
                new Backoff(properties.retryBaseDelay(), properties.maxRetryAfter(), clock), sleeper);
        this.robots = new RobotsRules(properties.userAgent(), this::downloadRobots);
    }

    /**
     * Fetches {@code url}, conditionally when {@code previous} (nullable) holds validators.
     *
     * @return a {@link FetchedPage}, {@link NotModified} on 304, or a {@link FetchFailure}; never null
     */
    public FetchResult fetch(String url, Validators previous) {
        try {
            FetchResult result = fetchOrFail(url, previous);
            if (log.isDebugEnabled()) {
                log.debug("fetched {}: {}", url, result instanceof FetchFailure f ? f.describe()
                        : result instanceof FetchedPage p ? p.mediaType() + ", " + p.body().length + " bytes"
                        : "not modified");
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FetchFailure.of(String.valueOf(url), Reason.NETWORK, "interrupted");
        } catch (RuntimeException e) {
            log.warn("unexpected error fetching {}", url, e);
            return FetchFailure.of(String.valueOf(url), Reason.NETWORK, "unexpected " + e.getClass().getSimpleName());
        }
    }

    private FetchResult fetchOrFail(String url, Validators previous) throws InterruptedException {
        Optional<URI> start = parse(url);
        if (start.isEmpty()) {
            return FetchFailure.of(String.valueOf(url), Reason.INVALID_URL, String.valueOf(url));
        }
        Predicate<ResponseInfo> wanted = info -> info.statusCode() / 100 == 2
                && ContentTypes.mayBeSupported(info.headers().firstValue("Content-Type").orElse(null));
        Hop hop = follow(start.get(), previous, true, wanted);
        if (hop instanceof Stopped stopped) {
            return FetchFailure.of(url, stopped.reason(), stopped.detail());
        }
        Arrived arrived = (Arrived) hop;
        Received response = arrived.response();
        if (response.status() == 304) {
            return new NotModified(url);
        }
        if (response.status() / 100 != 2) {
            return new FetchFailure(url, Reason.HTTP_STATUS, response.status(), null);
        }
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        String finalUrl = arrived.finalUrl().toString();
        Optional<String> mediaType = response.body() == null ? Optional.empty()
                : ContentTypes.detect(contentType, response.body(), finalUrl);
        if (mediaType.isEmpty()) {
            String declared = ContentTypes.declared(contentType);
            return FetchFailure.of(url, Reason.UNSUPPORTED_TYPE, declared.isEmpty() ? "(none declared)" : declared);
        }
        return new FetchedPage(url, finalUrl, mediaType.get(), ContentTypes.charset(contentType), response.body(),
                response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Last-Modified").orElse(null), sha256(response.body()));
    }

    /** Follows redirects from {@code start} (original space) until an answer that is not a redirect. */
    private Hop follow(URI start, Validators previous, boolean obeyRobots, Predicate<ResponseInfo> wanted)
            throws InterruptedException {
        Set<String> visited = new HashSet<>();
        URI current = start;
        int redirects = 0;
        while (true) {
            visited.add(current.toString());
            Optional<URI> target = parse(rewriter.toConnected(current.toString()));
            if (target.isEmpty()) {
                return new Stopped(Reason.INVALID_URL, "rewritten " + current);
            }
            Optional<UrlGuard.Refusal> refusal = guard.check(target.get());
            if (refusal.isPresent()) {
                return new Stopped(refusal.get().reason(), refusal.get().detail());
            }
            if (obeyRobots && properties.respectRobots() && !robots.allows(current)) {
                return new Stopped(Reason.ROBOTS, current.toString());
            }
            Reply reply = transport.get(hostKey(current), target.get(), previous, wanted);
            if (reply instanceof Failed failed) {
                return new Stopped(failed.reason(), failed.detail());
            }
            Received received = (Received) reply;
            Optional<String> location = received.headers().firstValue("Location");
            if (!isRedirect(received.status()) || location.isEmpty()) {
                return new Arrived(current, received);
            }
            Optional<URI> next = resolveLocation(target.get(), location.get());
            if (next.isEmpty()) {
                return new Stopped(Reason.INVALID_URL, "redirect to " + location.get());
            }
            if (visited.contains(next.get().toString())) {
                return new Stopped(Reason.REDIRECT_LOOP, next.get().toString());
            }
            if (++redirects > properties.maxRedirects()) {
                return new Stopped(Reason.TOO_MANY_REDIRECTS, Integer.toString(properties.maxRedirects()));
            }
            current = next.get();
        }
    }

    /**
     * The sitemap URLs named in the robots.txt of {@code url}'s origin (read whether or not robots are obeyed); empty
     * when there are none or it cannot be read.
     */
    List<String> sitemapsNamedInRobots(String url) {
        Optional<URI> uri = parse(url);
        try {
            return uri.isEmpty() ? List.of() : robots.sitemaps(uri.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /**
     * A 2xx body of any media type (a sitemap) with every safeguard of {@link #fetch} (robots, guard, rewrites,
     * redirects, caps, retries); empty on any failure.
     */
    Optional<RawFile> fetchFile(String url) {
        Optional<URI> start = parse(url);
        try {
            Hop hop = start.isEmpty() ? null : follow(start.get(), null, true, info -> info.statusCode() / 100 == 2);
            if (hop instanceof Arrived arrived && arrived.response().status() / 100 == 2
                    && arrived.response().body() != null) {
                return Optional.of(new RawFile(arrived.finalUrl().toString(),
                        arrived.response().headers().firstValue("Content-Type").orElse(""), arrived.response().body()));
            }
            log.debug("no file at {}: {}", url, hop instanceof Stopped stopped ? stopped.reason() : "not 2xx");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** A file fetched whatever its type: final URL (original space), declared Content-Type ("" if none), bytes. */
    record RawFile(String finalUrl, String contentType, byte[] body) {
    }

    private RobotsRules.Answer downloadRobots(URI robotsUrl) throws InterruptedException {
        Hop hop = follow(robotsUrl, null, false, info -> info.statusCode() / 100 == 2);
        if (hop instanceof Stopped stopped) {
            return new RobotsRules.Answer(-1, null, null, stopped.reason() + " " + stopped.detail());
        }
        Received response = ((Arrived) hop).response();
        return new RobotsRules.Answer(response.status(), response.body(),
                response.headers().firstValue("Content-Type").orElse(null), null);
    }

    /**
     * A Location resolves against the URL actually requested ({@code connected}, after rewriting: a relative Location
     * is relative to the host that answered it), then maps back into the original space.
     */
    private Optional<URI> resolveLocation(URI connected, String location) {
        try {
            URI resolved = connected.resolve(new URI(location.trim()));
            return parse(rewriter.toOriginal(resolved.toString()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** An absolute http(s) URL with a host, or empty. */
    static Optional<URI> parse(String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? uri.resolve("/") : uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String hostKey(URI original) {
        return original.getHost().toLowerCase(Locale.ROOT) + (original.getPort() == -1 ? "" : ":" + original.getPort());
    }

    static String sha256(byte[] body) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
