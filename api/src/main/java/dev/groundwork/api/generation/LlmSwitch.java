package dev.groundwork.api.generation;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns the OpenAI chat model on only when one is configured, so that the app starts offline with no key. A model
 * counts as configured with an API key ({@code OPENAI_API_KEY} or {@code spring.ai.openai[.chat].api-key}) or a
 * base URL ({@code OPENAI_BASE_URL} or {@code spring.ai.openai[.chat].base-url}); a base URL without a key is a
 * server that needs none (Ollama, vLLM, llama.cpp), so an empty key is supplied. An explicit
 * {@code spring.ai.model.chat} always wins.
 */
public class LlmSwitch implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.ai.model.chat")) {
            return;
        }
        boolean key = environment.containsProperty("spring.ai.openai.api-key")
                || environment.containsProperty("spring.ai.openai.chat.api-key")
                || System.getenv("OPENAI_API_KEY") != null;
        boolean baseUrl = environment.containsProperty("spring.ai.openai.base-url")
                || environment.containsProperty("spring.ai.openai.chat.base-url")
                || System.getenv("OPENAI_BASE_URL") != null;
        Map<String, Object> settings = new HashMap<>();
        settings.put("spring.ai.model.chat", key || baseUrl ? "openai" : "none");
        if (!key && baseUrl) {
            settings.put("spring.ai.openai.api-key", "");
        }
        environment.getPropertySources().addLast(new MapPropertySource("groundwork-llm-switch", settings));
    }

    /** After application.properties and the environment are loaded. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
