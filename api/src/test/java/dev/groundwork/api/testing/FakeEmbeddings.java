package dev.groundwork.api.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /v1/embeddings} of the {@link FakeOpenAiServer}: a deterministic vector per input text — a hashed bag of
 * its lower-cased words, L2-normalised, of {@link #dimensions(int)} dimensions (64 by default) — as floats or base64,
 * as asked. Texts sharing words are close, so retrieval over these vectors ranks plausibly. It records every input,
 * and can hold requests past a count until released, to stop a client mid-way (a held request waits at most a minute).
 */
public final class FakeEmbeddings {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<String> inputs = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile int dimensions = 64;
    private final AtomicInteger held = new AtomicInteger();
    private volatile int holdAfter = Integer.MAX_VALUE;
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile boolean failing;

    /** From now on, vectors have this many dimensions. */
    public FakeEmbeddings dimensions(int count) {
        dimensions = count;
        return this;
    }

    /** Requests after the {@code count}th (of all so far) wait, at most a minute, until {@link #release()}. */
    public FakeEmbeddings holdAfter(int count) {
        gate = new CountDownLatch(1);
        holdAfter = count;
        return this;
    }

    /** Lets held requests go on, and no more wait. */
    public FakeEmbeddings release() {
        holdAfter = Integer.MAX_VALUE;
        gate.countDown();
        return this;
    }

    /** Whether requests from now on are answered 500, as by a provider that is down. */
    public FakeEmbeddings failing(boolean fail) {
        failing = fail;
        return this;
    }

    /** Requests waiting now. */
    public int held() {
        return held.get();
    }

    /** Every text embedded so far, in order. */
    public List<String> inputs() {
        return List.copyOf(inputs);
    }

    /** Requests received so far, held ones included. */
    public int requests() {
        return requests.get();
    }

    void handle(HttpExchange exchange) throws IOException {
        int number = requests.incrementAndGet();
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        if (number > holdAfter) {
            held.incrementAndGet();
            try {
                gate.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                held.decrementAndGet();
            }
        }
        if (failing) {
            byte[] error = "{\"error\":{\"message\":\"The server is down\",\"type\":\"server_error\"}}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(500, error.length);
            exchange.getResponseBody().write(error);
            exchange.close();
            return;
        }
        List<String> texts = new ArrayList<>();
        JsonNode input = request.get("input");
        if (input.isArray()) {
            input.forEach(text -> texts.add(text.asString()));
        } else {
            texts.add(input.asString());
        }
        inputs.addAll(texts);
        boolean base64 = request.has("encoding_format") && "base64".equals(request.get("encoding_format").asString());
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < texts.size(); i++) {
            float[] vector = vector(texts.get(i), dimensions);
            data.append(i == 0 ? "" : ",").append("{\"object\":\"embedding\",\"index\":").append(i)
                    .append(",\"embedding\":").append(base64 ? '"' + base64(vector) + '"' : json(vector)).append('}');
        }
        byte[] body = ("{\"object\":\"list\",\"data\":[" + data + "],\"model\":\"" + request.get("model").asString()
                + "\",\"usage\":{\"prompt_tokens\":1,\"total_tokens\":1}}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** The vector this server returns for {@code text} at {@code dimensions}. */
    public static float[] vector(String text, int dimensions) {
        float[] vector = new float[dimensions];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                vector[Math.floorMod(word.hashCode(), dimensions)] += 1;
            }
        }
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        if (norm == 0) {
            vector[0] = 1;
            return vector;
        }
        for (int i = 0; i < dimensions; i++) {
            vector[i] /= (float) Math.sqrt(norm);
        }
        return vector;
    }

    private static String json(float[] vector) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < vector.length; i++) {
            out.append(i == 0 ? "" : ",").append(vector[i]);
        }
        return out.append(']').toString();
    }

    private static String base64(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : vector) {
            bytes.putFloat(v);
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }
}
