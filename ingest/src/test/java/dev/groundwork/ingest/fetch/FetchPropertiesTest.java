package dev.groundwork.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

class FetchPropertiesTest {

    static FetchProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("groundwork.fetch", FetchProperties.class);
    }

    @Test
    void defaultsToPoliteSafeLimits() {
        FetchProperties properties = bind(Map.of());

        assertThat(properties.userAgent()).startsWith("GroundworkBot/0.1 (study companion;");
        assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.maxBodySize()).isEqualTo(DataSize.ofMegabytes(20));
        assertThat(properties.maxRedirects()).isEqualTo(5);
        assertThat(properties.maxAttempts()).isEqualTo(3);
        assertThat(properties.retryBaseDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(properties.maxRetryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.perHostConcurrency()).isEqualTo(2);
        assertThat(properties.perHostDelay()).isEqualTo(Duration.ofMillis(200));
        assertThat(properties.respectRobots()).isTrue();
        assertThat(properties.allowedPrivateHosts()).isEmpty();
        assertThat(properties.urlRewrites()).isEmpty();
        assertThat(properties.crawl()).isEqualTo(new FetchProperties.Crawl(2, 40, true, 5));
        assertThat(properties.github()).isEqualTo(new FetchProperties.GitHub(30));
    }

    @Test
    void bindsOrderedRewritesAndAllowedHosts() {
        FetchProperties properties = bind(Map.of(
                "groundwork.fetch.url-rewrites[0].from", "https://",
                "groundwork.fetch.url-rewrites[0].to", "http://127.0.0.1:8089/https/",
                "groundwork.fetch.url-rewrites[1].from", "http://",
                "groundwork.fetch.url-rewrites[1].to", "http://127.0.0.1:8089/http/",
                "groundwork.fetch.allowed-private-hosts", "127.0.0.1,10.0.0.0/8",
                "groundwork.fetch.crawl.max-pages", "10",
                "groundwork.fetch.crawl.sitemaps", "false",
                "groundwork.fetch.github.max-documents", "3"));

        assertThat(properties.urlRewrites()).containsExactly(
                new FetchProperties.UrlRewrite("https://", "http://127.0.0.1:8089/https/"),
                new FetchProperties.UrlRewrite("http://", "http://127.0.0.1:8089/http/"));
        assertThat(properties.allowedPrivateHosts()).containsExactly("127.0.0.1", "10.0.0.0/8");
        assertThat(properties.crawl()).isEqualTo(new FetchProperties.Crawl(2, 10, false, 5));
        assertThat(properties.github().maxDocuments()).isEqualTo(3);
    }
}
