package dev.groundwork.ingest.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TitleCleanerTest {

    @Test
    void stripsEmojiVariationSelectorsAndJoiners() {
        assertThat(TitleCleaner.clean("🏗️ PHASE 2: SYSTEM DESIGN")).isEqualTo("PHASE 2: SYSTEM DESIGN");
        assertThat(TitleCleaner.clean("👩‍💻 Week 3 – Caching 🚀")).isEqualTo("Week 3 – Caching");
        assertThat(TitleCleaner.clean("\uFFFD\uFE0F MONTH 2")).isEqualTo("MONTH 2");
    }

    @Test
    void dropsCompletionMarkers() {
        assertThat(TitleCleaner.clean("Day 1: ML Fundamentals for Data Engineers ✅ COMPLETED"))
                .isEqualTo("Day 1: ML Fundamentals for Data Engineers");
        assertThat(TitleCleaner.clean("✅ 2h: Kubernetes orchestration")).isEqualTo("2h: Kubernetes orchestration");
    }

    @Test
    void keepsMeaningfulPunctuation() {
        assertThat(TitleCleaner.clean("Month 4: Security, Observability & Scaling – A/B + C → D"))
                .isEqualTo("Month 4: Security, Observability & Scaling – A/B + C → D");
    }

    @Test
    void closesTheGapALostEmojiLeavesInBrackets() {
        assertThat(TitleCleaner.clean("(This aligns with your current job 🔥)")).isEqualTo("(This aligns with your current job)");
    }
}
