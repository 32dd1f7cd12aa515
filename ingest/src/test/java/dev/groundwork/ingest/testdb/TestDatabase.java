package dev.groundwork.ingest.testdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A PostgreSQL with pgvector for integration tests, one fresh database per test JVM so two runs never collide.
 *
 * <p>Where: a server named by {@code GROUNDWORK_TEST_DB_URL} (a JDBC URL of any database on it, e.g. {@code
 * postgres}; user {@code GROUNDWORK_TEST_DB_USER}, password {@code GROUNDWORK_TEST_DB_PASSWORD}, allowed to create
 * databases and the {@code vector} extension) gets a new database {@code groundwork_test_<time>_<random>},
 * dropped when the JVM exits. Without that variable, Testcontainers starts {@code pgvector/pgvector:pg17} when
 * Docker runs. With neither, {@link #get()} fails with a message saying how to get one: tests never skip silently.
 */
public final class TestDatabase {

    public static final String URL_VARIABLE = "GROUNDWORK_TEST_DB_URL";

    private static final java.util.Map<String, TestDatabase> OTHERS = new java.util.HashMap<>();
    private static TestDatabase instance;

    private final String jdbcUrl;
    private final String username;
    private final String password;

    private TestDatabase(String jdbcUrl, String username, String password) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
    }

    public static synchronized TestDatabase get() {
        if (instance == null) {
            instance = create();
        }
        return instance;
    }

    /**
     * Another fresh database of this JVM, created once per {@code name}: for a test context whose data must not meet
     * the shared one's, such as one embedding with another model (vectors of two models never mix in one database).
     */
    public static synchronized TestDatabase named(String name) {
        return OTHERS.computeIfAbsent(name, key -> {
            TestDatabase shared = get();
            String serverUrl = setting(URL_VARIABLE);
            return freshDatabaseOn(serverUrl != null ? serverUrl : shared.jdbcUrl, shared.username, shared.password);
        });
    }

    /**
     * A database {@code name} on the server of {@link #URL_VARIABLE}, created (with pgvector) when missing and kept when
     * the JVM exits: for benchmarks whose data takes long to build and may be reused by the next run.
     */
    public static TestDatabase kept(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("a kept database needs a plain lower-case name: " + name);
        }
        String serverUrl = setting(URL_VARIABLE);
        if (serverUrl == null) {
            throw new IllegalStateException("A kept database needs " + URL_VARIABLE + " (scripts/db.sh env sets it)");
        }
        String user = setting("GROUNDWORK_TEST_DB_USER");
        String password = setting("GROUNDWORK_TEST_DB_PASSWORD");
        try (Connection admin = DriverManager.getConnection(serverUrl, user, password);
                Statement sql = admin.createStatement()) {
            if (!sql.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'").next()) {
                sql.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name + ": " + e.getMessage(), e);
        }
        String url = withDatabase(serverUrl, name);
        try (Connection db = DriverManager.getConnection(url, user, password); Statement sql = db.createStatement()) {
            sql.execute("CREATE EXTENSION IF NOT EXISTS vector");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot enable pgvector in " + name + ": " + e.getMessage(), e);
        }
        return new TestDatabase(url, user, password);
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    private static TestDatabase create() {
        String serverUrl = setting(URL_VARIABLE);
        if (serverUrl != null) {
            return freshDatabaseOn(serverUrl, setting("GROUNDWORK_TEST_DB_USER"), setting("GROUNDWORK_TEST_DB_PASSWORD"));
        }
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer(DockerImageName.parse("pgvector/pgvector:pg17"));
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new TestDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        throw new IllegalStateException("""
                No PostgreSQL for the integration tests. Run them with `make test`, which provisions a local \
                PostgreSQL with pgvector; or set GROUNDWORK_TEST_DB_URL (e.g. jdbc:postgresql://localhost:5432/postgres), \
                GROUNDWORK_TEST_DB_USER and GROUNDWORK_TEST_DB_PASSWORD to a server where that user may create \
                databases and the vector extension; or start Docker so Testcontainers can run pgvector/pgvector:pg17.""");
    }

    private static TestDatabase freshDatabaseOn(String serverUrl, String user, String password) {
        String name = "groundwork_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"))
                + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
        try (Connection admin = DriverManager.getConnection(serverUrl, user, password);
                Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database on " + serverUrl + " as " + user + ": "
                    + e.getMessage() + " (does `make test` run, or does this user have CREATEDB?)", e);
        }
        String url = withDatabase(serverUrl, name);
        try (Connection db = DriverManager.getConnection(url, user, password); Statement sql = db.createStatement()) {
            sql.execute("CREATE EXTENSION IF NOT EXISTS vector");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot enable pgvector in " + name + ": " + e.getMessage()
                    + " (is pgvector installed? `scripts/db.sh ensure` builds it)", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(serverUrl, user, password, name)));
        return new TestDatabase(url, user, password);
    }

    private static void drop(String serverUrl, String user, String password, String name) {
        try (Connection admin = DriverManager.getConnection(serverUrl, user, password);
                Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + name + ": " + e.getMessage());
        }
    }

    /** Replaces the database name in {@code jdbc:postgresql://host:port/db?params}. */
    static String withDatabase(String serverUrl, String database) {
        int hostStart = serverUrl.indexOf("//") + 2;
        int slash = serverUrl.indexOf('/', hostStart);
        int query = serverUrl.indexOf('?', hostStart);
        String base = slash < 0 ? (query < 0 ? serverUrl : serverUrl.substring(0, query)) : serverUrl.substring(0, slash);
        String params = query < 0 ? "" : serverUrl.substring(query);
        return base + "/" + database + params;
    }

    private static String setting(String name) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? null : value;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable notAvailable) {
            return false;
        }
    }
}
