package dev.groundwork.api.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.MapPropertySource;

class LlmSwitchTest {

    @Test
    void staysOfflineWithoutAKeyOrBaseUrl() {
        assertThat(switched(Map.of()).getProperty("spring.ai.model.chat"))
                .isEqualTo(System.getenv("OPENAI_API_KEY") == null && System.getenv("OPENAI_BASE_URL") == null
                        ? "none" : "openai");
    }

    @Test
    void turnsTheModelOnWithAKey() {
        assertThat(switched(Map.of("spring.ai.openai.api-key", "sk-test")).getProperty("spring.ai.model.chat"))
                .isEqualTo("openai");
    }

    @Test
    void aBaseUrlWithoutAKeyIsAServerThatNeedsNone() {
        var environment = switched(Map.of("spring.ai.openai.base-url", "http://localhost:11434/v1"));

        assertThat(environment.getProperty("spring.ai.model.chat")).isEqualTo("openai");
        assertThat(environment.getProperty("spring.ai.openai.api-key")).isEmpty();
    }

    @Test
    void anExplicitChoiceWins() {
        assertThat(switched(Map.of("spring.ai.model.chat", "none", "spring.ai.openai.api-key", "sk-test"))
                .getProperty("spring.ai.model.chat")).isEqualTo("none");
    }

    private static StandardEnvironment switched(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new LlmSwitch().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
