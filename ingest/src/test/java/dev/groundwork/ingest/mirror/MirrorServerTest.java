package dev.groundwork.ingest.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class MirrorServerTest {

    static MirrorServer mirror;
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void start() {
        mirror = MirrorServer.start();
    }

    @AfterAll
    static void stop() {
        mirror.close();
    }

    @Test
    void servesContentWithTypeLengthAndEtag() throws Exception {
        HttpResponse<byte[]> response = get("/https/prometheus.io/docs/", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        byte[] file = Files.readAllBytes(MirrorServer.corpusDir().resolve("web/prometheus.io/docs/index.html"));
        assertThat(response.body()).isEqualTo(file);
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(file.length);
        assertThat(response.headers().firstValue("ETag")).isPresent();
    }

    @Test
    void answersNotModifiedWhenTheEtagMatches() throws Exception {
        String etag = get("/https/raft.github.io/raft.pdf", null).headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> again = get("/https/raft.github.io/raft.pdf", etag);

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(mirror.requestCount("https://raft.github.io/raft.pdf")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void servesRawMarkdownAsPlainText() throws Exception {
        HttpResponse<byte[]> response = get("/https/raw.githubusercontent.com/donnemartin/system-design-primer/HEAD/README.md", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    }

    @Test
    void answersStatusEntriesWithTheirStatus() throws Exception {
        assertThat(get("/https/dataintensive.net/", null).statusCode()).isEqualTo(404);
        assertThat(get("/https/sre.google/books/", null).statusCode()).isEqualTo(403);
        assertThat(get("/https/www.youtube.com/c/ByteByteGo", null).statusCode()).isEqualTo(403);
    }

    @Test
    void answersRedirectsWithARelativeLocationInsideTheMirror() throws Exception {
        HttpResponse<byte[]> response = get("/https/www.rabbitmq.com/tutorials/tutorial-one-python.html", null);

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location"))
                .hasValue("/https/www.rabbitmq.com/tutorials/tutorial-one-python");
    }

    @Test
    void redirectsToTheTrailingSlashVariant() throws Exception {
        HttpResponse<byte[]> added = get("/https/prometheus.io/docs/introduction/overview", null);
        HttpResponse<byte[]> removed = get("/https/www.rabbitmq.com/tutorials/", null);

        assertThat(added.statusCode()).isEqualTo(301);
        assertThat(added.headers().firstValue("Location"))
                .hasValue("/https/prometheus.io/docs/introduction/overview/");
        assertThat(removed.statusCode()).isEqualTo(301);
        assertThat(removed.headers().firstValue("Location")).hasValue("/https/www.rabbitmq.com/tutorials");
    }

    @Test
    void answersNotFoundForAnythingElse() throws Exception {
        assertThat(get("/https/prometheus.io/images/logo.png", null).statusCode()).isEqualTo(404);
        assertThat(get("/nothing", null).statusCode()).isEqualTo(404);
    }

    @Test
    void servesRobotsOnlyWhenRegistered() throws Exception {
        assertThat(get("/https/fastapi.tiangolo.com/robots.txt", null).statusCode()).isEqualTo(404);

        try (MirrorServer own = MirrorServer.start().robots("https://fastapi.tiangolo.com", "User-agent: *\nDisallow: /\n")) {
            HttpResponse<String> robots = CLIENT.send(
                    HttpRequest.newBuilder(URI.create(own.baseUrl() + "/https/fastapi.tiangolo.com/robots.txt")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(robots.statusCode()).isEqualTo(200);
            assertThat(robots.body()).contains("Disallow: /");
        }
    }

    @Test
    void offersRewritesForBothSchemes() {
        assertThat(mirror.urlRewrites()).extracting(m -> m.get("from")).containsExactly("https://", "http://");
        assertThat(mirror.urlRewrites().get(0).get("to")).isEqualTo(mirror.baseUrl() + "/https/");
    }

    private static HttpResponse<byte[]> get(String path, String ifNoneMatch) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(mirror.baseUrl() + path)).timeout(Duration.ofSeconds(5));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
