package dev.groundwork.ingest.fetch;

import static dev.groundwork.ingest.fetch.LocalServer.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A repository read as a guide: the README, the same repository's Markdown it links, a docs folder, the bounds. */
class GitHubGuideTest extends FetcherScenario {

    static final String REPOSITORY = "https://github.com/acme/guide";
    static final String BLOB = REPOSITORY + "/blob/HEAD/";

    @BeforeEach
    void mirrorGitHub() {
        properties.urlRewrites.add(new FetchProperties.UrlRewrite("https://raw.githubusercontent.com/", server.url("/raw/")));
        properties.urlRewrites.add(new FetchProperties.UrlRewrite("https://github.com/", server.url("/gh/")));
        markdown("README.md", """
                # Guide
                - [Intro](intro.md)
                - [Chapter one, absolute](https://github.com/acme/guide/blob/main/chapters/one.md#part)
                - [Docs](docs/)
                - [Reference](https://github.com/Acme/Guide/tree/v1/reference)
                - [Another repository](https://github.com/other/repo/blob/main/x.md)
                - [Code](src/main.py) and [itself](README.md) and [an anchor](#guide)
                - [Flash cards](https://github.com/acme/guide/tree/main/cards/Deck.apkg)
                - [Contributing](CONTRIBUTING.md), [Japanese](README-ja.md)
                - <a href="html-linked.md">linked from HTML</a>, [from the root](/rooted.md)
                """);
        markdown("intro.md", "# Intro\n[Deeper](sub/deeper.md)\n");
        markdown("sub/deeper.md", "# Deeper\n[Too deep](deepest.md)\n");
        markdown("chapters/one.md", "# One\n");
        markdown("docs/index.md", "# Docs\n[A docs page](guide.md)\n");
        markdown("docs/guide.md", "# Docs guide\n");
        markdown("reference/README.md", "# Reference\n");
        markdown("html-linked.md", "# Linked from HTML\n");
        markdown("rooted.md", "# Rooted\n");
    }

    @Test
    void readsTheReadmeThenTheSameRepositorysMarkdownItLinksUnderTheirBlobUrls() {
        List<CrawledPage> pages = crawler().crawl(REPOSITORY, null);

        assertThat(pages.get(0).url()).isEqualTo(REPOSITORY);
        assertThat(pages).allSatisfy(p -> assertThat(p.result()).isInstanceOf(FetchedPage.class));
        assertThat(pages).extracting(CrawledPage::url).containsExactly(REPOSITORY, BLOB + "intro.md",
                BLOB + "chapters/one.md", BLOB + "docs/index.md", BLOB + "reference/README.md",
                BLOB + "html-linked.md", BLOB + "rooted.md", BLOB + "sub/deeper.md", BLOB + "docs/guide.md");
        assertThat(pages.get(7).depth()).isEqualTo(2);
        assertThat(pages.get(1).result()).isInstanceOfSatisfying(FetchedPage.class, page -> {
            assertThat(page.url()).isEqualTo(BLOB + "intro.md");
            assertThat(page.finalUrl()).isEqualTo("https://raw.githubusercontent.com/acme/guide/HEAD/intro.md");
            assertThat(page.mediaType()).isEqualTo("text/markdown");
        });
    }

    @Test
    void triesAFoldersReadmeThenItsIndexAndSkipsWhatIsNoGuideDocument() {
        crawler().crawl(REPOSITORY, null);

        assertThat(server.hits("/raw/acme/guide/HEAD/docs/README.md")).isEqualTo(1);
        assertThat(server.hits("/raw/acme/guide/HEAD/docs/index.md")).isEqualTo(1);
        for (String skipped : List.of("/raw/acme/guide/HEAD/sub/deepest.md", "/raw/acme/guide/HEAD/src/main.py",
                "/raw/acme/guide/HEAD/CONTRIBUTING.md", "/raw/acme/guide/HEAD/README-ja.md", "/raw/other/repo/main/x.md",
                "/raw/other/repo/HEAD/x.md", "/gh/other/repo/blob/main/x.md",
                "/raw/acme/guide/HEAD/cards/Deck.apkg/README.md")) {
            assertThat(server.hits(skipped)).as(skipped).isZero();
        }
        assertThat(server.hits("/raw/acme/guide/HEAD/README.md")).isEqualTo(1);
    }

    @Test
    void fetchesNoMoreThanMaxDocumentsBesidesTheReadme() {
        properties.github = new FetchProperties.GitHub(2);

        List<CrawledPage> pages = crawler().crawl(REPOSITORY, null);

        assertThat(pages).extracting(CrawledPage::url).containsExactly(REPOSITORY, BLOB + "intro.md",
                BLOB + "chapters/one.md");
    }

    @Test
    void readsOnlyTheReadmeWhenMaxDocumentsIsZero() {
        properties.github = new FetchProperties.GitHub(0);

        assertThat(crawler().crawl(REPOSITORY, null)).extracting(CrawledPage::url).containsExactly(REPOSITORY);
        assertThat(server.hits("/raw/acme/guide/HEAD/intro.md")).isZero();
    }

    private Crawler crawler() {
        return new Crawler(fetcher(), properties.build());
    }

    private void markdown(String path, String text) {
        server.content("/raw/acme/guide/HEAD/" + path, "text/plain; charset=utf-8", utf8(text));
    }
}
