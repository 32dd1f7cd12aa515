package dev.groundwork.api.testing;

import dev.groundwork.ingest.embed.HashingEmbeddingConfiguration;
import dev.groundwork.ingest.testdb.TestDatabaseConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of a test of the app with a model configured: every subclass talks to the one {@link FakeOpenAiServer} of this
 * JVM (scripted per test) and shares one Spring context, whose fetches go to the offline mirror. The server's threads
 * are daemons; it lives as long as the test JVM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "groundwork.ingest.background=false",
        "spring.ai.model.chat=openai",
        "spring.ai.openai.api-key=test-key",
        "spring.ai.openai.chat.model=" + FakeOpenAiServer.MODEL,
        "spring.ai.openai.max-retries=0",
        "groundwork.generation.first-token-timeout=15s",
        "groundwork.generation.idle-timeout=15s"})
@AutoConfigureWebTestClient(timeout = "PT90S")
@Import({TestDatabaseConfiguration.class, HashingEmbeddingConfiguration.class, TwoLearners.class})
public abstract class ModelAppTest extends MirrorAppTest {

    protected static final FakeOpenAiServer MODEL = FakeOpenAiServer.start();

    @DynamicPropertySource
    static void model(DynamicPropertyRegistry registry) {
        registry.add("spring.ai.openai.base-url", MODEL::baseUrl);
    }
}
