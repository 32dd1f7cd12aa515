package dev.groundwork.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.api.exchange.ExchangeProperties;
import dev.groundwork.ingest.pipeline.RoadmapProperties;
import dev.groundwork.ingest.pipeline.SourceProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;

class BodyLimitsTest {

    final BodyLimits limits = new BodyLimits(
            new LimitProperties(30, 10, 30, 10, Duration.ofMinutes(1), 5, 20, Duration.ofMinutes(15),
                    DataSize.ofKilobytes(256), DataSize.ofMegabytes(1), DataSize.ofMegabytes(128)),
            new RoadmapProperties(DataSize.ofMegabytes(1)),
            new ExchangeProperties(DataSize.ofMegabytes(64), DataSize.ofMegabytes(256), 50000, 20000, 500000, 1000),
            new SourceProperties(DataSize.ofMegabytes(20), DataSize.ofMegabytes(1), 300, 2000, 1000,
                    DataSize.ofMegabytes(100), 100));

    @Test
    void roadmapsMayBeTheirMaxSizePlusTheUploadOverhead() {
        assertThat(limits.limitOf(HttpMethod.POST, "/api/roadmaps")).isEqualTo(2L << 20);
        assertThat(limits.limitOf(HttpMethod.PUT, "/api/roadmaps/caching")).isEqualTo(2L << 20);
    }

    @Test
    void cardImportsMayBeTheExchangeMaxFileSizePlusTheUploadOverhead() {
        assertThat(limits.limitOf(HttpMethod.POST, "/api/roadmaps/r/cards/import")).isEqualTo(65L << 20);
        assertThat(limits.limitOf(HttpMethod.POST, "/api/topics/t/cards/import")).isEqualTo(65L << 20);
    }

    @Test
    void sourcesAddedToATopicMayBeTheSourceMaxFileSizePlusTheUploadOverhead() {
        assertThat(limits.limitOf(HttpMethod.POST, "/api/topics/t/resources")).isEqualTo(21L << 20);
        assertThat(limits.limitOf(HttpMethod.GET, "/api/topics/t/resources")).isEqualTo(256L << 10);
    }

    @Test
    void everythingElseGetsTheJsonBodyLimit() {
        assertThat(limits.limitOf(HttpMethod.POST, "/api/answers")).isEqualTo(256L << 10);
        assertThat(limits.limitOf(HttpMethod.PUT, "/api/roadmaps/r/cards")).isEqualTo(256L << 10);
        assertThat(limits.limitOf(HttpMethod.POST, "/v1/chat/completions")).isEqualTo(256L << 10);
    }
}
