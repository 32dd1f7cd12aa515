package dev.groundwork.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.ingest.fetch.FetchFailure.Reason;
import dev.groundwork.ingest.mirror.MirrorServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Crawls seed resources against the offline mirror, through URL rewrites, as the ingester will. */
@Timeout(10)
class CrawlerTest {

    static MirrorServer mirror;
    static Crawler crawler;

    @BeforeAll
    static void start() {
        mirror = MirrorServer.start();
        FetchProperties properties = new TestProperties().rewrites(mirror.urlRewrites()).build();
        FakeTime time = new FakeTime();
        crawler = new Crawler(new Fetcher(properties, new UrlGuard(properties.allowedPrivateHosts()), time, time),
                properties);
    }

    @AfterAll
    static void stop() {
        mirror.close();
    }

    @Test
    void crawlsPrometheusDocsToItsMirroredSubpages() {
        List<CrawledPage> pages = crawler.crawl("https://prometheus.io/docs/", null);

        assertThat(pages.get(0).url()).isEqualTo("https://prometheus.io/docs/");
        assertThat(pages.get(0).depth()).isZero();
        assertThat(fetchedUrls(pages)).contains(
                "https://prometheus.io/docs/",
                "https://prometheus.io/docs/introduction/overview/",
                "https://prometheus.io/docs/concepts/data_model/",
                "https://prometheus.io/docs/concepts/metric_types/",
                "https://prometheus.io/docs/practices/naming/",
                "https://prometheus.io/docs/instrumenting/exposition_formats/");
        assertThat(fetchedUrls(pages)).allMatch(url -> url.startsWith("https://prometheus.io/docs/"));
        assertThat(pages).hasSizeLessThanOrEqualTo(40);
        assertThat(pages).extracting(CrawledPage::url).doesNotHaveDuplicates();
    }

    @Test
    void crawlsKubernetesFromDocsHomeIntoTheDocsDirectory() {
        List<CrawledPage> pages = crawler.crawl("https://kubernetes.io/docs/home/", null);

        assertThat(fetchedUrls(pages)).contains(
                "https://kubernetes.io/docs/concepts/",
                "https://kubernetes.io/docs/concepts/overview/",
                "https://kubernetes.io/docs/tutorials/",
                "https://kubernetes.io/docs/setup/");
    }

    @Test
    void readsAGitHubRepositoryAsItsReadmeInMarkdownThenTheSolutionPagesItLinks() {
        String primer = "https://github.com/donnemartin/system-design-primer";
        List<CrawledPage> pages = crawler.crawl(primer, null);

        assertThat(pages.get(0)).satisfies(page -> {
            assertThat(page.url()).isEqualTo(primer);
            assertThat(page.result()).isInstanceOfSatisfying(FetchedPage.class, readme -> {
                assertThat(readme.url()).isEqualTo(primer);
                assertThat(readme.finalUrl())
                        .isEqualTo("https://raw.githubusercontent.com/donnemartin/system-design-primer/HEAD/README.md");
                assertThat(readme.mediaType()).isEqualTo("text/markdown");
                assertThat(new String(readme.body(), readme.charset())).contains("# The System Design Primer");
            });
        });
        List<String> solutions = List.of("pastebin", "twitter", "web_crawler", "mint", "social_graph", "query_cache",
                "sales_rank", "scaling_aws");
        assertThat(pages).filteredOn(p -> p.result() instanceof FetchedPage).extracting(CrawledPage::url)
                .containsAll(solutions.stream()
                        .map(s -> primer + "/blob/HEAD/solutions/system_design/" + s + "/README.md").toList());
        assertThat(pages).filteredOn(p -> p.url().endsWith("/pastebin/README.md")).singleElement()
                .satisfies(p -> assertThat(p.depth()).isEqualTo(1))
                .satisfies(p -> assertThat(p.result()).isInstanceOfSatisfying(FetchedPage.class, page -> {
                    assertThat(page.finalUrl()).isEqualTo("https://raw.githubusercontent.com/donnemartin/"
                            + "system-design-primer/HEAD/solutions/system_design/pastebin/README.md");
                    assertThat(page.mediaType()).isEqualTo("text/markdown");
                }));
        assertThat(pages).extracting(CrawledPage::url).doesNotHaveDuplicates()
                .noneMatch(url -> url.contains("CONTRIBUTING") || url.contains("README-ja") || url.endsWith(".ipynb"));
        assertThat(pages).hasSizeLessThanOrEqualTo(31);
    }

