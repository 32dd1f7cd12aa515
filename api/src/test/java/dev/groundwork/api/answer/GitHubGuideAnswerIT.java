package dev.groundwork.api.answer;

import static dev.groundwork.api.answer.AnswerStreams.ask;
import static dev.groundwork.api.answer.AnswerStreams.assertWellFormed;
import static dev.groundwork.api.answer.AnswerStreams.sources;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.api.testing.MirrorAppTest;
import dev.groundwork.api.testing.TwoLearners;
import dev.groundwork.ingest.embed.HashingEmbeddingConfiguration;
import dev.groundwork.ingest.testdb.TestDatabaseConfiguration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A repository-based guide (the system-design-primer, from the offline mirror) is ingested with the solution pages
 * its README links, so a question about one solution cites that solution's own page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "groundwork.ingest.background=false")
@AutoConfigureWebTestClient(timeout = "PT90S")
@Import({TestDatabaseConfiguration.class, HashingEmbeddingConfiguration.class, TwoLearners.class})
class GitHubGuideAnswerIT extends MirrorAppTest {

    static final String PASTEBIN =
            "https://github.com/donnemartin/system-design-primer/blob/HEAD/solutions/system_design/pastebin/README.md";

    @Autowired
    WebTestClient http;

    @Test
    void aQuestionAboutOneSolutionCitesThatSolutionsPage() {
        String roadmapId = ingested("""
                # System design interviews
                ## Week 1: Practice problems
                - Design a paste sharing service
                - [System Design Primer](https://github.com/donnemartin/system-design-primer)
                """, "system-design.md");
        String topicId = roadmaps.find(roadmapId).orElseThrow().topics().get(0).id();

        var events = ask(http, Map.of("topicId", topicId,
                "question", "How should Pastebin generate a short link and store the paste contents?"));

        assertWellFormed(events);
        Map<Integer, String> urlByNumber = sources(events).stream()
                .collect(Collectors.toMap(s -> (Integer) s.get("n"), s -> (String) s.get("url")));
        Set<String> cited = events.stream().filter(e -> "citation".equals(e.event()))
                .map(e -> urlByNumber.get((Integer) e.data().get("n"))).collect(Collectors.toSet());
        assertThat(cited).contains(PASTEBIN);
    }
}
