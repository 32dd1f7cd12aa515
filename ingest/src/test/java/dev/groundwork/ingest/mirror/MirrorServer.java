package dev.groundwork.ingest.mirror;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves the offline corpus ({@code shared/corpus/web}) on 127.0.0.1 the way the real sites would, following
 * {@code web/manifest.json} and the corpus README.
 *
 * <p>Addressing is path-prefix mode: {@code http://127.0.0.1:PORT/https/<host>/<path>} answers for
 * {@code https://<host>/<path>}; {@link #urlRewrites()} gives the matching {@code groundwork.fetch.url-rewrites}.
 * Content entries answer 200 with Content-Type, Content-Length and an ETag (If-None-Match → 304); status entries
 * answer their status (for 301/302 with a relative Location inside the mirror, {@code /https/<host>/<path>}, as a
 * path-prefix reverse proxy would answer: the fetcher must resolve it against the URL it requested); a URL that exists only with the trailing slash
 * added or removed answers 301 to it; robots.txt answers 404 unless {@link #robots} registered one; anything
 * else is 404.
 *
 * <p>Thread-safe; requests are served by a small fixed pool of daemon threads. Close it after the test.
 */
public final class MirrorServer implements AutoCloseable {

    private static final String CORPUS_PROPERTY = "groundwork.corpus.dir";
    private static final String CORPUS_ENV = "GROUNDWORK_CORPUS_DIR";
    private static final Map<Path, Map<String, Entry>> MANIFESTS = new ConcurrentHashMap<>();

    static {
        // without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs: ~40 ms a response
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService pool;
    private final Path web;
    private final Map<String, Entry> entries;
    private final Map<String, String> etags = new ConcurrentHashMap<>();
    private final Map<String, String> robots = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    private MirrorServer(Path corpus, int port) throws IOException {
        this.web = corpus.resolve("web");
        this.entries = MANIFESTS.computeIfAbsent(web, MirrorServer::loadManifest);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "mirror-server-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    private static MirrorServer shared;

    /**
     * The mirror every test of this JVM may share: started on first use, stopped with the JVM (its threads are
     * daemons). Spring test contexts cached across test classes can keep fetching from it.
     */
    public static synchronized MirrorServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** Starts a server on a free port of 127.0.0.1 over {@link #corpusDir()}. */
    public static MirrorServer start() {
        return start(0);
    }

    /** Starts a server on {@code port} of 127.0.0.1 ({@code 0}: a free one) over {@link #corpusDir()}. */
    public static MirrorServer start(int port) {
        try {
            return new MirrorServer(corpusDir(), port);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the mirror server on port " + port, e);
        }
    }

    /**
     * Serves the mirror until killed, for running the app or the CLI offline ({@code scripts/mirror.sh}); prints
     * the {@code SPRING_APPLICATION_JSON} that points Groundwork at it.
     *
     * @param args optional port, default 8900
     */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8900;
        MirrorServer mirror = start(port);
        StringBuilder json = new StringBuilder("{\"groundwork\":{\"fetch\":{\"url-rewrites\":[");
        List<Map<String, String>> rewrites = mirror.urlRewrites();
        for (int i = 0; i < rewrites.size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"from\":\"").append(rewrites.get(i).get("from"))
                    .append("\",\"to\":\"").append(rewrites.get(i).get("to")).append("\"}");
        }
        json.append("],\"allowed-private-hosts\":[\"127.0.0.1\"]}}}");
        System.out.println("Mirror of " + mirror.entries.size() + " URLs from " + mirror.web + " on "
                + mirror.baseUrl() + " (Ctrl-C stops it). Point Groundwork at it with:");
        System.out.println("export SPRING_APPLICATION_JSON='" + json + "'");
        Thread.currentThread().join();
    }

    /**
     * The corpus directory: system property {@code groundwork.corpus.dir}, else env {@code GROUNDWORK_CORPUS_DIR},
     * else the first {@code shared/corpus} found walking up from the working directory.
     */
    public static Path corpusDir() {
        return SharedFolder.find("corpus", "web/manifest.json", CORPUS_PROPERTY, CORPUS_ENV);
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Every {@code groundwork.fetch.*} property a context needs to fetch from this mirror only: the URL rewrites,
     * 127.0.0.1 allow-listed, no per-host delay. In insertion order.
     */
    public Map<String, String> fetchProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        List<Map<String, String>> rewrites = urlRewrites();
        for (int i = 0; i < rewrites.size(); i++) {
            properties.put("groundwork.fetch.url-rewrites[" + i + "].from", rewrites.get(i).get("from"));
            properties.put("groundwork.fetch.url-rewrites[" + i + "].to", rewrites.get(i).get("to"));
        }
        properties.put("groundwork.fetch.allowed-private-hosts[0]", "127.0.0.1");
        properties.put("groundwork.fetch.per-host-delay", "0ms");
        return properties;
    }

    /** Rewrites for {@code groundwork.fetch.url-rewrites} that send https:// and http:// URLs here. */
    public List<Map<String, String>> urlRewrites() {
        return List.of(Map.of("from", "https://", "to", baseUrl() + "/https/"),
                Map.of("from", "http://", "to", baseUrl() + "/http/"));
    }

    /** How often a URL (original space, e.g. {@code https://prometheus.io/docs/}) was requested, any method. */
    public int requestCount(String originalUrl) {
        AtomicInteger count = counts.get(originalUrl);
        return count == null ? 0 : count.get();
    }

    /** Serves {@code body} as text/plain for {@code <origin>/robots.txt}, e.g. origin {@code https://prometheus.io}. */
    public MirrorServer robots(String origin, String body) {
        robots.put(stripSlash(origin) + "/robots.txt", body);
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String original = originalUrl(exchange);
            if (original == null) {
                send(exchange, 404, "text/plain; charset=utf-8", "not a mirrored address".getBytes(StandardCharsets.UTF_8));
                return;
            }
            counts.computeIfAbsent(original, k -> new AtomicInteger()).incrementAndGet();
            if (original.endsWith("/robots.txt")) {
                String body = robots.get(original);
                if (body == null) {
                    send(exchange, 404, "text/plain; charset=utf-8", new byte[0]);
                } else {
                    send(exchange, 200, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
                }
                return;
            }
            Entry entry = entries.get(original);
            if (entry == null) {
                String variant = original.endsWith("/") ? original.substring(0, original.length() - 1) : original + "/";
                if (entries.containsKey(variant) && !variant.endsWith("//")) {
                    redirect(exchange, 301, variant);
                } else {
                    send(exchange, 404, "text/plain; charset=utf-8", "not mirrored".getBytes(StandardCharsets.UTF_8));
                }
                return;
            }
            if (entry.status() != 0) {
                if (entry.location() != null) {
                    redirect(exchange, entry.status(), entry.location());
                } else {
                    send(exchange, entry.status(), "text/plain; charset=utf-8", new byte[0]);
                }
                return;
            }
            serveContent(exchange, entry);
        }
    }

    private void serveContent(HttpExchange exchange, Entry entry) throws IOException {
        Path file = web.resolve(entry.path());
        byte[] body = Files.readAllBytes(file);
        String etag = etags.computeIfAbsent(entry.path(), p -> "\"" + sha256(body).substring(0, 32) + "\"");
        exchange.getResponseHeaders().set("ETag", etag);
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*"))) {
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        send(exchange, 200, entry.contentType(), body);
    }

    private void redirect(HttpExchange exchange, int status, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", rewrite(location));
        send(exchange, status, "text/plain; charset=utf-8", new byte[0]);
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
        if (head || body.length == 0) {
            if (head) {
                exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            }
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** {@code /https/host/path?q} → {@code https://host/path?q}; null when the path has no scheme prefix. */
    private static String originalUrl(HttpExchange exchange) {
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        for (String scheme : List.of("https", "http")) {
            String prefix = "/" + scheme + "/";
            if (path.startsWith(prefix) && path.length() > prefix.length()) {
                String rest = path.substring(prefix.length());
                String url = scheme + "://" + (rest.contains("/") ? rest : rest + "/");
                return query == null ? url : url + "?" + query;
            }
        }
        return null;
    }

    /** {@code https://host/path} → {@code /https/host/path}: relative, as a path-prefix reverse proxy answers. */
    private static String rewrite(String location) {
        for (String scheme : List.of("https", "http")) {
            if (location.startsWith(scheme + "://")) {
                return "/" + scheme + "/" + location.substring(scheme.length() + 3);
            }
        }
        return location;
    }

    private static Map<String, Entry> loadManifest(Path web) {
        JsonNode root = JsonMapper.builder().build().readTree(web.resolve("manifest.json").toFile());
        Map<String, Entry> map = new ConcurrentHashMap<>();
        for (JsonNode node : root) {
            map.put(node.get("url").asString(), new Entry(text(node, "path"), text(node, "contentType"),
                    node.has("status") ? node.get("status").asInt() : 0, text(node, "location")));
        }
        return Map.copyOf(map);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static String stripSlash(String origin) {
        return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One manifest entry: content ({@code status == 0}) or a bare status with an optional location. */
    private record Entry(String path, String contentType, int status, String location) {
    }
}
