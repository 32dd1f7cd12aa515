package dev.groundwork.api.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a {@code web/e2e/*.e2e.mjs} browser script with node, bounded in time, and returns what it printed. */
final class E2eScript {

    static final Path WEB = Path.of("..", "web").toAbsolutePath().normalize();

    record Result(int exitCode, String output) {
    }

    private E2eScript() {
    }

    /** @param env name, value, name, value, … */
    static Result run(String script, Path logDir, int timeoutSeconds, String... env)
            throws IOException, InterruptedException {
        assertThat(WEB.resolve("node_modules/playwright-core")).as(
                "web/node_modules is missing: build the web module first (./mvnw verify does)").isDirectory();
        ProcessBuilder builder = new ProcessBuilder(List.of("node", "e2e/" + script)).directory(WEB.toFile())
                .redirectErrorStream(true);
        for (int i = 0; i < env.length; i += 2) {
            builder.environment().put(env[i], env[i + 1]);
        }
        Path log = logDir.resolve(script + ".log");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, "timed out after " + timeoutSeconds + " s\n" + Files.readString(log));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.print(output);   // what the browser saw, in the test report
        return new Result(process.exitValue(), output);
    }
}
