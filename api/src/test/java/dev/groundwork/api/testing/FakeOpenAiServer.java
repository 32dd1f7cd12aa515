package dev.groundwork.api.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A scripted OpenAI-compatible server on 127.0.0.1 for tests: {@code POST /v1/chat/completions} streams real
 * {@code chat.completion.chunk} server-sent events — a role chunk, one chunk per scripted token, a usage chunk and
 * {@code [DONE]} — or fails as scripted. It records every request body, how many tokens it wrote, and whether the
 * client hung up before the stream ended. {@code POST /v1/embeddings} is {@link #embeddings()}. Close it after the test.
 */
public final class FakeOpenAiServer implements AutoCloseable {

    public static final String MODEL = "fake-model";
    /** In a scripted token, replaced by the time it is written when {@link #stampTokens()} is on. */
    public static final String STAMP = "{nanos}";

    /** What the next requests get. */
    public record Script(int status, List<String> tokens, Duration firstTokenDelay, Duration tokenDelay,
            boolean malformed) {

        public static Script tokens(String... tokens) {
            return new Script(200, List.of(tokens), Duration.ZERO, Duration.ZERO, false);
        }

        public static Script status(int status) {
            return new Script(status, List.of(), Duration.ZERO, Duration.ZERO, false);
        }

        public static Script brokenStream() {
            return new Script(200, List.of("Half"), Duration.ZERO, Duration.ZERO, true);
        }

        public Script paced(Duration firstTokenDelay, Duration tokenDelay) {
            return new Script(status, tokens, firstTokenDelay, tokenDelay, malformed);
        }
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "fake-openai");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<Script> script = new AtomicReference<>(Script.tokens("Hello."));
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final java.util.Queue<Script> queued = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final AtomicInteger tokensWritten = new AtomicInteger();
    private final AtomicInteger hangUps = new AtomicInteger();
    private volatile CountDownLatch hungUp = new CountDownLatch(1);
    private final boolean recordRequests;
    private final FakeEmbeddings embeddings = new FakeEmbeddings();
    private volatile boolean stampTokens;

    private FakeOpenAiServer(int backlog, boolean recordRequests) throws IOException {
        this.recordRequests = recordRequests;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), backlog);
        server.setExecutor(pool);
        server.createContext("/v1/chat/completions", this::complete);
        server.createContext("/v1/embeddings", embeddings::handle);
        server.start();
    }

    public static FakeOpenAiServer start() {
        return start(0, true);
    }

    /**
     * For load benchmarks: accepts a burst of {@code connections} at once (the listen backlog; the default one drops
     * connections past ~50) and keeps no request bodies, so that the heap holds only the streams in flight. Every
     * request is served on its own thread, as with {@link #start()}.
     */
    public static FakeOpenAiServer startForLoad(int connections) {
        return start(connections, false);
    }

    private static FakeOpenAiServer start(int backlog, boolean recordRequests) {
        try {
            return new FakeOpenAiServer(backlog, recordRequests);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake OpenAI server", e);
        }
    }

    /** The base URL with {@code /v1}, as {@code spring.ai.openai.base-url} wants it. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The embeddings endpoint: its vectors, the texts it embedded, holding requests. */
    public FakeEmbeddings embeddings() {
        return embeddings;
    }

    public FakeOpenAiServer script(Script next) {
        queued.clear();
        script.set(next);
        tokensWritten.set(0);
        hungUp = new CountDownLatch(1);
        return this;
    }

    /** The next requests get these scripts in turn; the last one stays for every request after it. */
    public FakeOpenAiServer scripts(Script first, Script... then) {
        script(first);
        queued.addAll(List.of(then));
        return this;
    }

    /**
     * From now on, {@value #STAMP} in a scripted token is replaced by {@link System#nanoTime()} as the token is
     * written, so that a client in the same JVM can tell how long each token took to reach it.
     */
    public FakeOpenAiServer stampTokens() {
        stampTokens = true;
        return this;
    }

    /** Requests received, in order (none when started {@link #startForLoad for load}). */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    public int tokensWritten() {
        return tokensWritten.get();
    }

    /** Waits until a client hung up in the middle of a stream; {@code false} if none did in time. */
    public boolean awaitHangUp(Duration timeout) throws InterruptedException {
        return hungUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void complete(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (recordRequests) {
            requests.add(new String(body, StandardCharsets.UTF_8));
        }
        Script current = script.get();
        Script next = queued.poll();
        if (next != null) {
            script.set(next);
        }
        if (current.status() != 200) {
            byte[] error = ("{\"error\":{\"message\":\"scripted failure\",\"type\":\"server_error\"}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(current.status(), error.length);
            exchange.getResponseBody().write(error);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        try {
            write(out, chunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
            sleep(current.firstTokenDelay());
            for (int i = 0; i < current.tokens().size(); i++) {
                if (i > 0) {
                    sleep(current.tokenDelay());
                }
                write(out, chunk("{\"content\":" + json(stamped(current.tokens().get(i))) + "}", null));
                tokensWritten.incrementAndGet();
            }
            if (current.malformed()) {
                write(out, "data: {\"id\":\"chatcmpl-1\",\"choices\":[{\"delta\":{\"content\": \n\n");
                return;
            }
            write(out, chunk("{}", "\"stop\""));
            write(out, "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\""
                    + MODEL + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":"
                    + current.tokens().size() + ",\"total_tokens\":" + (120 + current.tokens().size()) + "}}\n\n");
            write(out, "data: [DONE]\n\n");
        } catch (IOException clientWentAway) {
            hangUps.incrementAndGet();
            hungUp.countDown();
        } finally {
            exchange.close();
        }
    }

    private String stamped(String token) {
        return stampTokens ? token.replace(STAMP, Long.toString(System.nanoTime())) : token;
    }

    private static String chunk(String delta, String finishReason) {
        return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"" + MODEL
                + "\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finishReason + "}]}\n\n";
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    private static void sleep(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
