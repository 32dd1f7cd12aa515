package dev.groundwork.ingest.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRules.RobotRulesMode;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * robots.txt per origin ({@code scheme://host[:port]}), fetched once and cached for the life of the fetcher.
 *
 * <p>200 → parsed with crawler-commons for our agent token; any 4xx (404, 410 …) → everything allowed; a 5xx or an
 * unreachable robots.txt → everything allowed, with a WARN (a deliberate, lenient choice: RFC 9309 would have us
 * treat 5xx as "disallow all", but for a study tool fetching a handful of pages a flaky robots.txt should not drop
 * whole resources). Thread-safe: concurrent callers for the same origin share one download.
 */
final class RobotsRules {

    /** Downloads a robots.txt URL (original space), following redirects; never throws for HTTP problems. */
    @FunctionalInterface
    interface Download {
        Answer get(URI robotsUrl) throws InterruptedException;
    }

    /** What the download gave: {@code status} -1 when there was no HTTP answer; {@code body} null unless 2xx. */
    record Answer(int status, byte[] body, String contentType, String problem) {
    }

    private static final Logger log = LoggerFactory.getLogger(RobotsRules.class);
    private static final BaseRobotRules ALLOW_ALL = new SimpleRobotRules(RobotRulesMode.ALLOW_ALL);

    private final String agent;
    private final Download download;
    private final Map<String, CompletableFuture<BaseRobotRules>> byOrigin = new ConcurrentHashMap<>();

    RobotsRules(String userAgent, Download download) {
        this.agent = agentToken(userAgent);
        this.download = download;
    }

    /** Whether our agent may fetch {@code url} (original space). */
    boolean allows(URI url) throws InterruptedException {
        return rules(url).isAllowed(url.toString());
    }

    /** The sitemap URLs the robots.txt of {@code url}'s origin names in {@code Sitemap:} lines, in order. */
    List<String> sitemaps(URI url) throws InterruptedException {
        return List.copyOf(rules(url).getSitemaps());
    }

    private BaseRobotRules rules(URI url) throws InterruptedException {
        String origin = origin(url);
        CompletableFuture<BaseRobotRules> mine = new CompletableFuture<>();
        CompletableFuture<BaseRobotRules> rules = byOrigin.putIfAbsent(origin, mine);
        if (rules == null) {
            rules = mine;
            try {
                mine.complete(load(origin));
            } catch (InterruptedException e) {
                byOrigin.remove(origin, mine);
                mine.complete(ALLOW_ALL);
                throw e;
            } catch (RuntimeException e) {
                log.warn("robots.txt of {} could not be read ({}); allowing all", origin, e.getClass().getSimpleName());
                mine.complete(ALLOW_ALL);
            }
        }
        try {
            return rules.get();
        } catch (ExecutionException e) {
            return ALLOW_ALL;
        }
    }

    private BaseRobotRules load(String origin) throws InterruptedException {
        String robotsUrl = origin + "/robots.txt";
        Answer answer = download.get(URI.create(robotsUrl));
        if (answer.status() >= 200 && answer.status() < 300 && answer.body() != null) {
            return new SimpleRobotRulesParser().parseContent(robotsUrl, answer.body(),
                    answer.contentType() == null ? "text/plain" : answer.contentType(), List.of(agent));
        }
        if (answer.status() >= 400 && answer.status() < 500) {
            log.debug("robots.txt of {} answered {}; allowing all", origin, answer.status());
            return ALLOW_ALL;
        }
        log.warn("robots.txt of {} unavailable ({}); allowing all", origin,
                answer.status() > 0 ? "HTTP " + answer.status() : answer.problem());
        return ALLOW_ALL;
    }

    static String origin(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort();
        boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    static String agentToken(String userAgent) {
        String token = userAgent.trim().split("[/\\s]", 2)[0];
        return token.toLowerCase(Locale.ROOT);
    }
}
