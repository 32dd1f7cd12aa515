package dev.groundwork.api.retrieval.bench;

import dev.groundwork.ingest.testdb.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.springframework.ai.document.Document;

/**
 * A synthetic set in the real schema (Flyway has migrated the database): 100 roadmaps of 10 topics with 5 resources
 * each, and {@code rows} chunks ({@link ChunkRows}) spread uniformly over the 5,000 resources, so one roadmap holds
 * about 1% of them. Loaded in one transaction: the old set truncated, every index of {@code chunks} but its
 * primary key dropped, the rows copied, the indexes rebuilt from their own definitions (HNSW first, timed alone,
 * with {@code maintenance_work_mem} as given), user triggers on {@code chunks} disabled during the load. The table's
 * comment records what set it holds and how long it took, so a later run on a kept database skips an equal set.
 */
final class ScaleSet {

    static final int ROADMAPS = 100;
    static final int TOPICS_PER_ROADMAP = 10;
    static final int RESOURCES_PER_TOPIC = 5;
    private static final String MARK = "groundwork scale set v1";
    private static final Pattern TIMES = Pattern.compile(
            "load=([0-9.]+) hnsw=([0-9.]+) other=([0-9.]+) vacuum=([0-9.]+) triggers=\\[(.*)]");

    /** What a set is and what building it cost ({@code reused}: found in the database, times from its build). */
    record Built(long rows, boolean reused, double loadSeconds, double hnswSeconds, double otherIndexSeconds,
            double vacuumSeconds, List<String> disabledTriggers, long tableBytes, long hnswBytes, String hnswIndex,
            String embeddingStorage) {
    }

    private ScaleSet() {
    }

    static String roadmapId(int roadmap) {
        return String.format(Locale.ROOT, "scale-%02d", roadmap);
    }

    static Built ensure(TestDatabase db, NoisyCopies copies, List<Document> bases, long rows, String modelId,
            String maintenanceWorkMem, String embeddingStorage) throws SQLException {
        try (Connection sql = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
            if (embeddingStorage != null) {
                try (Statement statement = sql.createStatement()) {
                    statement.execute("ALTER TABLE chunks ALTER COLUMN embedding SET STORAGE " + embeddingStorage);
                }
            }
            String identity = String.format(Locale.ROOT, "%s: rows=%d bases=%d sigma=%s seed=%d model=%s storage=%s",
                    MARK, rows, bases.size(), copies.sigma(), copies.seed(), modelId, storage(sql));
            String comment = string(sql, "SELECT coalesce(obj_description('chunks'::regclass, 'pg_class'), '')");
            Matcher kept = TIMES.matcher(comment);
            if (comment.startsWith(identity + " |") && kept.find()) {
                System.err.println("scale: " + rows + " rows already loaded, reusing them (" + comment + ")");
                return sizes(sql, new Built(rows, true, Double.parseDouble(kept.group(1)),
                        Double.parseDouble(kept.group(2)), Double.parseDouble(kept.group(3)),
                        Double.parseDouble(kept.group(4)),
                        kept.group(5).isEmpty() ? List.of() : List.of(kept.group(5).split(", ")), 0, 0, "", ""));
            }
            Built built = load(db, sql, copies, bases, rows, modelId, maintenanceWorkMem, identity);
            return sizes(sql, built);
        }
    }

    private static Built load(TestDatabase db, Connection sql, NoisyCopies copies, List<Document> bases, long rows, String modelId,
            String maintenanceWorkMem, String identity) throws SQLException {
        sql.setAutoCommit(false);
        boolean committed = false;
        try (Statement statement = sql.createStatement()) {
            statement.execute("SET maintenance_work_mem = '" + maintenanceWorkMem + "'");
            statement.execute("TRUNCATE roadmap, resource, chunks CASCADE");
            List<UUID> resources = layout(sql);
            Map<String, String> indexes = indexes(sql);
            for (String index : indexes.keySet()) {
                statement.execute("DROP INDEX " + index);
            }
            List<String> triggers = strings(sql,
                    "SELECT tgname FROM pg_trigger WHERE tgrelid = 'chunks'::regclass AND NOT tgisinternal");
            if (!triggers.isEmpty()) {
                System.err.println("scale: user triggers on chunks disabled for the load: " + triggers);
                statement.execute("ALTER TABLE chunks DISABLE TRIGGER USER");
            }
            long start = System.nanoTime();
            new ChunkRows(copies, bases, resources, modelId).copy(sql.unwrap(PGConnection.class).getCopyAPI(), rows);
            double load = seconds(start);
            if (!triggers.isEmpty()) {
                statement.execute("ALTER TABLE chunks ENABLE TRIGGER USER");
            }
            double hnsw = 0;
            double other = 0;
            for (Map.Entry<String, String> index : hnswFirst(indexes)) {
                System.err.println("scale: building " + index.getKey() + " (" + index.getValue() + ")");
                long built = System.nanoTime();
                try (IndexProgress progress = IndexProgress.watch(db)) {
                    statement.execute(index.getValue());
                }
                double took = seconds(built);
                System.err.printf(Locale.ROOT, "scale: built %s in %.1f s%n", index.getKey(), took);
                if (index.getValue().contains("USING hnsw")) {
                    hnsw += took;
                } else {
                    other += took;
                }
            }
            String times = String.format(Locale.ROOT, "load=%.1f hnsw=%.1f other=%.1f", load, hnsw, other);
            sql.commit();
            committed = true;
            sql.setAutoCommit(true);
            long vacuumStart = System.nanoTime();
            statement.execute("VACUUM ANALYZE chunks");
            double vacuum = seconds(vacuumStart);
            statement.execute("COMMENT ON TABLE chunks IS '" + identity + " | " + times
                    + String.format(Locale.ROOT, " vacuum=%.1f triggers=%s", vacuum, triggers) + "'");
            return new Built(rows, false, load, hnsw, other, vacuum, triggers, 0, 0, "", "");
        } finally {
            if (!committed) {
                sql.rollback(); // also on an Error: setAutoCommit(true) would commit the half-done load
            }
            sql.setAutoCommit(true);
        }
    }

