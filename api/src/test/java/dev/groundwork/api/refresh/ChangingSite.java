package dev.groundwork.api.refresh;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A site on 127.0.0.1 whose pages a test changes between checks. Every page has an ETag of its content and answers
 * a matching {@code If-None-Match} with 304, counted, so a test sees the conditional request.
 */
final class ChangingSite implements AutoCloseable {

    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private final AtomicInteger notModified = new AtomicInteger();
    private final AtomicInteger served = new AtomicInteger();
    private final HttpServer server;

    ChangingSite() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            String page = pages.get(exchange.getRequestURI().getPath());
            if (page == null) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            String etag = "\"" + Integer.toHexString(page.hashCode()) + "\"";
            exchange.getResponseHeaders().set("ETag", etag);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                notModified.incrementAndGet();
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            served.incrementAndGet();
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** Serves {@code html} at {@code path} from now on; returns the page's URL. */
    String put(String path, String html) {
        pages.put(path, html);
        return url(path);
    }

    /** Answers 404 at {@code path} from now on. */
    void remove(String path) {
        pages.remove(path);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Requests answered 304 so far. */
    int notModified() {
        return notModified.get();
    }

    /** Requests answered with a body so far. */
    int served() {
        return served.get();
    }

    static String page(String title, String body) {
        return "<!doctype html><html><head><title>" + title + "</title></head><body><main><h1>" + title + "</h1>"
                + body + "</main></body></html>";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
