package dev.groundwork.ingest.pipeline;

import java.net.ConnectException;
import java.sql.SQLException;

/** Turns a failed start of the database side into one line a user can act on. */
final class DatabaseFailure {

    private DatabaseFailure() {
    }

    static String describe(Throwable failure) {
        Throwable cause = failure;
        String sql = null;
        while (cause != null) {
            if (cause instanceof ConnectException) {
                return "cannot connect to the database (" + cause.getMessage()
                        + "); is PostgreSQL running? Set SPRING_DATASOURCE_URL, _USERNAME, _PASSWORD";
            }
            if (cause instanceof SQLException && sql == null) {
                sql = cause.getMessage();
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        if (sql != null) {
            return "database error: " + sql.lines().findFirst().orElse(sql);
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
