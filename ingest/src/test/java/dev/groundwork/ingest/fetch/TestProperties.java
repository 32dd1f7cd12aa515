package dev.groundwork.ingest.fetch;

import dev.groundwork.ingest.fetch.FetchProperties.UrlRewrite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.util.unit.DataSize;

/** Fetch properties for tests: the documented defaults, but loopback allowed, no politeness delay, short timeouts. */
final class TestProperties {

    String userAgent = "GroundworkBot/0.1 (study companion; +https://github.com/groundwork-dev/groundwork)";
    Duration connectTimeout = Duration.ofSeconds(2);
    Duration readTimeout = Duration.ofSeconds(5);
    DataSize maxBodySize = DataSize.ofMegabytes(20);
    int maxRedirects = 5;
    int maxAttempts = 3;
    Duration retryBaseDelay = Duration.ofMillis(500);
    Duration maxRetryAfter = Duration.ofSeconds(30);
    int perHostConcurrency = 2;
    Duration perHostDelay = Duration.ZERO;
    boolean respectRobots = true;
    List<String> allowedPrivateHosts = new ArrayList<>(List.of("127.0.0.1"));
    List<UrlRewrite> urlRewrites = new ArrayList<>();
    FetchProperties.Crawl crawl = new FetchProperties.Crawl(2, 40, true, 5);
    FetchProperties.GitHub github = new FetchProperties.GitHub(30);

    TestProperties rewrites(List<Map<String, String>> rules) {
        rules.forEach(r -> urlRewrites.add(new UrlRewrite(r.get("from"), r.get("to"))));
        return this;
    }

    FetchProperties build() {
        return new FetchProperties(userAgent, connectTimeout, readTimeout, maxBodySize, maxRedirects, maxAttempts,
                retryBaseDelay, maxRetryAfter, perHostConcurrency, perHostDelay, respectRobots, allowedPrivateHosts,
                urlRewrites, crawl, github);
    }
}
