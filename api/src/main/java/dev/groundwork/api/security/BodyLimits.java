package dev.groundwork.api.security;

import dev.groundwork.api.exchange.ExchangeProperties;
import dev.groundwork.api.problem.ProblemType;
import dev.groundwork.ingest.pipeline.RoadmapProperties;
import dev.groundwork.ingest.pipeline.SourceProperties;
import java.io.ByteArrayOutputStream;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Answers every request whose body is larger than its limit with {@code 413 request-too-large}, naming the limit,
 * and never resets the connection of a client that sends its whole body before reading the answer (most do).
 *
 * <p>Why it reads what it refuses: a server that answers before the body is in and then closes the connection
 * closes a socket with unread bytes, and the kernel then sends a reset; a client still writing gets "broken pipe"
 * or "connection reset" and never sees the answer. So an oversize body is read to its end and thrown away, then
 * the problem is sent, and the connection stays usable. Above {@link LimitProperties#hardCap()} nothing is read:
 * the 413 is sent and the connection closed, and a client still sending may see a reset.
 *
 * <p>A body with a {@code Content-Length} within its limit passes untouched (Netty never delivers more than the
 * declared length). A chunked body, whose size is known only at its end, is read here into memory up to its limit
 * and handed on from there. So is every roadmap sent as the body (at most the small roadmap limit): the roadmap
 * controller stops reading one byte past {@code groundwork.roadmap.max-size} to answer {@code roadmap-too-large}, and
 * the rest must still be read for that answer to arrive. Multipart bodies are the exception: Spring parses them from
 * the original request, so one within its declared limit passes untouched, and a chunked one is bounded only by
 * Spring's multipart limits ({@code spring.webflux.multipart.*}).
 *
 * <p>Limits: roadmap imports and updates take {@code groundwork.roadmap.max-size} plus
 * {@code groundwork.limits.upload-overhead} (a larger roadmap within that gets the parser's
 * {@code roadmap-too-large}); card imports take {@code groundwork.exchange.max-file-size} plus the overhead; a source added to a topic
 * {@code groundwork.sources.max-file-size} plus the overhead; every other request {@code groundwork.limits.json-body}.
 *
 * <p>Threading: runs on the event loop; it copies or drops buffers and never blocks.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodyLimits implements WebFilter {

    private final long jsonBody;
    private final long roadmapBody;
    private final long importBody;
    private final long sourceBody;
    private final long hardCap;

    BodyLimits(LimitProperties limits, RoadmapProperties roadmaps, ExchangeProperties exchange,
            SourceProperties sources) {
        long overhead = limits.uploadOverhead().toBytes();
        this.jsonBody = limits.jsonBody().toBytes();
        this.roadmapBody = roadmaps.maxSize().toBytes() + overhead;
        this.importBody = exchange.maxFileSize().toBytes() + overhead;
        this.sourceBody = Math.max(sources.maxFileSize().toBytes(), sources.maxTextSize().toBytes()) + overhead;
        this.hardCap = Math.max(limits.hardCap().toBytes(), Math.max(jsonBody, Math.max(roadmapBody,
                Math.max(importBody, sourceBody))));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long length = request.getHeaders().getContentLength();
        boolean chunked = request.getHeaders().getFirst(HttpHeaders.TRANSFER_ENCODING) != null;
        if (length <= 0 && !chunked) {
            return chain.filter(exchange);
        }
        HttpMethod method = request.getMethod();
        String path = request.getPath().pathWithinApplication().value();
        long limit = limitOf(method, path);
        // a multipart body is parsed from the original request, so it cannot be read here and handed on
        boolean multipart = MediaType.MULTIPART_FORM_DATA.isCompatibleWith(request.getHeaders().getContentType());
        if (length > 0) {
            if (length <= limit && (multipart || !isRoadmap(method, path))) {
                return chain.filter(exchange);
            }
            if (length > hardCap) {
                return refuseAndClose(exchange, limit);
            }
            if (length > limit) {
                return discard(request.getBody()).then(Mono.defer(() -> refuse(exchange, limit)));
            }
        } else if (multipart) {
            return chain.filter(exchange);
        }
        return read(request.getBody(), limit).flatMap(body -> body.within()
                ? chain.filter(exchange.mutate().request(new ReadBody(request, body.bytes())).build())
                : refuse(exchange, limit))
                .onErrorResume(OverHardCap.class, e -> refuseAndClose(exchange, limit));
    }

    /** The most bytes the body of {@code method path} may have. */
    long limitOf(HttpMethod method, String path) {
        if (path.endsWith("/cards/import") && HttpMethod.POST.equals(method)) {
            return importBody;
        }
        if (path.startsWith("/api/topics/") && path.endsWith("/resources") && HttpMethod.POST.equals(method)) {
            return sourceBody;
        }
        return isRoadmap(method, path) ? roadmapBody : jsonBody;
    }

    /** {@code POST /api/roadmaps} or {@code PUT /api/roadmaps/{id}}: a roadmap document. */
    static boolean isRoadmap(HttpMethod method, String path) {
        return path.equals("/api/roadmaps") && HttpMethod.POST.equals(method)
                || path.startsWith("/api/roadmaps/") && path.indexOf('/', "/api/roadmaps/".length()) < 0
                        && HttpMethod.PUT.equals(method);
    }

    /** Reads the body to its end, dropping every buffer; fails once more than the hard cap came. */
    private Mono<Long> discard(Flux<DataBuffer> body) {
        return body.reduce(0L, (total, buffer) -> {
            long sum = total + buffer.readableByteCount();
            DataBufferUtils.release(buffer);
            if (sum > hardCap) {
                throw new OverHardCap();
            }
            return sum;
        });
    }

    /** Reads the body to its end, keeping it while within {@code limit}; fails once more than the hard cap came. */
    private Mono<Body> read(Flux<DataBuffer> body, long limit) {
        return body.reduce(new Body(new ByteArrayOutputStream(), 0L), (read, buffer) -> {
            try {
                long total = read.total() + buffer.readableByteCount();
                if (total > hardCap) {
                    throw new OverHardCap();
                }
                if (total > limit) {
                    return new Body(null, total);
                }
                byte[] bytes = new byte[buffer.readableByteCount()];
                buffer.read(bytes);
                read.kept().writeBytes(bytes);
                return new Body(read.kept(), total);
            } finally {
                DataBufferUtils.release(buffer);
            }
        }).defaultIfEmpty(new Body(new ByteArrayOutputStream(), 0L));
    }

    private Mono<Void> refuse(ServerWebExchange exchange, long limit) {
        return Refusals.refuse(exchange, HttpStatus.CONTENT_TOO_LARGE, ProblemType.REQUEST_TOO_LARGE,
                "The request body is larger than the limit of " + limit + " bytes for " + exchange.getRequest()
                        .getMethod() + " " + exchange.getRequest().getPath().pathWithinApplication().value() + ".",
                "invalid_request_error", "request_too_large");
    }

    private Mono<Void> refuseAndClose(ServerWebExchange exchange, long limit) {
        exchange.getResponse().getHeaders().setConnection("close");
        return refuse(exchange, limit);
    }

    /** A chunked body as read so far: its bytes while within the limit ({@code kept} null once over), its size. */
    private record Body(ByteArrayOutputStream kept, long total) {

        boolean within() {
            return kept != null;
        }

        byte[] bytes() {
            return kept.toByteArray();
        }
    }

    /** The request as the controllers see it once its chunked body was read here. */
    private static final class ReadBody extends ServerHttpRequestDecorator {

        private final byte[] body;

        ReadBody(ServerHttpRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return body.length == 0 ? Flux.empty()
                    : Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
        }
    }

    /** More than the hard cap came: the rest is not read. */
    private static final class OverHardCap extends RuntimeException {

        OverHardCap() {
            super(null, null, false, false);
        }
    }
}
