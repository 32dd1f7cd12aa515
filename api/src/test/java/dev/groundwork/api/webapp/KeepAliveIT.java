package dev.groundwork.api.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.ingest.testdb.TestDatabaseConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;

/**
 * A keep-alive connection keeps answering after requests the server answers at once (a 404 for a static path, a
 * 405, a 400 decided before any work, a 415). Reactor Netty 1.3.7 stopped reading such a connection now and then
 * (reactor/reactor-netty#4361), so the next request on it hung: a browser tab's next call, a test's 5 s timeout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "groundwork.ingest.background=false")
@AutoConfigureWebTestClient
@Import(TestDatabaseConfiguration.class)
class KeepAliveIT {

    static final String[][] REQUESTS = {{"GET", "/api/nothing-here"}, {"GET", "/api/roadmaps"},
        {"DELETE", "/api/roadmaps"}, {"GET", "/api/roadmaps/nope"}, {"POST", "/api/roadmaps"},
        {"GET", "/api/roadmaps/nope/cards?size=0"}, {"GET", "/api/topics/not-a-uuid"}};

    @LocalServerPort
    int port;

    @Test
    void oneConnectionAnswersEveryRequestAfterQuickErrors() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<String> lost = new ArrayList<>();
        for (int round = 0; round < 40; round++) {
            for (String[] request : REQUESTS) {
                try {
                    client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + request[1]))
                            .method(request[0], HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(5))
                            .build(), HttpResponse.BodyHandlers.discarding());
                } catch (java.net.http.HttpTimeoutException timeout) {
                    lost.add("round " + round + ": " + request[0] + " " + request[1]);
                }
            }
        }
        assertThat(lost).as("requests that got no answer on a kept-alive connection").isEmpty();
    }
}
