package dev.groundwork.api.refresh;

import dev.groundwork.api.refresh.Freshness.Check;
import dev.groundwork.api.refresh.Freshness.Source;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A roadmap's refresh setting (its switch and interval) and its {@link Freshness}. Blocking JDBC: call from
 * {@code jdbc}.
 */
@Component
public class RefreshSettings {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Source>> SOURCES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final RefreshProperties properties;

    RefreshSettings(JdbcClient jdbc, RefreshProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** The roadmap's freshness, or empty for an unknown roadmap. */
    public Optional<Freshness> freshness(String roadmapId) {
        return jdbc.sql("""
                SELECT r.refresh_enabled, extract(epoch FROM r.refresh_interval) AS seconds,
                       coalesce(r.next_check_at, r.imported_at + coalesce(r.refresh_interval, make_interval(secs => ?)))
                           AS next_check_at,
                       (SELECT f.started_at FROM roadmap_refresh f WHERE f.roadmap_id = r.id AND f.finished_at IS NULL)
                           AS running
                FROM roadmap r WHERE r.id = ?
                """).params(RefreshClaims.seconds(properties.defaultInterval()), roadmapId)
                .query((rs, n) -> {
                    boolean enabled = rs.getBoolean("refresh_enabled");
                    double seconds = rs.getDouble("seconds");
                    boolean own = !rs.wasNull();
                    Duration interval = own ? Duration.ofMillis(Math.round(seconds * 1000))
                            : properties.defaultInterval();
                    Instant next = enabled && properties.enabled() ? instant(rs, "next_check_at") : null;
                    return new Freshness(enabled, properties.enabled(), interval.toString(), !own, next,
                            instant(rs, "running"), null);
                })
                .optional()
                .map(f -> new Freshness(f.enabled(), f.scheduled(), f.interval(), f.defaultInterval(), f.nextCheckAt(),
                        f.running(), last(roadmapId).orElse(null)));
    }

    private Optional<Check> last(String roadmapId) {
        return jdbc.sql("""
                SELECT trigger, started_at, finished_at, checked, unchanged, changed, failed, changed_resources,
                       failed_resources
                FROM roadmap_refresh WHERE roadmap_id = ? AND finished_at IS NOT NULL ORDER BY id DESC LIMIT 1
                """).param(roadmapId)
                .query((rs, n) -> new Check(rs.getString("trigger"), instant(rs, "started_at"),
                        instant(rs, "finished_at"), rs.getInt("checked"), rs.getInt("unchanged"), rs.getInt("changed"),
                        rs.getInt("failed"), JSON.readValue(rs.getString("changed_resources"), SOURCES),
                        JSON.readValue(rs.getString("failed_resources"), SOURCES)))
                .optional();
    }

    /**
     * Sets the roadmap's switch and interval ({@code null}: the default). The next check is due one interval after
     * the last one started (or after the import), so a shorter interval may make it due at once.
     *
     * @return {@code false} when the roadmap is unknown
     */
    boolean update(String roadmapId, boolean enabled, Duration interval) {
        Double seconds = interval == null ? null : RefreshClaims.seconds(interval);
        return jdbc.sql("""
                UPDATE roadmap r SET refresh_enabled = ?,
                       refresh_interval = make_interval(secs => CAST(? AS double precision)),
                       next_check_at = coalesce((SELECT max(f.started_at) FROM roadmap_refresh f WHERE f.roadmap_id = r.id),
                                                r.imported_at)
                                       + make_interval(secs => coalesce(CAST(? AS double precision), ?))
                WHERE r.id = ?
                """).params(enabled, seconds, seconds, RefreshClaims.seconds(properties.defaultInterval()), roadmapId)
                .update() == 1;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