    /** Inserts the roadmaps, topics and resources; returns the resources in roadmap order. */
    private static List<UUID> layout(Connection sql) throws SQLException {
        List<UUID> resources = new ArrayList<>();
        try (PreparedStatement roadmap = sql.prepareStatement("INSERT INTO roadmap (id, title, content_hash, document,"
                + " imported_at, updated_at) VALUES (?, ?, 'scale', '', now(), now())");
                PreparedStatement topic = sql.prepareStatement("INSERT INTO topic (id, roadmap_id, key, position,"
                        + " kind, title, path) VALUES (?, ?, ?, ?, 'topic', ?, '[]')");
                PreparedStatement resource = sql.prepareStatement("INSERT INTO resource (id, url, title, type, state)"
                        + " VALUES (?, ?, ?, 'link', 'done')");
                PreparedStatement link = sql.prepareStatement("INSERT INTO topic_resource (topic_id, resource_id,"
                        + " position, title) VALUES (?, ?, ?, ?)")) {
            for (int r = 0; r < ROADMAPS; r++) {
                roadmap.setString(1, roadmapId(r));
                roadmap.setString(2, "Scale roadmap " + r);
                roadmap.addBatch();
                for (int t = 0; t < TOPICS_PER_ROADMAP; t++) {
                    UUID topicId = uuid("topic " + r + "/" + t);
                    topic.setObject(1, topicId);
                    topic.setString(2, roadmapId(r));
                    topic.setString(3, "topic-" + t);
                    topic.setInt(4, t);
                    topic.setString(5, "Topic " + t);
                    topic.addBatch();
                    for (int k = 0; k < RESOURCES_PER_TOPIC; k++) {
                        int index = resources.size();
                        UUID resourceId = uuid("resource " + index);
                        resources.add(resourceId);
                        resource.setObject(1, resourceId);
                        resource.setString(2, "https://scale.invalid/resource/" + index);
                        resource.setString(3, "Resource " + index);
                        resource.addBatch();
                        link.setObject(1, topicId);
                        link.setObject(2, resourceId);
                        link.setInt(3, k);
                        link.setString(4, "Resource " + index);
                        link.addBatch();
                    }
                }
            }
            roadmap.executeBatch();
            topic.executeBatch();
            resource.executeBatch();
            link.executeBatch();
        }
        return resources;
    }

    /** The indexes of {@code chunks} other than its constraints' (name → definition). */
    private static Map<String, String> indexes(Connection sql) throws SQLException {
        Map<String, String> indexes = new LinkedHashMap<>();
        try (Statement statement = sql.createStatement(); ResultSet rs = statement.executeQuery("SELECT indexname,"
                + " indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'chunks' AND indexname"
                + " NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = 'chunks'::regclass) ORDER BY indexname")) {
            while (rs.next()) {
                indexes.put(rs.getString(1), rs.getString(2));
            }
        }
        return indexes;
    }

    private static List<Map.Entry<String, String>> hnswFirst(Map<String, String> indexes) {
        List<Map.Entry<String, String>> ordered = new ArrayList<>(indexes.entrySet());
        ordered.sort((a, b) -> Boolean.compare(!a.getValue().contains("USING hnsw"), !b.getValue().contains("USING hnsw")));
        return ordered;
    }

    private static Built sizes(Connection sql, Built built) throws SQLException {
        List<String> hnsw = strings(sql, "SELECT indexname FROM pg_indexes WHERE tablename = 'chunks'"
                + " AND indexdef LIKE '%USING hnsw%'");
        String index = hnsw.isEmpty() ? "" : hnsw.get(0);
        long table = Long.parseLong(string(sql, "SELECT pg_table_size('chunks')"));
        long hnswBytes = index.isEmpty() ? 0 : Long.parseLong(string(sql, "SELECT pg_relation_size('" + index + "')"));
        String definition = index.isEmpty() ? "none" : string(sql,
                "SELECT indexdef FROM pg_indexes WHERE indexname = '" + index + "'");
        return new Built(built.rows(), built.reused(), built.loadSeconds(), built.hnswSeconds(),
                built.otherIndexSeconds(), built.vacuumSeconds(), built.disabledTriggers(), table, hnswBytes,
                definition, storage(sql));
    }

    /** How PostgreSQL stores the embedding column: p plain (in the row), e external (out of line once rows are large). */
    static String storage(Connection sql) throws SQLException {
        return string(sql, "SELECT attstorage FROM pg_attribute WHERE attrelid = 'chunks'::regclass"
                + " AND attname = 'embedding'");
    }

    private static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(("groundwork scale " + name).getBytes(StandardCharsets.UTF_8));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    static String string(Connection sql, String query) throws SQLException {
        List<String> values = strings(sql, query);
        return values.isEmpty() ? null : values.get(0);
    }

    static List<String> strings(Connection sql, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = sql.createStatement(); ResultSet rs = statement.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
