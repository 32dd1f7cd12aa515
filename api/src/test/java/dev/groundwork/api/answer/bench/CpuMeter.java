package dev.groundwork.api.answer.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * CPU time spent by this JVM and by the PostgreSQL backends serving the bench's database: a cost per answer that a
 * busy, shared machine does not distort the way it distorts wall-clock rates. Linux only ({@code /proc}); backends
 * are found in {@code pg_stat_activity} by database name (the bench's database is its own). A backend that exits
 * between two readings loses its time, so a reading undercounts only if connections close mid-pass.
 */
final class CpuMeter {

    /** Clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100;

    private final JdbcClient jdbc;

    CpuMeter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Reading(long jvmNanos, Map<Integer, Long> backendTicks) {
    }

    /** CPU milliseconds used between two readings. */
    record Used(double jvmMs, double databaseMs) {
    }

    Reading read() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        List<Integer> pids = jdbc.sql("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
                .query(Integer.class).list();
        Map<Integer, Long> ticks = new HashMap<>();
        for (int pid : pids) {
            ticks.put(pid, ticks(pid));
        }
        return new Reading(jvm, ticks);
    }

    Used since(Reading before) {
        Reading now = read();
        long ticks = 0;
        for (Map.Entry<Integer, Long> backend : now.backendTicks().entrySet()) {
            ticks += backend.getValue() - before.backendTicks().getOrDefault(backend.getKey(), 0L);
        }
        return new Used((now.jvmNanos() - before.jvmNanos()) / 1e6, ticks * 1000 / TICKS_PER_SECOND);
    }

    /** utime + stime of a process, in clock ticks; 0 when it is gone. */
    private static long ticks(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);   // fields 14 and 15 of the whole line
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
