package dev.groundwork.api.review.fsrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IntervalLabelTest {

    @Test
    void labelsStepsInMinutesAndHours() {
        assertThat(IntervalLabel.of(Duration.ofSeconds(30))).isEqualTo("30s");
        assertThat(IntervalLabel.of(Duration.ofMinutes(1))).isEqualTo("1m");
        assertThat(IntervalLabel.of(Duration.ofMinutes(10))).isEqualTo("10m");
        assertThat(IntervalLabel.of(Duration.ofMinutes(59))).isEqualTo("59m");
        assertThat(IntervalLabel.of(Duration.ofHours(3))).isEqualTo("3h");
    }

    @Test
    void labelsIntervalsInDaysUnderAMonth() {
        assertThat(IntervalLabel.of(Duration.ofDays(1))).isEqualTo("1d");
        assertThat(IntervalLabel.of(Duration.ofDays(3))).isEqualTo("3d");
        assertThat(IntervalLabel.of(Duration.ofDays(29))).isEqualTo("29d");
    }

    @Test
    void labelsMonthsAndYearsToOneDecimalWithoutATrailingZero() {
        assertThat(IntervalLabel.of(Duration.ofDays(64))).isEqualTo("2.1mo");
        assertThat(IntervalLabel.of(Duration.ofDays(73))).isEqualTo("2.4mo");
        assertThat(IntervalLabel.of(Duration.ofDays(365).dividedBy(12).multipliedBy(3))).isEqualTo("3mo");
        assertThat(IntervalLabel.of(Duration.ofDays(365))).isEqualTo("1y");
        assertThat(IntervalLabel.of(Duration.ofDays(548))).isEqualTo("1.5y");
        assertThat(IntervalLabel.of(Duration.ofDays(36500))).isEqualTo("100y");
    }

    @Test
    void rejectsANegativeWait() {
        assertThatThrownBy(() -> IntervalLabel.of(Duration.ofMinutes(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
