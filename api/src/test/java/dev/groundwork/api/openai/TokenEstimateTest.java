package dev.groundwork.api.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenEstimateTest {

    @Test
    void countsOnePointThreeTokensPerWordRoundedUp() {
        assertThat(TokenEstimate.of("")).isZero();
        assertThat(TokenEstimate.of((String) null)).isZero();
        assertThat(TokenEstimate.of("Redis")).isEqualTo(2);
        assertThat(TokenEstimate.of("  Redis keeps\tdata\nin memory [1].  ")).isEqualTo(8);   // 6 words * 1.3 = 7.8
        assertThat(TokenEstimate.of("one two three four five six seven eight nine ten")).isEqualTo(13);
    }

    @Test
    void sumsWordsBeforeRoundingAcrossTexts() {
        assertThat(TokenEstimate.of(List.of("one", "two", "three"))).isEqualTo(4);   // 3 * 1.3 = 3.9
        assertThat(TokenEstimate.of(Arrays.asList("one two", null))).isEqualTo(3);
    }
}
