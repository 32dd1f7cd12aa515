package dev.groundwork.api.security;

import dev.groundwork.api.security.SecurityProperties.Imports;
import dev.groundwork.api.security.SecurityProperties.Registration;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The settings an admin changes while the app runs (table {@code app_setting}), defaulting to the configured ones.
 * Read from the database each time, so every instance sees a change at once. Blocking JDBC.
 */
@Repository
class Settings {

    private static final String REGISTRATION = "registration";
    private static final String IMPORTS = "imports";
    private static final String SSO_KEY = "sso-request-key";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecurityProperties defaults;

    Settings(JdbcClient jdbc, Clock clock, SecurityProperties defaults) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.defaults = defaults;
    }

    Values read() {
        Map<String, String> stored = jdbc.sql("SELECT key, value FROM app_setting")
                .query((rs, n) -> Map.entry(rs.getString("key"), rs.getString("value"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return new Values(
                stored.containsKey(REGISTRATION) ? Registration.valueOf(stored.get(REGISTRATION)) : defaults.registration(),
                stored.containsKey(IMPORTS) ? Imports.valueOf(stored.get(IMPORTS)) : defaults.imports());
    }

    /**
     * The key that signs single sign-on requests in flight ({@link SsoRequests}): made once, then the same for every
     * instance and across restarts.
     */
    byte[] ssoKey() {
        jdbc.sql("INSERT INTO app_setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING")
                .params(SSO_KEY, Secrets.random(32)).update();
        String key = jdbc.sql("SELECT value FROM app_setting WHERE key = ?").param(SSO_KEY).query(String.class)
                .single();
        return java.util.Base64.getUrlDecoder().decode(key);
    }

    void write(Values values, UUID by) {
        put(REGISTRATION, values.registration().name(), by);
        put(IMPORTS, values.imports().name(), by);
    }

    private void put(String key, String value, UUID by) {
        jdbc.sql("INSERT INTO app_setting (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at,"
                        + " updated_by = EXCLUDED.updated_by")
                .params(key, value, Timestamp.from(clock.instant()), by).update();
    }

    record Values(Registration registration, Imports imports) {

        Map<String, String> asJson() {
            return Map.of(REGISTRATION, registration.name().toLowerCase(Locale.ROOT),
                    IMPORTS, imports.name().toLowerCase(Locale.ROOT));
        }
    }
}
