package dev.groundwork.api.retrieval.bench;

import dev.groundwork.ingest.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Prints the progress of the index being built on {@code chunks} to stderr every {@link #EVERY_SECONDS} seconds, from
 * {@code pg_stat_progress_create_index} on a connection of its own (the build's connection is busy). Stops on close.
 */
final class IndexProgress implements AutoCloseable {

    private static final int EVERY_SECONDS = 30;

    private final ScheduledExecutorService timer;
    private final Connection connection;
    private final long start = System.nanoTime();

    private IndexProgress(Connection connection) {
        this.connection = connection;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "index-progress");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::report, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    static IndexProgress watch(TestDatabase db) throws SQLException {
        return new IndexProgress(DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password()));
    }

    private void report() {
        try (Statement sql = connection.createStatement(); ResultSet rs = sql.executeQuery("SELECT phase,"
                + " tuples_done, tuples_total, blocks_done, blocks_total FROM pg_stat_progress_create_index"
                + " WHERE relid = 'chunks'::regclass")) {
            while (rs.next()) {
                System.err.printf("scale:   index build %.0f s: %s, tuples %,d/%,d, blocks %,d/%,d%n",
                        (System.nanoTime() - start) / 1e9, rs.getString(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5));
            }
        } catch (SQLException e) {
            System.err.println("scale:   index progress unavailable: " + e.getMessage());
        }
    }

    @Override
    public void close() throws SQLException {
        timer.shutdownNow();
        connection.close();
    }
}
