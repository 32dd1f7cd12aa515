package dev.groundwork.ingest.fetch;

import static dev.groundwork.ingest.fetch.LocalServer.redirect;
import static dev.groundwork.ingest.fetch.LocalServer.send;
import static dev.groundwork.ingest.fetch.LocalServer.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.ingest.fetch.FetchFailure.Reason;
import org.junit.jupiter.api.Test;

/** The SSRF guard, robots.txt and malformed input. */
class FetcherSafetyTest extends FetcherScenario {

    @Test
    void obeysRobotsTxtAndReadsItOncePerHost() {
        server.content("/robots.txt", "text/plain", utf8("User-agent: *\nDisallow: /private/\n"));
        server.content("/private/page", "text/html", HTML);
        server.content("/public/page", "text/html", HTML);
        Fetcher fetcher = fetcher();

        FetchResult refused = fetcher.fetch(server.url("/private/page"), null);
        FetchResult allowed = fetcher.fetch(server.url("/public/page"), null);

        assertThat(refused).isInstanceOfSatisfying(FetchFailure.class, f -> {
            assertThat(f.reason()).isEqualTo(Reason.ROBOTS);
            assertThat(f.describe()).isEqualTo("disallowed by robots.txt");
        });
        assertThat(allowed).isInstanceOf(FetchedPage.class);
        assertThat(server.hits("/private/page")).isZero();
        assertThat(server.hits("/robots.txt")).isEqualTo(1);
    }

    @Test
    void obeysRobotsRulesForItsOwnAgent() {
        server.content("/robots.txt", "text/plain", utf8("User-agent: GroundworkBot\nDisallow: /\n\nUser-agent: *\nAllow: /\n"));
        server.content("/page", "text/html", HTML);

        assertThat(fetcher().fetch(server.url("/page"), null)).isInstanceOfSatisfying(FetchFailure.class,
                f -> assertThat(f.reason()).isEqualTo(Reason.ROBOTS));
    }

    @Test
    void allowsEverythingWhenRobotsTxtFailsWithAServerError() {
        properties.maxAttempts = 1;
        server.route("/robots.txt", exchange -> send(exchange, 500, "text/plain", new byte[0]));
        server.content("/page", "text/html", HTML);

        assertThat(fetcher().fetch(server.url("/page"), null)).isInstanceOf(FetchedPage.class);
    }

    @Test
    void refusesAHostThatResolvesToAPrivateAddress() {
        FetchResult result = fetcher().fetch("http://intranet.test/secrets", null);

        assertThat(result).isInstanceOfSatisfying(FetchFailure.class, f -> {
            assertThat(f.reason()).isEqualTo(Reason.REFUSED_ADDRESS);
            assertThat(f.describe()).isEqualTo("refused address 10.0.0.1 (private)");
        });
    }

    @Test
    void refusesAHostThatResolvesToTheCloudMetadataAddress() {
        FetchResult result = fetcher().fetch("http://metadata.test/latest/meta-data/", null);

        assertThat(result).isInstanceOfSatisfying(FetchFailure.class, f -> {
            assertThat(f.reason()).isEqualTo(Reason.REFUSED_ADDRESS);
            assertThat(f.describe()).isEqualTo("refused address 169.254.169.254 (metadata)");
        });
    }

    @Test
    void refusesPrivateAddressesReachedThroughARedirect() {
        server.route("/to-intranet", exchange -> redirect(exchange, 302, "http://intranet.test/admin"));
        server.route("/to-metadata", exchange -> redirect(exchange, 302, "http://169.254.169.254/latest/meta-data/"));

        FetchResult intranet = fetcher().fetch(server.url("/to-intranet"), null);
        FetchResult metadata = fetcher().fetch(server.url("/to-metadata"), null);

        assertThat(intranet).isInstanceOfSatisfying(FetchFailure.class,
                f -> assertThat(f.describe()).isEqualTo("refused address 10.0.0.1 (private)"));
        assertThat(metadata).isInstanceOfSatisfying(FetchFailure.class,
                f -> assertThat(f.describe()).isEqualTo("refused address 169.254.169.254 (metadata)"));
    }

    @Test
    void refusesLoopbackUnlessAllowListed() {
        properties.allowedPrivateHosts.clear();
        server.content("/page", "text/html", HTML);

        FetchResult result = fetcher().fetch(server.url("/page"), null);

        assertThat(result).isInstanceOfSatisfying(FetchFailure.class,
                f -> assertThat(f.describe()).isEqualTo("refused address 127.0.0.1 (loopback)"));
        assertThat(server.hits("/page")).isZero();
    }

    @Test
    void reportsInvalidUrlsAndUnreachableHostsAsFailures() {
        properties.maxAttempts = 1;

        assertThat(fetcher().fetch("ftp://example.com/file", null)).isInstanceOfSatisfying(FetchFailure.class,
                f -> assertThat(f.reason()).isEqualTo(Reason.INVALID_URL));
        assertThat(fetcher().fetch("not a url", null)).isInstanceOfSatisfying(FetchFailure.class,
                f -> assertThat(f.reason()).isEqualTo(Reason.INVALID_URL));
        assertThat(fetcher().fetch("http://nowhere.invalid/", null)).isInstanceOfSatisfying(FetchFailure.class,
                f -> assertThat(f.reason()).isEqualTo(Reason.NETWORK));
    }

}
