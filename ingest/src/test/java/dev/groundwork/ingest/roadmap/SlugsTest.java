package dev.groundwork.ingest.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void makesLowerCaseAsciiSlugs() {
        assertThat(Slugs.of("Design Patterns & Clean Code")).isEqualTo("design-patterns-clean-code");
        assertThat(Slugs.of("Café Zürich – naïve")).isEqualTo("cafe-zurich-naive");
    }

    @Test
    void cutsLongSlugsAtAWordBoundary() {
        String slug = Slugs.of("6-Month In-Depth Study Plan to Become a Senior Software Engineer at OpenAI or FAANG AI Teams");
        assertThat(slug).isEqualTo("6-month-in-depth-study-plan-to-become-a-senior-software").hasSizeLessThanOrEqualTo(60);
    }

    @Test
    void fallsBackWhenNothingIsLeft() {
        assertThat(Slugs.of("🚀 ✅", "topic")).isEqualTo("topic");
    }
}
