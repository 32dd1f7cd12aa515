package dev.groundwork.api.refresh;

/**
 * A roadmap's refresh setting as sent: {@code {"enabled": true, "interval": "P14D"}}; an interval of {@code null}
 * means the configured default. Checked by {@link RefreshService}, which names what is wrong.
 */
record RefreshRequest(Boolean enabled, String interval) {
}
