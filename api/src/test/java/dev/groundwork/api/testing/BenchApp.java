package dev.groundwork.api.testing;

import dev.groundwork.api.GroundworkApplication;
import dev.groundwork.ingest.mirror.MirrorServer;
import dev.groundwork.ingest.testdb.TestDatabase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** What the benchmark commands share: the real app on a loopback port of a bench database, and percentiles. */
public final class BenchApp {

    private BenchApp() {
    }

    /**
     * Starts the app on {@code db}, listening on a random loopback port, without background ingestion, logging
     * warnings only; {@code properties} add to or override that, and {@code sources} add configuration classes.
     */
    public static ConfigurableApplicationContext start(TestDatabase db, Map<String, Object> properties,
            Class<?>... sources) {
        Map<String, Object> all = new HashMap<>();
        all.put("spring.datasource.url", db.jdbcUrl());
        all.put("spring.datasource.username", db.username());
        all.put("spring.datasource.password", db.password());
        all.put("server.port", "0");
        all.put("server.address", "127.0.0.1");
        all.put("groundwork.ingest.background", "false");
        all.put("logging.level.root", "WARN");
        all.putAll(properties);
        // as command-line arguments, so they win over application.properties
        String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        Class<?>[] classes = Stream.concat(Stream.of(GroundworkApplication.class), Stream.of(sources))
                .toArray(Class<?>[]::new);
        return new SpringApplication(classes).run(args);
    }

    /**
     * Properties that fetch from {@code mirror} and answer with the stub {@code model} (no retries), with 20 database
     * connections and {@code jdbc} threads; add to them and pass them to {@link #start}.
     */
    public static Map<String, Object> modelProperties(MirrorServer mirror, FakeOpenAiServer model) {
        Map<String, Object> properties = new HashMap<>(mirror.fetchProperties());
        properties.put("spring.ai.model.chat", "openai");
        properties.put("spring.ai.openai.base-url", model.baseUrl());
        properties.put("spring.ai.openai.api-key", "bench");
        properties.put("spring.ai.openai.chat.model", FakeOpenAiServer.MODEL);
        properties.put("spring.ai.openai.max-retries", "0");
        properties.put("spring.datasource.hikari.maximum-pool-size", "20");
        properties.put("groundwork.blocking.jdbc-threads", "20");
        return properties;
    }

    /** The nearest-rank percentile of {@code values}; NaN when there are none. */
    public static double percentile(List<Double> values, int percentile) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
