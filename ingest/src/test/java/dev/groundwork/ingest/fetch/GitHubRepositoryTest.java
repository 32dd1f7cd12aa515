package dev.groundwork.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.ingest.fetch.GitHubRepository.Target;
import org.junit.jupiter.api.Test;

/** Which links of a repository's Markdown point back into it, and where. */
class GitHubRepositoryTest {

    final GitHubRepository primer = GitHubRepository.of("https://github.com/donnemartin/system-design-primer").orElseThrow();
    static final String PASTEBIN = "solutions/system_design/pastebin/README.md";

    @Test
    void resolvesRelativeLinksAgainstTheDocumentsFolder() {
        assertThat(primer.target(PASTEBIN, "README.md")).contains(new Target(PASTEBIN, false));
        assertThat(primer.target("./" + PASTEBIN + "#design-pastebin", "README.md")).contains(new Target(PASTEBIN, false));
        assertThat(primer.target("../scaling_aws/README.md", PASTEBIN))
                .contains(new Target("solutions/system_design/scaling_aws/README.md", false));
        assertThat(primer.target("/docs/intro.md", PASTEBIN)).contains(new Target("docs/intro.md", false));
    }

    @Test
    void acceptsAbsoluteLinksToTheSameRepositoryOnAnyRef() {
        assertThat(primer.target("https://github.com/donnemartin/system-design-primer/blob/master/" + PASTEBIN, "README.md"))
                .contains(new Target(PASTEBIN, false));
        assertThat(primer.target("http://github.com/DonneMartin/System-Design-Primer/blob/v1/a.markdown?plain=1", "README.md"))
                .contains(new Target("a.markdown", false));
        assertThat(primer.target("https://raw.githubusercontent.com/donnemartin/system-design-primer/HEAD/x/y.md", "README.md"))
                .contains(new Target("x/y.md", false));
    }

    @Test
    void readsFolderLinksAsFolders() {
        assertThat(primer.target("docs/", "README.md")).contains(new Target("docs/", true));
        assertThat(primer.target("docs", "README.md")).contains(new Target("docs/", true));
        assertThat(primer.target("https://github.com/donnemartin/system-design-primer/tree/main/guides/intro", "README.md"))
                .contains(new Target("guides/intro/", true));
    }

    @Test
    void ignoresEverythingElse() {
        for (String link : new String[] {"#anchor", "", "https://github.com/other/repo/blob/main/a.md",
                "https://github.com/donnemartin/system-design-primer", "https://github.com/donnemartin/system-design-primer/issues/28",
                "https://github.com/donnemartin/system-design-primer/tree/master/resources/flash_cards/OO%20Design.apkg",
                "images/diagram.png", "solutions/object_oriented_design/lru_cache/lru_cache.ipynb", "mailto:a@b.c",
                "https://example.com/guide.md", "LICENSE", "%2e%2e/%2e%2e/%2e%2e/%2e%2e/other/repo/HEAD/x.md",
                "docs/%2E%2E/%2e%2e/x.md", "docs%2f..%2fx.md", "a%5c..%5cx.md"}) {
            assertThat(primer.target(link, "README.md")).as(link).isEmpty();
        }
    }
}
