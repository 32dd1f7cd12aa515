package dev.groundwork.api.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientImpl;
import com.openai.core.ClientOptions;
import com.openai.core.JsonValue;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.time.Duration;
import java.util.Map;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.http.okhttp.SpringAiOpenAiHttpClient;

/**
 * Real OpenAI clients pointed at Groundwork's {@code /v1}: the official openai-java SDK (over the HTTP client Spring AI
 * ships for it) and Spring AI's own chat model. No retries, so that a failure shows at once.
 */
final class OpenAiClients {

    static final String API_KEY = "gw_test-token";

    private OpenAiClients() {
    }

    static String baseUrl(int port) {
        return "http://127.0.0.1:" + port + "/v1";
    }

    static OpenAIClient sdk(int port) {
        return new OpenAIClientImpl(ClientOptions.builder()
                .httpClient(SpringAiOpenAiHttpClient.builder().timeout(Duration.ofSeconds(60)).build())
                .baseUrl(baseUrl(port))
                .apiKey(API_KEY)
                .maxRetries(0)
                .build());
    }

    static ChatClient springAi(int port, String model) {
        return ChatClient.create(OpenAiChatModel.builder()
                .options(OpenAiChatOptions.builder().baseUrl(baseUrl(port)).apiKey(API_KEY).model(model)
                        .maxRetries(0).timeout(Duration.ofSeconds(60)).build())
                .build());
    }

    static ChatCompletionCreateParams.Builder ask(String model, String question) {
        return ChatCompletionCreateParams.builder().model(model).addUserMessage(question);
    }

    /** The {@code groundwork} extension field of a response, as plain maps and lists. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> groundwork(Map<String, JsonValue> additionalProperties) {
        JsonValue value = additionalProperties.get("groundwork");
        return value == null ? null : value.convert(Map.class);
    }
}
