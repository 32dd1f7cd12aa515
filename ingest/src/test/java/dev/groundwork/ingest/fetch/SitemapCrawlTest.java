package dev.groundwork.ingest.fetch;

import static dev.groundwork.ingest.fetch.LocalServer.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A docs root whose site has a sitemap finds its pages through it; without one, through links. */
class SitemapCrawlTest extends FetcherScenario {

    static final String ROOT = "https://docs.example/docs/";
    final Set<String> looked = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void site() {
        properties.urlRewrites.add(new FetchProperties.UrlRewrite("https://docs.example/", server.url("/site/")));
        server.content("/site/docs/", "text/html", utf8("<html><body><h1>Docs</h1><a href=\"linked\">linked</a></body></html>"));
        for (String page : List.of("a", "b", "c", "d", "linked")) {
            server.content("/site/docs/" + page, "text/html", utf8("<html><body><p>Page " + page + "</p></body></html>"));
        }
        server.content("/site/blog/x", "text/html", HTML);
    }

    @Test
    void findsThePagesInTheRootsPrefixThroughTheSitemapIndexRobotsTxtNames() {
        sitemapsNamedInRobots();

        List<CrawledPage> pages = crawler().crawl(ROOT, null);

        assertThat(pages).extracting(CrawledPage::url).containsExactly(ROOT, ROOT + "a", ROOT + "b", ROOT + "c",
                ROOT + "d", ROOT + "linked");
        assertThat(pages).allSatisfy(p -> assertThat(p.result()).isInstanceOf(FetchedPage.class));
        assertThat(server.hits("/site/blog/x")).isZero();
        assertThat(server.hits("/site/blog/y")).isZero();
        assertThat(server.hits("/site/sitemap.xml")).isZero();
    }

    @Test
    void staysWithinThePageLimit() {
        sitemapsNamedInRobots();
        properties.crawl = new FetchProperties.Crawl(2, 3, true, 5);

        List<CrawledPage> pages = crawler().crawl(ROOT, null);

        assertThat(pages).extracting(CrawledPage::url).containsExactly(ROOT, ROOT + "a", ROOT + "b");
        assertThat(server.hits("/site/docs/c")).isZero();
    }

    @Test
    void readsNoMoreSitemapFilesThanMaxSitemaps() {
        sitemapsNamedInRobots();
        // the refused metadata address counts as one
        properties.crawl = new FetchProperties.Crawl(2, 40, true, 2);

        List<CrawledPage> pages = crawler().crawl(ROOT, null);

        assertThat(server.hits("/site/meta/index.xml")).isEqualTo(1);
        assertThat(server.hits("/site/meta/docs.xml.gz")).isZero();
        assertThat(pages).extracting(CrawledPage::url).containsExactly(ROOT, ROOT + "linked");
    }

    @Test
    void appliesTheUrlGuardToSitemapUrls() {
        sitemapsNamedInRobots();

        crawler().crawl(ROOT, null);

        assertThat(looked).contains("metadata.test");
        assertThat(server.hits("/site/meta/index.xml")).isEqualTo(1);
    }

    @Test
    void usesTheStandardSitemapWhenRobotsTxtNamesNone() {
        server.content("/site/sitemap.xml", "application/xml", urlset(ROOT + "c", "https://docs.example/blog/x"));

        List<CrawledPage> pages = crawler().crawl(ROOT, null);

        assertThat(pages).extracting(CrawledPage::url).containsExactly(ROOT, ROOT + "c", ROOT + "linked");
    }

    @Test
    void fallsBackToLinksWhenTheSiteHasNoSitemap() {
        List<CrawledPage> pages = crawler().crawl(ROOT, null);

        assertThat(pages).extracting(CrawledPage::url).containsExactly(ROOT, ROOT + "linked");
        assertThat(server.hits("/site/sitemap.xml")).isEqualTo(1);
    }

    @Test
    void readsNoSitemapWhenSitemapsAreOff() {
        sitemapsNamedInRobots();
        properties.crawl = new FetchProperties.Crawl(2, 40, false, 5);

        assertThat(crawler().crawl(ROOT, null)).extracting(CrawledPage::url).containsExactly(ROOT, ROOT + "linked");
        assertThat(server.hits("/site/meta/index.xml")).isZero();
    }

    /** robots.txt names an index at a non-standard path (and one on a metadata address); the index a gzipped map. */
    private void sitemapsNamedInRobots() {
        server.content("/site/robots.txt", "text/plain", utf8("""
                User-agent: *
                Allow: /
                Sitemap: http://metadata.test/latest/sitemap.xml
                Sitemap: https://docs.example/meta/index.xml
                """));
        server.content("/site/meta/index.xml", "application/xml", utf8("""
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>https://docs.example/meta/docs.xml.gz</loc></sitemap>
                  <sitemap><loc>https://docs.example/meta/blog.xml</loc></sitemap>
                </sitemapindex>
                """));
        server.content("/site/meta/docs.xml.gz", "application/gzip", gzip(urlset(ROOT + "a", ROOT + "b",
                "https://docs.example/blog/x", ROOT + "c", "https://other.example/docs/z", ROOT + "logo.png", ROOT + "d")));
        server.content("/site/meta/blog.xml", "application/xml", urlset("https://docs.example/blog/y"));
    }

    private Crawler crawler() {
        FetchProperties built = properties.build();
        UrlGuard guard = new UrlGuard(properties.allowedPrivateHosts, host -> {
            looked.add(host);
            return resolve(host);
        });
        return new Crawler(new Fetcher(built, guard, time, time), built);
    }

    private static byte[] urlset(String... urls) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (String url : urls) {
            xml.append("  <url><loc>").append(url).append("</loc></url>\n");
        }
        return utf8(xml.append("</urlset>\n").toString());
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
