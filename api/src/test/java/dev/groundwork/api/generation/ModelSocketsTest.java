package dev.groundwork.api.generation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.api.testing.FakeOpenAiServer;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** Model requests go out without Nagle's delay on the connection, the first request on it included. */
class ModelSocketsTest {

    @Test
    void switchesNagleOffOnTheModelConnection() throws Exception {
        assertThat(noDelayAfterOneRequest(false)).isFalse();
        assertThat(noDelayAfterOneRequest(true)).isTrue();
    }

    private static boolean noDelayAfterOneRequest(boolean withInterceptor) throws Exception {
        AtomicReference<Boolean> noDelay = new AtomicReference<>();
        OkHttpClient.Builder builder = new OkHttpClient.Builder();
        if (withInterceptor) {
            builder.addInterceptor(new ModelSockets.NoDelay());
        }
        OkHttpClient client = builder.addNetworkInterceptor(chain -> {
            Response response = chain.proceed(chain.request());
            noDelay.set(chain.connection().socket().getTcpNoDelay());
            return response;
        }).build();
        try (FakeOpenAiServer model = FakeOpenAiServer.start()) {
            String prompt = "{\"messages\":[{\"role\":\"user\",\"content\":\"" + "x".repeat(12_000) + "\"}]}";
            try (Response response = client.newCall(new Request.Builder().url(model.baseUrl() + "/chat/completions")
                    .post(RequestBody.create(prompt, MediaType.get("application/json"))).build()).execute()) {
                assertThat(response.body().string()).contains("[DONE]");
            }
            assertThat(model.requests()).singleElement().asString().hasSizeGreaterThan(12_000);
        } finally {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
        return noDelay.get();
    }
}
