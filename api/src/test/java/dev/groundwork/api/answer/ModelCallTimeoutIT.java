package dev.groundwork.api.answer;

import static dev.groundwork.api.answer.AnswerStreams.ask;
import static dev.groundwork.api.answer.AnswerStreams.names;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.api.testing.FakeOpenAiServer.Script;
import dev.groundwork.api.testing.ModelAppTest;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code groundwork.model-http.call-timeout} bounds a whole model call, streamed answer included. Spring AI's own
 * per-request default (60 s) used to win over it and cut every answer streaming longer than a minute; here a 2 s
 * bound cuts a 4 s answer, which under the old default would have streamed to its end.
 */
@TestPropertySource(properties = "groundwork.model-http.call-timeout=2s")
class ModelCallTimeoutIT extends ModelAppTest {

    @Autowired
    WebTestClient http;

    @Test
    void answerStreamingPastTheCallTimeoutIsCutAndFallsBack() {
        MODEL.script(Script.tokens(Collections.nCopies(20, "Redis keeps data in memory. ").toArray(String[]::new))
                .paced(Duration.ZERO, Duration.ofMillis(200)));

        var events = ask(http, Map.of("question", "What is Redis?", "topicId", redisTopic()));

        assertThat(names(events)).contains("notice");
        assertThat(events.get(events.size() - 1).data()).containsEntry("mode", "extractive");
    }
}
