package dev.groundwork.ingest.roadmap;

import static dev.groundwork.ingest.roadmap.Seeds.kindCounts;
import static dev.groundwork.ingest.roadmap.Seeds.topic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SeedRoadmapsTest {

    @Test
    void parsesSixMonthStudyPlanIntoMonthsAndChecklists() {
        Roadmap roadmap = Seeds.parse(Seeds.SIX_MONTH_STUDY_PLAN);

        assertThat(roadmap.id()).isEqualTo("6-month-in-depth-study-plan-to-become-a-senior-software");
        assertThat(roadmap.title()).isEqualTo("6-Month In-Depth Study Plan to Become a Senior Software Engineer at OpenAI or FAANG AI Teams");
        assertThat(roadmap.description()).startsWith("Goal: Secure a Senior Software Engineering role at OpenAI")
                .contains("Focus Areas: Core engineering (backend, infrastructure, systems design); Cloud & DevOps;");
        assertThat(kindCounts(roadmap)).containsOnly(
                entry(TopicKind.MONTH, 6L), entry(TopicKind.CHECKLIST, 2L), entry(TopicKind.SECTION, 2L));
        assertThat(roadmap.topics()).extracting(Topic::title).contains(
                "Month 1: Core Engineering & System Foundations", "Month 6: Capstone, Interview Prep & Portfolio Polish",
                "Tools Checklist", "Stretch Goals (Optional)", "Motivation Tips", "End Goal");

        Topic month1 = topic(roadmap, "month-1");
        assertThat(month1.concepts()).containsExactly("Distributed systems basics", "CAP Theorem, consistency models",
                "Caching, database indexes, scaling", "Docker, GitHub Actions, CI/CD");
        assertThat(month1.resources()).containsExactly(
                new ResourceRef("https://github.com/donnemartin/system-design-primer", "System Design Primer (GitHub)", "link"),
                new ResourceRef("https://dataintensive.net/", "DDIA by Kleppmann", "link"),
                new ResourceRef("https://sre.google/books/", "Google SRE Book", "link"));
        assertThat(month1.buildTasks()).containsExactly(
                "Build a simple TODO app with: REST API using FastAPI or Express, Dockerized services, CI/CD pipeline");
        assertThat(month1.description()).startsWith("Weekly Breakdown (8 hrs/week): 2h: Systems Design (CAP, replication, partitioning, caching);");
        assertThat(topic(roadmap, "month-2").buildTasks()).containsExactly(
                "Full REST API with JWT Auth", "Postgres + Redis Cache", "Deploy to AWS using GitHub Actions");

        Topic month6 = topic(roadmap, "month-6");
        assertThat(month6.buildTasks()).hasSize(6).startsWith("AI-based document Q&A engine (vector search + ChatGPT)")
                .contains("Join OpenAI Community, contribute to open-source AI tools");
        assertThat(month6.resources()).containsExactly(
                new ResourceRef("https://interviewing.io/", "Interviewing.io", "link"),
                new ResourceRef(null, "Blind, Levels.fyi, Glassdoor for role insights", "reference"),
                new ResourceRef(null, "Cracking the Coding Interview (C++, Python, Java)", "reference"));
        assertThat(topic(roadmap, "tools-checklist").concepts()).hasSize(5).startsWith("VS Code + Python + Docker");
        assertThat(topic(roadmap, "end-goal").description()).isEqualTo("By the end of 6 months, you’ll:\nLet’s make this happen!");
    }

    @Test
    void parsesExecutionPlanIntoMonthsOfWeeks() {
        Roadmap roadmap = Seeds.parse(Seeds.EXECUTION_PLAN);

        assertThat(roadmap.title()).isEqualTo("6-Month Execution Plan – Backend + System Design + AI Product Engineer");
        assertThat(roadmap.description()).isEqualTo("Daily time: 2 hrs weekdays + 5–6 hrs weekend\nRule: Learn → Build → Write in public");
        assertThat(kindCounts(roadmap)).containsOnly(entry(TopicKind.MONTH, 6L), entry(TopicKind.WEEK, 24L));
        assertThat(roadmap.topics()).extracting(Topic::title).containsExactly(
                "MONTH 1 — Backend Foundations Deep Dive", "MONTH 2 — Production Backend Engineering",
                "MONTH 3 — System Design Fundamentals", "MONTH 4 — AI Engineering Foundations",
                "MONTH 5 — AI in Production", "MONTH 6 — DevOps + System Design Mastery");
        assertThat(topic(roadmap, "month-2").children()).extracting(Topic::key)
                .containsExactly("month-2/week-5", "month-2/week-6", "month-2/week-7", "month-2/week-8");

        Topic week1 = topic(roadmap, "month-1/week-1");
        assertThat(week1.title()).isEqualTo("Week 1 – Advanced API Design");
        assertThat(week1.concepts()).containsExactly("REST maturity", "API versioning", "Idempotency", "Pagination");
        assertThat(week1.buildTasks()).containsExactly("Production-ready URL shortener (FastAPI): structured logging, validation, pagination");
        assertThat(week1.resources()).extracting(ResourceRef::url, ResourceRef::title).containsExactly(
                org.assertj.core.groups.Tuple.tuple("https://learn.microsoft.com/en-us/azure/architecture/best-practices/api-design",
                        "https://learn.microsoft.com/en-us/azure/architecture/best-practices/api-design"),
                org.assertj.core.groups.Tuple.tuple("https://cloud.google.com/apis/design", "https://cloud.google.com/apis/design"));
        assertThat(topic(roadmap, "month-3/week-11").buildTasks()).containsExactly("10M req/day design", "Multi-region", "Cache strategy");
        assertThat(topic(roadmap, "month-3/week-12").concepts()).containsExactly("WebSockets", "Message ordering", "Presence");
        assertThat(topic(roadmap, "month-5/week-19").buildTasks())
                .containsExactly("Node-based execution engine: Input node, LLM node, API node, Condition node");
        assertThat(topic(roadmap, "month-6/week-24").title()).isEqualTo("Week 24 – FINAL PROJECT POLISH");
    }

    @Test
    void readsTheExecutionPlansTwoYouTubeLinksAsVideosAndSkipsNoLink() {
        Roadmap roadmap = Seeds.parse(Seeds.EXECUTION_PLAN);

        assertThat(topic(roadmap, "month-1/week-2").resources()).contains(new ResourceRef(
                "https://www.youtube.com/playlist?list=PLSE8ODhjZXjYDBpQnSymaectKjxCy6BYq",
                "https://www.youtube.com/playlist?list=PLSE8ODhjZXjYDBpQnSymaectKjxCy6BYq", "video"));
        assertThat(topic(roadmap, "month-3/week-10").resources()).contains(new ResourceRef(
                "https://www.youtube.com/c/ByteByteGo", "https://www.youtube.com/c/ByteByteGo", "video"));
        assertThat(roadmap.allTopics()).flatExtracting(Topic::resources).filteredOn(r -> r.type().equals("video"))
                .hasSize(2);
        assertThat(roadmap.skippedLinks()).isEmpty();
    }

    @Test
    void parsesTwelveMonthPlanIntoPhasesSectionsAndProjects() {
        Roadmap roadmap = Seeds.parse(Seeds.TWELVE_MONTH_PLAN);

        assertThat(roadmap.id()).isEqualTo("senior-software-engineer-learning-plan-2025");
        assertThat(roadmap.description()).startsWith("This 12-month learning plan is designed");
        assertThat(kindCounts(roadmap)).containsOnly(
                entry(TopicKind.PHASE, 4L), entry(TopicKind.SECTION, 18L), entry(TopicKind.PROJECT, 4L));
        assertThat(topic(roadmap, "phase-1").title()).isEqualTo("Phase 1: Backend & Database Fundamentals (Months 1-3)");
        assertThat(topic(roadmap, "phase-1").children()).extracting(Topic::title).containsExactly("Backend Deep Dive", "Database Mastery");

        Topic backend = topic(roadmap, "phase-1/backend-deep-dive");
        assertThat(backend.concepts()).hasSize(5).startsWith("Advanced API design patterns (RESTful, GraphQL, RPC)");
        assertThat(backend.resources()).startsWith(new ResourceRef(null,
                "\"Designing Data-Intensive Applications\" by Martin Kleppmann (Essential - covers distributed systems, databases, and data processing)",
                "book"));
        assertThat(backend.resources()).extracting(ResourceRef::type).containsExactly("book", "course", "book", "course");
        assertThat(topic(roadmap, "phase-2/system-design-fundamentals").resources()).extracting(ResourceRef::type)
                .containsExactly("book", "course", "youtube channel", "practice");
        assertThat(topic(roadmap, "phase-1/database-mastery").resources())
                .contains(new ResourceRef(null, "SQLBolt.com for advanced SQL practice", "interactive"));
        assertThat(topic(roadmap, "phase-4/ai-powered-development/small-language-models-slms").concepts())
                .containsExactly("Fine-tuning techniques", "Deployment strategies for SLMs", "Edge AI and mobile deployment");

        Topic backendProject = topic(roadmap, "practical-projects-timeline/months-1-3");
        assertThat(backendProject.kind()).isEqualTo(TopicKind.PROJECT);
        assertThat(backendProject.description()).isEqualTo("Build a comprehensive task management API with:");
        assertThat(backendProject.buildTasks()).containsExactly("FastAPI backend with advanced features",
                "PostgreSQL with complex queries", "Redis caching layer", "JWT authentication", "Comprehensive testing suite");
        assertThat(topic(roadmap, "practical-projects-timeline/months-10-12").title()).isEqualTo("Months 10-12: Full-Stack AI Platform");
        assertThat(topic(roadmap, "roadmap-sh-resources").resources()).hasSize(7).allMatch(r -> r.type().equals("roadmap"));
    }

    @Test
    void parsesSixtyDaysExactlyOnce() {
        Roadmap roadmap = Seeds.parse(Seeds.SIXTY_DAY_JOURNEY);

        assertThat(roadmap.title()).isEqualTo("60-Day Journey: Senior Data Engineer → Principal AI Architect");
        assertThat(roadmap.id()).isEqualTo("60-day-journey-senior-data-engineer-principal-ai-architect");
        assertThat(roadmap.description()).startsWith("Target Audience: Senior Data Engineers with 5-8 years experience\nGoal:");
        assertThat(kindCounts(roadmap)).containsOnly(entry(TopicKind.PHASE, 4L), entry(TopicKind.WEEK, 8L),
                entry(TopicKind.DAY, 60L), entry(TopicKind.SECTION, 25L), entry(TopicKind.CHECKLIST, 8L));
        assertThat(roadmap.allTopics().stream().filter(t -> t.kind() == TopicKind.DAY).map(Topic::title)
                .map(title -> title.replaceFirst(":.*", ""))).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 60).mapToObj(n -> "Day " + n).toList());
        assertThat(roadmap.topics()).extracting(Topic::title).doesNotContain("Progress Tracker", "Learning Path Overview",
                "Complete Table of Contents");

        Topic day1 = topic(roadmap, "phase-1/week-1/day-1");
        assertThat(day1.title()).isEqualTo("Day 1: ML Fundamentals for Data Engineers");
        assertThat(day1.path()).containsExactly("PHASE 1: ML/AI TECHNICAL FOUNDATIONS (Days 1-15)",
                "Week 1: Core ML & Deep Learning (Days 1-7)", "Day 1: ML Fundamentals for Data Engineers");
        assertThat(day1.concepts()).hasSize(6).contains("ML workflow: Data → Features → Model → Evaluation → Deployment");
        assertThat(day1.interviewFocus()).containsExactly("How does your data engineering background help in ML?");
        assertThat(topic(roadmap, "phase-1/week-2/day-12").interviewFocus()).containsExactly("Production monitoring architecture");
        assertThat(topic(roadmap, "phase-4/week-7/day-46").interviewFocus()).containsExactly("Design Netflix recommendations from scratch");
        assertThat(topic(roadmap, "phase-4/week-8/day-53").concepts()).contains("Topic: \"Design ML-powered fraud detection system\"");
        assertThat(topic(roadmap, "phase-2").description()).isEqualTo("Focus: Architect-level system design and decision-making");

        assertThat(topic(roadmap, "recommended-resources/books").resources()).hasSize(5).first()
                .isEqualTo(new ResourceRef(null, "Designing Data-Intensive Applications by Martin Kleppmann (architecture fundamentals)", "book"));
        assertThat(topic(roadmap, "interview-question-types-by-level/senior-ml-engineer-level").interviewFocus())
                .hasSize(11).contains("How do you handle data drift?");
        assertThat(topic(roadmap, "success-criteria/week-1").kind()).isEqualTo(TopicKind.CHECKLIST);
    }

    @Test
    void parsesMilestonesWithWeekChildren() {
        Roadmap roadmap = Seeds.parse(Seeds.MILESTONES);

        assertThat(roadmap.id()).isEqualTo("backend-ai-roadmap");
        assertThat(roadmap.description()).startsWith("This phased approach ensures progressive mastery");
        assertThat(kindCounts(roadmap)).containsOnly(entry(TopicKind.MILESTONE, 6L), entry(TopicKind.WEEK, 25L));
        assertThat(roadmap.topics()).extracting(Topic::key).containsExactly("m0", "m1", "m2", "m3", "m4", "m5");

        Topic m0 = topic(roadmap, "m0");
        assertThat(m0.title()).isEqualTo("M0: Basecamp (Week 0 – Foundation Setup)");
        assertThat(m0.description()).startsWith("Get a rock-solid dev environment running with one command")
                .contains("\nTips: If you're on Windows/Mac, enable Docker's WSL2 for better perf.");
        assertThat(m0.concepts()).containsExactly("Git advanced (rebase, squash, signed commits)",
                "Docker (multi-stage builds, BuildKit caching)", "VS Code Dev Containers for isolated, hot-reloading setups");
        assertThat(m0.buildTasks()).containsExactly(
                "Repo dev-toolkit with a make dev command that spins up a containerized environment (linting, hot reload).",
                "Public Proof: README screenshot showing green CI badge and Dev Container badge.");
        assertThat(m0.children()).singleElement().satisfies(week0 -> {
            assertThat(week0.key()).isEqualTo("m0/week-0");
            assertThat(week0.description()).startsWith("Purely Week 0—install tools (Docker, VS Code");
        });

        Topic m1 = topic(roadmap, "m1");
        assertThat(m1.concepts()).hasSize(8).contains("OAuth2/JWT (RBAC)", "75 LeetCode problems (arrays, trees, etc.)");
        assertThat(m1.children()).extracting(Topic::title).containsExactly(
                "Week 1: FastAPI basics + pytest/coverage",
                "Week 2: Add Next.js frontend + Docker Compose (API, web, DB stack)",
                "Week 3: Postgres/RLS + Redis caching",
                "Week 4: GitHub Actions CI (lint/test/build/push) + badge",
                "Week 5: Integrate promptfoo for toxicity filter (early AI touch)",
                "Week 6: Locust load-test GIF + Terraform AWS ECS deploy; Blog post #1");
        assertThat(topic(roadmap, "m1/week-6").concepts()).containsExactly("Locust load-test GIF", "Terraform AWS ECS deploy", "Blog post #1");
        assertThat(topic(roadmap, "m5").children()).extracting(Topic::key)
                .containsExactly("m5/week-21", "m5/week-22", "m5/week-23", "m5/week-24");
    }
}
