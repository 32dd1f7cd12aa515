package dev.groundwork.ingest.fetch;

import static dev.groundwork.ingest.fetch.LocalServer.redirect;
import static dev.groundwork.ingest.fetch.LocalServer.send;
import static dev.groundwork.ingest.fetch.LocalServer.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.ingest.fetch.FetchFailure.Reason;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Content, types, validators, statuses and rewriting. */
class FetcherTest extends FetcherScenario {

    @Test
    void fetchesHtmlWithHashValidatorsAndDeclaredCharset() {
        server.route("/page", exchange -> {
            exchange.getResponseHeaders().set("ETag", "\"v1\"");
            exchange.getResponseHeaders().set("Last-Modified", "Mon, 05 Jan 2026 09:00:00 GMT");
            send(exchange, 200, "text/html; charset=ISO-8859-1", HTML);
        });

        FetchResult result = fetcher().fetch(server.url("/page"), null);

        assertThat(result).isInstanceOfSatisfying(FetchedPage.class, page -> {
            assertThat(page.mediaType()).isEqualTo("text/html");
            assertThat(page.charset()).isEqualTo(StandardCharsets.ISO_8859_1);
            assertThat(page.body()).isEqualTo(HTML);
            assertThat(page.contentHash()).isEqualTo(Fetcher.sha256(HTML)).hasSize(64);
            assertThat(page.validators()).isEqualTo(new Validators("\"v1\"", "Mon, 05 Jan 2026 09:00:00 GMT"));
            assertThat(page.finalUrl()).isEqualTo(server.url("/page"));
        });
    }

    @Test
    void sendsItsUserAgent() {
        AtomicReference<String> agent = new AtomicReference<>();
        server.route("/page", exchange -> {
            agent.set(exchange.getRequestHeaders().getFirst("User-Agent"));
            send(exchange, 200, "text/html", HTML);
        });

        fetcher().fetch(server.url("/page"), null);

        assertThat(agent.get()).startsWith("GroundworkBot/0.1");
    }

    @Test
    void followsRedirectsToTheFinalUrl() {
        server.route("/old", exchange -> redirect(exchange, 301, "/new"));
        server.content("/new", "text/html", HTML);

        FetchResult result = fetcher().fetch(server.url("/old"), null);

        assertThat(result).isInstanceOfSatisfying(FetchedPage.class, page -> {
            assertThat(page.url()).isEqualTo(server.url("/old"));
            assertThat(page.finalUrl()).isEqualTo(server.url("/new"));
        });
    }

