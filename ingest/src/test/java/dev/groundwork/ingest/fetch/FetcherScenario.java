package dev.groundwork.ingest.fetch;

import static dev.groundwork.ingest.fetch.LocalServer.utf8;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Shared set-up for fetcher tests: a scripted server on 127.0.0.1, fake time, test properties. */
@Timeout(5)
abstract class FetcherScenario {

    static final byte[] HTML = utf8("<!doctype html><html><head><title>t</title></head><body><p>Hello</p></body></html>");
    static final byte[] PDF = utf8("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

    final LocalServer server = new LocalServer();
    final FakeTime time = new FakeTime();
    final TestProperties properties = new TestProperties();

    @AfterEach
    void stop() {
        server.close();
    }

    Fetcher fetcher() {
        return new Fetcher(properties.build(), new UrlGuard(properties.allowedPrivateHosts, FetcherScenario::resolve),
                time, time);
    }

    /** Test names resolve without DNS; literals as usual. */
    static InetAddress[] resolve(String host) throws UnknownHostException {
        Map<String, String> names = Map.of("intranet.test", "10.0.0.1", "metadata.test", "169.254.169.254",
                "public.test", "93.184.216.34");
        String address = names.get(host);
        if (address != null) {
            return new InetAddress[] {InetAddress.getByAddress(host, InetAddress.getByName(address).getAddress())};
        }
        if (Cidr.isIpLiteral(host)) {
            return InetAddress.getAllByName(host);
        }
        throw new UnknownHostException(host);
    }

    static void streamZeros(com.sun.net.httpserver.HttpExchange exchange, long size, boolean declare,
            AtomicLong written) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/html");
        exchange.sendResponseHeaders(200, declare ? size : 0);
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = exchange.getResponseBody()) {
            for (long sent = 0; sent < size; sent += chunk.length) {
                out.write(chunk);
                written.addAndGet(chunk.length);
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
