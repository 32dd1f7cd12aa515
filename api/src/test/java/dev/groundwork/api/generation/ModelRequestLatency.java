package dev.groundwork.api.generation;

import dev.groundwork.api.testing.BenchApp;
import dev.groundwork.api.testing.FakeOpenAiServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Bench support: how long a streamed model request with an answer-sized prompt takes to its first byte over a reused
 * connection, with OkHttp as Spring AI configures it and with {@link ModelSockets}' interceptor, side by side.
 */
public final class ModelRequestLatency {

    static final int ROUNDS = 30;
    /** Okio writes a request to the socket in segments of this many bytes. */
    static final int OKIO_SEGMENT = 8192;

    private ModelRequestLatency() {
    }

    /**
     * Prints the sizes of the answer requests {@code model} received, then one line per size (the median and the
     * largest) comparing the two clients. Leaves {@code model} scripted to answer at once.
     */
    public static void printLines(FakeOpenAiServer model) {
        List<Double> sizes = model.requests().stream()
                .filter(body -> body.contains("<context>"))   // answers' prompts, not the bench's direct requests
                .map(body -> (double) body.getBytes(StandardCharsets.UTF_8).length).toList();
        long over = sizes.stream().filter(size -> size > OKIO_SEGMENT).count();
        System.out.printf(Locale.ROOT, "%nAnswer requests to the model: %d, body p50 %.1f kB, max %.1f kB; %d over 8 KiB"
                        + " (%.0f %%).%n", sizes.size(), BenchApp.percentile(sizes, 50) / 1000,
                BenchApp.percentile(sizes, 100) / 1000, over, 100.0 * over / sizes.size());
        model.script(FakeOpenAiServer.Script.tokens("hi"));
        for (double size : new double[] {BenchApp.percentile(sizes, 50), BenchApp.percentile(sizes, 100)}) {
            int bytes = (int) size;
            List<Double> nagle = firstByte(new OkHttpClient.Builder().build(), model, bytes);
            List<Double> noDelay = firstByte(new OkHttpClient.Builder().addInterceptor(new ModelSockets.NoDelay())
                    .build(), model, bytes);
            System.out.printf(Locale.ROOT, "A %.1f kB model request, to the stub's first byte on a reused connection,"
                            + " p50 / p95: %.1f / %.1f ms as OkHttp sends it, %.1f / %.1f ms with TCP_NODELAY.%n",
                    bytes / 1000.0, BenchApp.percentile(nagle, 50), BenchApp.percentile(nagle, 95),
                    BenchApp.percentile(noDelay, 50), BenchApp.percentile(noDelay, 95));
        }
    }

    private static List<Double> firstByte(OkHttpClient client, FakeOpenAiServer model, int bytes) {
        String prompt = "{\"model\":\"" + FakeOpenAiServer.MODEL + "\",\"stream\":true,\"messages\":[{\"role\":\"user\","
                + "\"content\":\"" + "x".repeat(Math.max(0, bytes - 90)) + "\"}]}";
        List<Double> times = new ArrayList<>();
        try {
            for (int i = 0; i < ROUNDS + 2; i++) {
                long start = System.nanoTime();
                try (Response response = client.newCall(new Request.Builder().url(model.baseUrl() + "/chat/completions")
                        .post(RequestBody.create(prompt, MediaType.get("application/json"))).build()).execute()) {
                    response.body().source().readUtf8Line();
                    if (i >= 2) {   // the first requests open the connection
                        times.add((System.nanoTime() - start) / 1e6);
                    }
                    response.body().string();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
        return times;
    }
}
