package dev.groundwork.ingest.fetch;

import dev.groundwork.ingest.fetch.FetchFailure.Reason;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.ResponseInfo;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * One HTTP GET with politeness, deadline, size cap and retries; knows nothing of redirects, robots or types.
 *
 * <p>Each attempt waits for a per-host slot ({@link HostThrottle}), then must deliver headers and the whole body
 * within {@code readTimeout}. Answers 429 and 5xx, and timeouts, are retried up to {@code maxAttempts} with
 * {@link Backoff}; the wait happens outside the host slot. Thread-safe.
 */
final class Transport {

    /** What an exchange gave. */
    sealed interface Reply permits Received, Failed {
    }

    /** A response; {@code body} is null when it was not wanted (see the {@code wanted} predicate). */
    record Received(int status, HttpHeaders headers, byte[] body) implements Reply {
    }

    /** No usable response. */
    record Failed(Reason reason, String detail) implements Reply {
    }

    private static final String ACCEPT =
            "text/html,application/xhtml+xml,application/pdf,text/markdown,text/plain;q=0.9,*/*;q=0.1";

    private final HttpClient client;
    private final FetchProperties properties;
    private final HostThrottle throttle;
    private final Backoff backoff;
    private final Sleeper sleeper;

    Transport(HttpClient client, FetchProperties properties, HostThrottle throttle, Backoff backoff, Sleeper sleeper) {
        this.client = client;
        this.properties = properties;
        this.throttle = throttle;
        this.backoff = backoff;
        this.sleeper = sleeper;
    }

    /**
     * GETs {@code target}, politely towards {@code hostKey}, with conditional headers from {@code validators}
     * (nullable); reads the body only when {@code wanted} accepts the response head.
     */
    Reply get(String hostKey, URI target, Validators validators, Predicate<ResponseInfo> wanted)
            throws InterruptedException {
        Reply reply = null;
        for (int attempt = 1; attempt <= properties.maxAttempts(); attempt++) {
            reply = once(hostKey, target, validators, wanted);
            boolean retryable = reply instanceof Received r ? r.status() == 429 || r.status() >= 500
                    : ((Failed) reply).reason() == Reason.TIMEOUT;
            if (!retryable || attempt == properties.maxAttempts()) {
                return reply;
            }
            sleeper.sleep(backoff.after(attempt, reply instanceof Received r ? r.headers() : null));
        }
        return reply;
    }

    private Reply once(String hostKey, URI target, Validators validators, Predicate<ResponseInfo> wanted)
            throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).GET().timeout(properties.readTimeout())
                .header("User-Agent", properties.userAgent()).header("Accept", ACCEPT);
        if (validators != null && validators.etag() != null) {
            request.header("If-None-Match", validators.etag());
        }
        if (validators != null && validators.lastModified() != null) {
            request.header("If-Modified-Since", validators.lastModified());
        }
        long max = properties.maxBodySize().toBytes();
        AtomicReference<CappedBody> body = new AtomicReference<>();
        HttpResponse.BodyHandler<CappedBody.Body> handler = info -> {
            CappedBody subscriber = CappedBody.forResponse(info, max, wanted.test(info));
            body.set(subscriber);
            return subscriber;
        };
        throttle.acquire(hostKey);
        CompletableFuture<HttpResponse<CappedBody.Body>> pending = null;
        try {
            pending = client.sendAsync(request.build(), handler);
            HttpResponse<CappedBody.Body> response =
                    pending.get(properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
            CappedBody.Body received = response.body();
            if (received.tooLarge()) {
                return new Failed(Reason.TOO_LARGE, size(max));
            }
            return new Received(response.statusCode(), response.headers(), received.bytes());
        } catch (TimeoutException e) {
            return timedOut(pending, body.get());
        } catch (ExecutionException e) {
            return failure(e.getCause());
        } catch (InterruptedException e) {
            cancel(pending, body.get());
            throw e;
        } finally {
            throttle.release(hostKey);
        }
    }

    private Reply timedOut(CompletableFuture<?> pending, CappedBody body) {
        cancel(pending, body);
        return new Failed(Reason.TIMEOUT, duration(properties.readTimeout()));
    }

    private Failed failure(Throwable cause) {
        Throwable t = cause;
        while (t != null) {
            if (t instanceof HttpConnectTimeoutException) {
                return new Failed(Reason.TIMEOUT, duration(properties.connectTimeout()) + " connecting");
            }
            if (t instanceof HttpTimeoutException) {
                return new Failed(Reason.TIMEOUT, duration(properties.readTimeout()));
            }
            if (t instanceof ConnectException) {
                return new Failed(Reason.NETWORK, "connection refused");
            }
            if (t.getCause() == null || t.getCause() == t) {
                break;
            }
            t = t.getCause();
        }
        return new Failed(Reason.NETWORK, t == null ? "unknown" : t.getClass().getSimpleName());
    }

    private static void cancel(CompletableFuture<?> pending, CappedBody body) {
        if (body != null) {
            body.abort();
        }
        if (pending != null) {
            pending.cancel(true);
        }
    }

    static String duration(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    static String size(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }
}
