package dev.groundwork.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class FetchConfigurationTest {

    @Test
    void providesAFetcherAndCrawlerFromProperties() {
        new ApplicationContextRunner().withUserConfiguration(FetchConfiguration.class)
                .withPropertyValues("groundwork.fetch.allowed-private-hosts=127.0.0.1", "groundwork.fetch.crawl.max-pages=5")
                .run(context -> {
                    assertThat(context).hasSingleBean(Fetcher.class).hasSingleBean(Crawler.class);
                    assertThat(context.getBean(FetchProperties.class).crawl().maxPages()).isEqualTo(5);
                });
    }

    @Test
    void rejectsInvalidLimits() {
        new ApplicationContextRunner().withUserConfiguration(FetchConfiguration.class)
                .withPropertyValues("groundwork.fetch.max-attempts=0")
                .run(context -> assertThat(context).hasFailed());
    }
}
