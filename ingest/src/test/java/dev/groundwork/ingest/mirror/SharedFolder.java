package dev.groundwork.ingest.mirror;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds a folder of the project's {@code shared/} data (the corpus, the benchmarks): a system property, else an
 * environment variable, else the first {@code shared/<relative>} found walking up from the working directory —
 * developers and CI have {@code shared/} beside their clone.
 */
public final class SharedFolder {

    private SharedFolder() {
    }

    /**
     * @param relative folder below {@code shared/}, e.g. {@code corpus} or {@code bench/scifact}
     * @param marker   a file the folder must contain, e.g. {@code web/manifest.json}
     * @param property system property that names the folder
     * @param env      environment variable that names the folder
     */
    public static Path find(String relative, String marker, String property, String env) {
        String configured = System.getProperty(property);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(env);
        }
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured).toAbsolutePath();
            if (!Files.isRegularFile(dir.resolve(marker))) {
                throw new IllegalStateException(dir + " (from -D" + property + " or " + env + ") has no " + marker);
            }
            return dir;
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path at = start; at != null; at = at.getParent()) {
            Path candidate = at.resolve("shared").resolve(relative);
            if (Files.isRegularFile(candidate.resolve(marker))) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/" + relative + " not found: no shared/" + relative + "/" + marker
                + " above " + start + "; set -D" + property + "=/path/to/shared/" + relative + " or " + env
                + " (developers and CI have shared/ beside the clone)");
    }
}
