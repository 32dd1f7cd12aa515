package dev.groundwork.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CrawlScopeTest {

    @Test
    void treatsATrailingSlashPathAsADocsRoot() {
        assertThat(CrawlScope.of("https://prometheus.io/docs/")).hasValue(new CrawlScope("prometheus.io", "/docs/"));
        assertThat(CrawlScope.of("https://fastapi.tiangolo.com/")).hasValue(new CrawlScope("fastapi.tiangolo.com", "/"));
    }

    @Test
    void widensHomeAndIndexPagesToTheirParentDirectory() {
        assertThat(CrawlScope.of("https://kubernetes.io/docs/home/")).hasValue(new CrawlScope("kubernetes.io", "/docs/"));
        assertThat(CrawlScope.of("https://docs.aws.amazon.com/cdk/index.html"))
                .hasValue(new CrawlScope("docs.aws.amazon.com", "/cdk/"));
    }

    @Test
    void treatsOtherPagesAsSinglePages() {
        assertThat(CrawlScope.of("https://cloud.google.com/apis/design")).isEmpty();
        assertThat(CrawlScope.of("https://www.rabbitmq.com/tutorials/tutorial-one-python.html")).isEmpty();
    }

    @Test
    void containsOnlyTheSameHostUnderThePrefix() {
        CrawlScope scope = CrawlScope.of("https://kubernetes.io/docs/home/").orElseThrow();

        assertThat(scope.contains("https://kubernetes.io/docs/concepts/")).isTrue();
        assertThat(scope.contains("https://kubernetes.io/blog/")).isFalse();
        assertThat(scope.contains("https://other.io/docs/concepts/")).isFalse();
    }

    @Test
    void normalisesLinksForDeduplication() {
        assertThat(UrlNormalizer.normalize("HTTPS://Prometheus.IO:443/docs//concepts/../introduction/overview/#top"))
                .hasValue("https://prometheus.io/docs/introduction/overview/");
        assertThat(UrlNormalizer.normalize("http://example.com:80")).hasValue("http://example.com/");
        assertThat(UrlNormalizer.normalize("http://example.com:8080/a?b=1#c")).hasValue("http://example.com:8080/a?b=1");
        assertThat(UrlNormalizer.normalize("mailto:someone@example.com")).isEmpty();
        assertThat(UrlNormalizer.normalize("javascript:void(0)")).isEmpty();
    }

    @Test
    void recognisesNonDocumentsAndPdfs() {
        assertThat(UrlNormalizer.isNonDocument("https://x.io/img/logo.PNG")).isTrue();
        assertThat(UrlNormalizer.isNonDocument("https://x.io/assets/site.css")).isTrue();
        assertThat(UrlNormalizer.isNonDocument("https://x.io/docs/page.html")).isFalse();
        assertThat(UrlNormalizer.isPdf("https://x.io/raft.pdf")).isTrue();
    }

    @Test
    void recognisesGitHubRepositoriesOnly() {
        assertThat(GitHubRepository.of("https://github.com/donnemartin/system-design-primer"))
                .hasValue(new GitHubRepository("donnemartin", "system-design-primer"));
        assertThat(GitHubRepository.of("https://github.com/openai/openai-cookbook.git/"))
                .hasValue(new GitHubRepository("openai", "openai-cookbook"));
        assertThat(GitHubRepository.of("https://github.com/donnemartin/system-design-primer/blob/master/README.md")).isEmpty();
        assertThat(GitHubRepository.of("https://github.com/features/actions")).isEmpty();
    }
}
