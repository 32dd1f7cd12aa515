package dev.groundwork.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a size cap. Stops reading, and cancels the stream (closing the connection), as soon
 * as the declared Content-Length or the bytes received exceed the cap; bodies that are not wanted are not read at
 * all. {@link #abort()} lets a deadline stop a body that is still dripping in.
 */
final class CappedBody implements BodySubscriber<CappedBody.Body> {

    /** The collected body; {@code bytes} is null when the body was skipped or too large. */
    record Body(byte[] bytes, boolean tooLarge, long bytesRead) {
    }

    private final long max;
    private final boolean skip;
    private final boolean tooLargeUpFront;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final CompletableFuture<Body> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private long read;

    private CappedBody(long max, boolean skip, boolean tooLargeUpFront) {
        this.max = max;
        this.skip = skip;
        this.tooLargeUpFront = tooLargeUpFront;
    }

    /** For a response: skip the body when {@code wanted} is false; refuse up front when Content-Length exceeds max. */
    static CappedBody forResponse(HttpResponse.ResponseInfo info, long max, boolean wanted) {
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        return new CappedBody(max, !wanted, wanted && declared > max);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        this.subscription = s;
        if (skip || tooLargeUpFront) {
            s.cancel();
            result.complete(new Body(null, tooLargeUpFront, 0));
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            int n = item.remaining();
            if (read + n > max) {
                subscription.cancel();
                result.complete(new Body(null, true, read + n));
                return;
            }
            byte[] chunk = new byte[n];
            item.get(chunk);
            buffer.write(chunk, 0, n);
            read += n;
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(new Body(buffer.toByteArray(), false, read));
    }

    @Override
    public CompletionStage<Body> getBody() {
        return result;
    }

    /** Stops reading now (the deadline passed). */
    void abort() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        result.completeExceptionally(new HttpTimeoutException("read deadline passed"));
    }
}
