package dev.groundwork.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.api.security.RateLimits.Bucket;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class RateLimitsTest {

    @Test
    void sortsTheExpensiveEndpointsIntoTheirBuckets() {
        assertThat(Bucket.of(HttpMethod.POST, "/api/answers")).contains(Bucket.ANSWERS);
        assertThat(Bucket.of(HttpMethod.POST, "/v1/chat/completions")).contains(Bucket.ANSWERS);
        assertThat(Bucket.of(HttpMethod.POST, "/api/topics/t1/cards/generate")).contains(Bucket.CARDS);
        assertThat(Bucket.of(HttpMethod.POST, "/api/interviews")).contains(Bucket.INTERVIEWS);
        assertThat(Bucket.of(HttpMethod.POST, "/api/interviews/i/questions/q/answer")).contains(Bucket.INTERVIEWS);
        assertThat(Bucket.of(HttpMethod.POST, "/api/roadmaps")).contains(Bucket.IMPORTS);
        assertThat(Bucket.of(HttpMethod.PUT, "/api/roadmaps/caching")).contains(Bucket.IMPORTS);
        assertThat(Bucket.of(HttpMethod.POST, "/api/roadmaps/r/cards/import")).contains(Bucket.IMPORTS);
        assertThat(Bucket.of(HttpMethod.POST, "/api/topics/t/cards/import")).contains(Bucket.IMPORTS);
        assertThat(Bucket.of(HttpMethod.POST, "/api/topics/t/resources")).contains(Bucket.IMPORTS);
    }

    @Test
    void leavesCheapRequestsUncounted() {
        assertThat(Bucket.of(HttpMethod.GET, "/api/answers")).isEqualTo(Optional.empty());
        assertThat(Bucket.of(HttpMethod.GET, "/api/roadmaps")).isEmpty();
        assertThat(Bucket.of(HttpMethod.PUT, "/api/interviews/i/questions/q/draft")).isEmpty();
        assertThat(Bucket.of(HttpMethod.POST, "/api/interviews/i/questions/q/skip")).isEmpty();
        assertThat(Bucket.of(HttpMethod.POST, "/api/topics/t/cards")).isEmpty();
        assertThat(Bucket.of(HttpMethod.POST, "/api/cards/c/reviews")).isEmpty();
        assertThat(Bucket.of(HttpMethod.PUT, "/api/roadmaps/")).isEmpty();
        assertThat(Bucket.of(HttpMethod.GET, "/v1/models")).isEmpty();
    }

    @Test
    void windowsStartAtMultiplesOfTheirLength() {
        Instant now = Instant.parse("2026-03-02T10:07:42.500Z");

        assertThat(RateLimiter.windowStart(now, Duration.ofMinutes(1))).isEqualTo("2026-03-02T10:07:00Z");
        assertThat(RateLimiter.windowStart(now, Duration.ofMinutes(15))).isEqualTo("2026-03-02T10:00:00Z");
    }

    @Test
    void retryAfterRoundsUpToTheWindowsEndAndIsNeverZero() {
        Duration minute = Duration.ofMinutes(1);
        Instant start = Instant.parse("2026-03-02T10:07:00Z");

        assertThat(RateLimiter.retryAfterSeconds(start.plusMillis(17_200), start, minute)).isEqualTo(43);
        assertThat(RateLimiter.retryAfterSeconds(start, start, minute)).isEqualTo(60);
        assertThat(RateLimiter.retryAfterSeconds(start.plusMillis(59_999), start, minute)).isEqualTo(1);
    }

    @Test
    void aDecisionAllowsUpToTheLimitAndNeverCountsBelowZero() {
        assertThat(RateDecision.of(3, 3, 10)).isEqualTo(new RateDecision(true, 3, 0, 10));
        assertThat(RateDecision.of(4, 3, 10)).isEqualTo(new RateDecision(false, 3, 0, 10));
        assertThat(RateDecision.of(1, 3, 10).remaining()).isEqualTo(2);
    }
}