    @Test
    void refusesAnUnsupportedTypeWithoutReadingTheBody() {
        server.content("/logo.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});

        FetchResult result = fetcher().fetch(server.url("/logo.png"), null);

        assertThat(result).isInstanceOfSatisfying(FetchFailure.class, f -> {
            assertThat(f.reason()).isEqualTo(Reason.UNSUPPORTED_TYPE);
            assertThat(f.describe()).isEqualTo("unsupported type image/png");
        });
    }

    @Test
    void recordsNotFoundAndForbiddenWithTheirStatus() {
        properties.maxAttempts = 1;
        server.route("/forbidden", exchange -> send(exchange, 403, "text/html", utf8("no")));

        FetchResult missing = fetcher().fetch(server.url("/missing"), null);
        FetchResult forbidden = fetcher().fetch(server.url("/forbidden"), null);

        assertThat(missing).isEqualTo(new FetchFailure(server.url("/missing"), Reason.HTTP_STATUS, 404, null));
        assertThat(((FetchFailure) missing).describe()).isEqualTo("HTTP 404");
        assertThat(forbidden).isEqualTo(new FetchFailure(server.url("/forbidden"), Reason.HTTP_STATUS, 403, null));
        assertThat(server.hits("/forbidden")).isEqualTo(1);
    }

    @Test
    void answersNotModifiedToAConditionalGet() {
        AtomicReference<String> since = new AtomicReference<>();
        server.route("/page", exchange -> {
            since.set(exchange.getRequestHeaders().getFirst("If-Modified-Since"));
            exchange.getResponseHeaders().set("ETag", "\"abc\"");
            if ("\"abc\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                send(exchange, 304, null, new byte[0]);
            } else {
                send(exchange, 200, "text/html", HTML);
            }
        });
        Fetcher fetcher = fetcher();
        FetchedPage first = (FetchedPage) fetcher.fetch(server.url("/page"), null);

        FetchResult second = fetcher.fetch(server.url("/page"), new Validators(first.etag(), "Mon, 05 Jan 2026 09:00:00 GMT"));

        assertThat(second).isEqualTo(new NotModified(server.url("/page")));
        assertThat(since.get()).isEqualTo("Mon, 05 Jan 2026 09:00:00 GMT");
    }

    @Test
    void readsRawMarkdownServedAsPlainTextAsMarkdown() {
        server.content("/owner/repo/HEAD/README.md", "text/plain; charset=utf-8", utf8("# Title\n\nSome *text*.\n"));

        FetchResult result = fetcher().fetch(server.url("/owner/repo/HEAD/README.md"), null);

        assertThat(result).isInstanceOfSatisfying(FetchedPage.class, page -> {
            assertThat(page.mediaType()).isEqualTo("text/markdown");
            assertThat(page.charset()).isEqualTo(StandardCharsets.UTF_8);
        });
    }

    @Test
    void keepsPlainTextThatIsNotMarkdown() {
        server.content("/notes", "text/plain", utf8("just words"));

        assertThat(fetcher().fetch(server.url("/notes"), null)).isInstanceOfSatisfying(FetchedPage.class,
                page -> assertThat(page.mediaType()).isEqualTo("text/plain"));
    }

    @Test
    void recognisesAPdfByItsMagicBytes() {
        server.content("/download", "application/octet-stream", PDF);

        FetchResult result = fetcher().fetch(server.url("/download"), null);

        assertThat(result).isInstanceOfSatisfying(FetchedPage.class, page -> {
            assertThat(page.mediaType()).isEqualTo("application/pdf");
            assertThat(page.charset()).isNull();
        });
    }

    @Test
    void recognisesHtmlWithoutAContentType() {
        server.content("/bare", null, utf8("\n  <!DOCTYPE html><html><body>x</body></html>"));

        assertThat(fetcher().fetch(server.url("/bare"), null)).isInstanceOfSatisfying(FetchedPage.class,
                page -> assertThat(page.mediaType()).isEqualTo("text/html"));
    }

    @Test
    void showsOnlyOriginalUrlsWhenRewriting() {
        properties.urlRewrites.add(new FetchProperties.UrlRewrite("https://docs.example/", server.url("/site/")));
        server.route("/site/old", exchange -> redirect(exchange, 301, server.url("/site/new")));
        server.content("/site/new", "text/html", HTML);

        FetchResult result = fetcher().fetch("https://docs.example/old", null);

        assertThat(result).isInstanceOfSatisfying(FetchedPage.class, page -> {
            assertThat(page.url()).isEqualTo("https://docs.example/old");
            assertThat(page.finalUrl()).isEqualTo("https://docs.example/new");
        });
    }

    @Test
    void resolvesARelativeRedirectAgainstTheRewrittenUrlAndShowsItInTheOriginalSpace() {
        properties.urlRewrites.add(new FetchProperties.UrlRewrite("https://docs.example/", server.url("/site/")));
        server.route("/site/guide/old.html", exchange -> redirect(exchange, 301, "/site/guide/new"));
        server.route("/site/guide/new", exchange -> redirect(exchange, 302, "newer"));
        server.content("/site/guide/newer", "text/html", HTML);

        FetchResult result = fetcher().fetch("https://docs.example/guide/old.html", null);

        assertThat(result).isInstanceOfSatisfying(FetchedPage.class, page -> {
            assertThat(page.url()).isEqualTo("https://docs.example/guide/old.html");
            assertThat(page.finalUrl()).isEqualTo("https://docs.example/guide/newer");
        });
        assertThat(server.hits("/site/guide/newer")).isEqualTo(1);
    }
}
