package dev.groundwork.ingest.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MojibakeRepairTest {

    private final MojibakeRepair repair = new MojibakeRepair();

    @Test
    void repairsWindows1252DoubleEncoding() {
        assertThat(repair.repair("# ðŸŽ¯ 6-Month In-Depth Study Plan")).isEqualTo("# 🎯 6-Month In-Depth Study Plan");
        assertThat(repair.repair("- âœ… 2h: AWS/Azure basics â€“ EC2, S3")).isEqualTo("- ✅ 2h: AWS/Azure basics – EC2, S3");
        assertThat(repair.repair("Letâ€™s make this happen!")).isEqualTo("Let’s make this happen!");
        assertThat(repair.repair("## ðŸ§\u00A0 Motivation Tips")).isEqualTo("## 🧠 Motivation Tips");
    }

    @Test
    void repairsTurkishDoubleEncoding() {
        assertThat(repair.repair("# ğŸš€ 6-Month Execution Plan â€“ Backend + System Design"))
                .isEqualTo("# 🚀 6-Month Execution Plan – Backend + System Design");
        assertThat(repair.repair("ğŸ”— https://redis.io/docs/")).isEqualTo("🔗 https://redis.io/docs/");
        assertThat(repair.repair("Rule: Learn â†’ Build â†’ Write")).isEqualTo("Rule: Learn → Build → Write");
    }

    @Test
    void repairsMacRomanDoubleEncoding() {
        assertThat(repair.repair("## \uF8FFüéØ Learning Path Overview")).isEqualTo("## 🎯 Learning Path Overview");
        assertThat(repair.repair("Senior Data Engineer ‚Üí Principal AI Architect"))
                .isEqualTo("Senior Data Engineer → Principal AI Architect");
        assertThat(repair.repair("**Day 1: ML Fundamentals** ‚úÖ COMPLETED")).isEqualTo("**Day 1: ML Fundamentals** ✅ COMPLETED");
    }

    @Test
    void marksAnEmojiWhoseUndefinedByteWasDroppedAsLost() {
        // 🏗️ is F0 9F 8F 97 EF B8 8F; Windows-1254 has no 0x8F, so the writer dropped both.
        assertThat(repair.repair("# ğŸ—ï¸ MONTH 2 â€” Production"))
                .isEqualTo("# \uFFFD\uFE0F MONTH 2 — Production");
    }

    @Test
    void leavesCleanTextUnchanged() {
        String clean = "M0: Basecamp (Week 0 – Foundation Setup) — naïve café, Zürich, 日本語 → 🚀 ✅ “quoted” Ã la carte";
        assertThat(repair.repair(clean)).isEqualTo(clean);
        assertThat(repair.repair(Seeds.text(Seeds.TWELVE_MONTH_PLAN))).isEqualTo(Seeds.text(Seeds.TWELVE_MONTH_PLAN));
        assertThat(repair.repair(Seeds.text(Seeds.MILESTONES))).isEqualTo(Seeds.text(Seeds.MILESTONES));
    }

    @Test
    void repairsWholeSeedsWithoutLeavingMarkers() {
        String studyPlan = repair.repair(Seeds.text(Seeds.SIX_MONTH_STUDY_PLAN));
        String executionPlan = repair.repair(Seeds.text(Seeds.EXECUTION_PLAN));
        String journey = repair.repair(Seeds.text(Seeds.SIXTY_DAY_JOURNEY));

        assertThat(studyPlan).startsWith("# 🎯 6-Month In-Depth Study Plan to Become a Senior Software Engineer")
                .contains("## 📅 Month 1: Core Engineering & System Foundations", "By the end of 6 months, you’ll:")
                .doesNotContain("ðŸ", "â€", "âœ");
        assertThat(executionPlan).startsWith("# 🚀 6-Month Execution Plan – Backend + System Design + AI Product Engineer")
                .contains("# 🧱 MONTH 1 — Backend Foundations Deep Dive", "## Week 24 – FINAL PROJECT POLISH 🚀")
                .doesNotContain("ğŸ", "â€");
        assertThat(journey).contains("# 60-Day Journey: Senior Data Engineer → Principal AI Architect",
                        "## 📈 Progress Tracker", "**Day 1: ML Fundamentals for Data Engineers** ✅ COMPLETED",
                        "⚠️ Learning: ML algorithms")
                .doesNotContain("üé", "‚Ü", "‚ú");
    }
}