    @Test
    void fetchesTheThreeMirroredPdfsOfTheOwaspProjectPage() {
        List<CrawledPage> pages = crawler.crawl("https://owasp.org/www-project-api-security/", null);

        List<FetchedPage> pdfs = pages.stream().map(CrawledPage::result).filter(FetchedPage.class::isInstance)
                .map(FetchedPage.class::cast).filter(p -> p.mediaType().equals("application/pdf")).toList();
        assertThat(pdfs).extracting(FetchedPage::finalUrl).containsExactlyInAnyOrder(
                "https://owasp.org/API-Security/editions/2019/en/dist/owasp-api-security-top-10.pdf",
                "https://raw.githubusercontent.com/OWASP/www-project-api-security/master/assets/presentations/api-security-top10.pdf",
                "https://raw.githubusercontent.com/OWASP/www-project-api-security/master/assets/presentations/owasp-api-security-project-kick-off.pdf");
        assertThat(pdfs).allSatisfy(pdf -> assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-"));
    }

    @Test
    void reachesTheRaftPaperFromTheRaftSite() {
        List<CrawledPage> pages = crawler.crawl("https://raft.github.io/", null);

        assertThat(pages).anySatisfy(page -> assertThat(page.result()).isInstanceOfSatisfying(FetchedPage.class, pdf -> {
            assertThat(pdf.finalUrl()).isEqualTo("https://raft.github.io/raft.pdf");
            assertThat(pdf.mediaType()).isEqualTo("application/pdf");
        }));
    }

    @Test
    void followsTheRabbitMqRedirectToTheExtensionlessPage() {
        List<CrawledPage> pages = crawler.crawl("https://www.rabbitmq.com/tutorials/tutorial-one-python.html", null);

        assertThat(pages).singleElement().satisfies(page -> assertThat(page.result())
                .isInstanceOfSatisfying(FetchedPage.class, p -> {
                    assertThat(p.url()).isEqualTo("https://www.rabbitmq.com/tutorials/tutorial-one-python.html");
                    assertThat(p.finalUrl()).isEqualTo("https://www.rabbitmq.com/tutorials/tutorial-one-python");
                    assertThat(p.mediaType()).isEqualTo("text/html");
                }));
    }

    @Test
    void recordsUnavailableSeedsWithTheirStatus() {
        assertThat(crawler.crawl("https://dataintensive.net/", null)).singleElement().satisfies(page -> assertThat(
                page.result()).isEqualTo(new FetchFailure("https://dataintensive.net/", Reason.HTTP_STATUS, 404, null)));
        assertThat(crawler.crawl("https://sre.google/books/", null)).singleElement().satisfies(page -> assertThat(
                page.result()).isEqualTo(new FetchFailure("https://sre.google/books/", Reason.HTTP_STATUS, 403, null)));
    }

    @Test
    void fetchesJustThePageForAnUrlThatIsNoDocsRoot() {
        List<CrawledPage> pages = crawler.crawl("https://cloud.google.com/apis/design", null);

        assertThat(pages).singleElement().satisfies(page -> assertThat(page.result()).isInstanceOf(FetchedPage.class));
    }

    @Test
    void recrawlsUnchangedPagesAsNotModified() {
        List<CrawledPage> first = crawler.crawl("https://fastapi.tiangolo.com/tutorial/security/", null);
        Map<String, Validators> known = new HashMap<>();
        first.forEach(p -> {
            if (p.result() instanceof FetchedPage page) {
                known.put(p.url(), page.validators());
            }
        });

        List<CrawledPage> second = crawler.crawl("https://fastapi.tiangolo.com/tutorial/security/", known::get);

        assertThat(second).extracting(CrawledPage::url).containsExactlyElementsOf(first.stream().map(CrawledPage::url).toList());
        assertThat(second).filteredOn(p -> known.containsKey(p.url()))
                .allSatisfy(p -> assertThat(p.result()).isInstanceOf(NotModified.class));
        assertThat(known).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void answersTheGitHubReadmeAsNotModifiedWhenUnchanged() {
        String repository = "https://github.com/openai/openai-cookbook";
        FetchedPage readme = (FetchedPage) crawler.crawl(repository, null).get(0).result();
        String raw = "https://raw.githubusercontent.com/openai/openai-cookbook/HEAD/README.md";
        int before = mirror.requestCount(raw);

        List<CrawledPage> again = crawler.crawl(repository, url -> url.equals(repository) ? readme.validators() : null);

        assertThat(again).singleElement().satisfies(p -> assertThat(p.result()).isEqualTo(new NotModified(repository)));
        // once conditionally (304), once more for the links a 304 has no body for
        assertThat(mirror.requestCount(raw)).isEqualTo(before + 2);
    }

    @Test
    void recordsTheSameDocumentOnlyOnceUnderItsFirstUrl() {
        List<CrawledPage> pages = crawler.crawl("https://cheatsheetseries.owasp.org/", null);

        assertThat(fetchedUrls(pages)).contains("https://cheatsheetseries.owasp.org/",
                        "https://cheatsheetseries.owasp.org/cheatsheets/Authentication_Cheat_Sheet.html")
                .doesNotContain("https://cheatsheetseries.owasp.org/index.html");
        assertThat(pages).extracting(CrawledPage::result).filteredOn(FetchedPage.class::isInstance)
                .extracting(r -> ((FetchedPage) r).contentHash()).doesNotHaveDuplicates();
    }

    @Test
    void obeysARobotsTxtServedByTheMirror() {
        try (MirrorServer own = MirrorServer.start().robots("https://prometheus.io", "User-agent: *\nDisallow: /docs/concepts/\n")) {
            FetchProperties properties = new TestProperties().rewrites(own.urlRewrites()).build();
            FakeTime time = new FakeTime();
            Crawler polite = new Crawler(new Fetcher(properties, new UrlGuard(properties.allowedPrivateHosts()), time, time),
                    properties);

            List<CrawledPage> pages = polite.crawl("https://prometheus.io/docs/", null);

            assertThat(pages).filteredOn(p -> p.url().equals("https://prometheus.io/docs/concepts/data_model/"))
                    .singleElement().satisfies(p -> assertThat(p.result()).isInstanceOfSatisfying(FetchFailure.class,
                            f -> assertThat(f.reason()).isEqualTo(Reason.ROBOTS)));
            assertThat(own.requestCount("https://prometheus.io/docs/concepts/data_model/")).isZero();
            assertThat(own.requestCount("https://prometheus.io/robots.txt")).isEqualTo(1);
            assertThat(fetchedUrls(pages)).contains("https://prometheus.io/docs/introduction/overview/");
        }
    }

    static List<String> fetchedUrls(List<CrawledPage> pages) {
        return pages.stream().map(CrawledPage::result).filter(FetchedPage.class::isInstance)
                .map(r -> ((FetchedPage) r).finalUrl()).toList();
    }
}
