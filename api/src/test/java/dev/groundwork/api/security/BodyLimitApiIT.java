package dev.groundwork.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.ingest.testdb.TestDatabaseConfiguration;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Oversize bodies sent as clients send them: the whole body first, the answer read after (a plain socket, as
 * Python's urllib does, which got "broken pipe" instead of an answer before), and Java's own HTTP client.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "groundwork.ingest.background=false")
@Import(TestDatabaseConfiguration.class)
class BodyLimitApiIT {

    static final int MB = 1 << 20;

    @LocalServerPort
    int port;

    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void aRoadmapJustOverItsMaxSizeIsTooLargeARoadmap() throws IOException {
        Answer answer = sendWhole("POST", "/api/roadmaps", "text/markdown", roadmap(3 * MB / 2), false);

        answer.assertProblem(413, "roadmap-too-large");
    }

    @Test
    void aFiveMegabyteRoadmapIsARequestTooLarge() throws IOException {
        Answer answer = sendWhole("POST", "/api/roadmaps", "text/markdown", roadmap(5 * MB), false);

        answer.assertProblem(413, "request-too-large");
        assertThat(answer.body()).contains("2097152 bytes");
    }

    @Test
    void aFiveMegabyteRoadmapUploadIsARequestTooLarge() throws IOException {
        Answer answer = sendWhole("POST", "/api/roadmaps", "multipart/form-data; boundary=LimitTest",
                multipart(roadmap(5 * MB)), false);

        answer.assertProblem(413, "request-too-large");
    }

    @Test
    void aTwentyMegabyteQuestionIsARequestTooLarge() throws IOException {
        Answer answer = sendWhole("POST", "/api/answers", "application/json", question(20 * MB), false);

        answer.assertProblem(413, "request-too-large");
        assertThat(answer.body()).contains("262144 bytes");
    }

    @Test
    void aChunkedOversizeBodyIsARequestTooLarge() throws IOException {
        Answer answer = sendWhole("POST", "/api/answers", "application/json", question(20 * MB), true);

        answer.assertProblem(413, "request-too-large");
    }

    @Test
    void javasHttpClientReadsTheProblemAndTheConnectionStillServes() throws Exception {
        HttpResponse<String> roadmap = client.send(HttpRequest.newBuilder(uri("/api/roadmaps"))
                .header("Content-Type", "text/markdown").POST(HttpRequest.BodyPublishers.ofByteArray(roadmap(5 * MB)))
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> question = client.send(HttpRequest.newBuilder(uri("/api/answers"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(question(20 * MB))).build(), HttpResponse.BodyHandlers.ofString());
        // no length known: sent chunked
        HttpResponse<String> chunked = client.send(HttpRequest.newBuilder(uri("/api/answers"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(question(20 * MB))))
                .build(), HttpResponse.BodyHandlers.ofString());

        for (HttpResponse<String> response : new HttpResponse[] {roadmap, question, chunked}) {
            new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body())
                    .assertProblem(413, "request-too-large");
        }
        HttpResponse<String> list = client.send(HttpRequest.newBuilder(uri("/api/roadmaps")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(list.statusCode()).isEqualTo(200);
    }

    @Test
    void aSmallChunkedRoadmapIsStillImported() throws IOException {
        byte[] plan = "# Chunked Plan\n\n## Week 1: Streams\n\n- Transfer encodings\n".getBytes(StandardCharsets.UTF_8);

        Answer answer = sendWhole("POST", "/api/roadmaps", "text/markdown", plan, true);

        assertThat(answer.status()).isIn(200, 201);
        assertThat(answer.body()).contains("\"title\":\"Chunked Plan\"");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Writes the request with its whole body, then reads the answer to the end of the connection. */
    private Answer sendWhole(String method, String path, String contentType, byte[] body, boolean chunked)
            throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            out.write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType + "\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n")
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            if (chunked) {
                for (int from = 0; from < body.length; from += 1 << 16) {
                    int to = Math.min(body.length, from + (1 << 16));
                    out.write((Integer.toHexString(to - from) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body, from, to - from);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } else {
                out.write(body);
            }
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            String head = response.substring(0, split);
            String type = Arrays.stream(head.split("\r\n")).filter(line -> line.toLowerCase().startsWith("content-type:"))
                    .map(line -> line.substring("content-type:".length()).trim()).findFirst().orElse("");
            return new Answer(Integer.parseInt(head.split(" ")[1]), type, response.substring(split + 4));
        }
    }

    private static byte[] roadmap(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'x');
        byte[] head = "# Big\n## Month 1\n- ".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    private static byte[] question(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'x');
        byte[] head = "{\"question\":\"".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[size - 2] = '"';
        bytes[size - 1] = '}';
        return bytes;
    }

    private static byte[] multipart(byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--LimitTest\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.md\"\r\n"
                + "Content-Type: text/markdown\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(file);
        out.writeBytes("\r\n--LimitTest--\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private record Answer(int status, String contentType, String body) {

        void assertProblem(int expected, String type) {
            assertThat(status).as(body).isEqualTo(expected);
            assertThat(contentType).startsWith("application/problem+json");
            assertThat(body).contains("\"type\":\"urn:groundwork:problem:" + type + "\"").contains("\"detail\":");
        }
    }
}
