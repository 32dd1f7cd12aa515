package dev.groundwork.ingest.pipeline;

import dev.groundwork.ingest.roadmap.RoadmapRejected;
import dev.groundwork.ingest.store.RoadmapExists;
import dev.groundwork.ingest.store.UnknownRoadmap;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;

/**
 * The {@code groundwork-ingest} command line. {@code parse} needs no database; {@code import} starts a small
 * Spring context that takes the database from the standard {@code SPRING_DATASOURCE_*} variables.
 * Every failure ends in one line on stderr and a non-zero exit code.
 */
public final class IngestCli {

    static final String USAGE = """
            usage: groundwork-ingest <command> [arguments]
              parse FILE [--json]   print the topic tree of a roadmap; touches no database
              import FILE...        parse roadmaps, store them and queue their ingestion (the app's workers
                                    or a later `ingest` work the queue off). A roadmap is found by its
                                    title: the same file again changes nothing; a different one whose title
                                    is taken is refused, naming the stored roadmap
              import --update ID FILE
                                    update the stored roadmap ID with FILE (its id stays, whatever the title)
              import --new FILE...  import as new roadmaps even when the title is taken (the id gets -2, -3, …)
              ingest [--update ID | --new] FILE...
                                    import roadmaps as `import` does, then fetch, extract, chunk and embed every
                                    resource they link, with progress and a final report
              work [--watch]        the worker role: work the queued jobs of every roadmap until none is
                                    queued or running (--watch: keep polling until stopped, e.g. by SIGTERM,
                                    which lets the jobs in hand finish). Any number of workers and app
                                    instances share one database's queue; no job is taken twice
              status [--json]       per roadmap: resources by state and chunks (--json: every resource)
            The database comes from SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD;
            other settings (groundwork.fetch.url-rewrites, …) from SPRING_APPLICATION_JSON or -D properties.
            """;

    private final PrintStream out;
    private final PrintStream err;

    IngestCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new IngestCli(System.out, System.err).run(args));
    }

    /** @return the process exit code: 0 success, 1 failure, 2 usage error */
    int run(String... args) {
        List<String> arguments = Arrays.asList(args);
        if (arguments.isEmpty() || arguments.contains("--help") || arguments.contains("-h")) {
            (arguments.isEmpty() ? err : out).print(USAGE);
            return arguments.isEmpty() ? 2 : 0;
        }
        String command = arguments.get(0);
        List<String> rest = arguments.subList(1, arguments.size());
        return switch (command) {
            case "parse" -> parse(rest);
            case "import" -> importFiles(rest, false);
            case "ingest" -> importFiles(rest, true);
            case "work" -> work(rest);
            case "status" -> status(rest);
            default -> usage("unknown command '" + command + "'");
        };
    }

    private int parse(List<String> args) {
        boolean json = args.contains("--json");
        List<String> files = args.stream().filter(a -> !a.equals("--json")).toList();
        if (files.size() != 1 || files.get(0).startsWith("-")) {
            return usage("parse takes one FILE and an optional --json");
        }
        try {
            var roadmap = new dev.groundwork.ingest.roadmap.RoadmapParser().parse(read(files.get(0)));
            out.print(json ? TreePrinter.json(roadmap) : TreePrinter.text(roadmap));
            return 0;
        } catch (CliFailure | RoadmapRejected e) {
            return fail(files.get(0) + ": " + e.getMessage());
        }
    }

    private int importFiles(List<String> args, boolean ingest) {
        String command = ingest ? "ingest" : "import";
        ImportArguments arguments;
        try {
            arguments = ImportArguments.parse(command, args);
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        return inContext(context -> {
            RoadmapImporter importer = context.getBean(RoadmapImporter.class);
            int failures = 0;
            for (String file : arguments.files()) {
                try {
                    ImportedRoadmap imported = importer.importDocument(read(file), Path.of(file).getFileName().toString(),
                            arguments.mode());
                    String id = imported.roadmap().id();
                    int queued = context.getBean(JobQueue.class).enqueue(id);
                    out.println(ImportReport.line(file, imported) + "; " + queued + (queued == 1 ? " ingestion job" : " ingestion jobs")
                            + " queued");
                    ImportReport.skippedLinks(imported).forEach(out::println);
                    if (ingest) {
                        ingest(context, id);
                    }
                } catch (CliFailure | RoadmapRejected | UnknownRoadmap e) {
                    failures++;
                    err.println("groundwork-ingest: " + file + ": " + e.getMessage());
                } catch (RoadmapExists clash) {
                    failures++;
                    err.println("groundwork-ingest: " + ImportReport.clash(command, file, clash));
                }
            }
            return failures == 0 ? 0 : 1;
        });
    }

    private void ingest(ConfigurableApplicationContext context, String roadmapId) {
        JobQueue queue = context.getBean(JobQueue.class);
        ProgressPrinter progress = new ProgressPrinter(err, System.console() != null, queue.open(roadmapId));
        RunReport report = context.getBean(IngestRun.class).run(roadmapId, progress);
        progress.finish();
        out.print(ReportTable.report(report));
    }

    private int work(List<String> args) {
        boolean watch = args.contains("--watch");
        if (args.stream().anyMatch(a -> !a.equals("--watch"))) {
            return usage("work takes only --watch");
        }
        return inContext(context -> {
            QueueWorker worker = context.getBean(QueueWorker.class);
            Duration grace = context.getBean(IngestProperties.class).lease();
            // the report is printed before a SIGTERM's hook lets the JVM end
            return StopOnShutdown.around(worker, grace, () -> {
                QueueWorker.WorkReport report = worker.work(watch, ProgressPrinter.jobLines(err));
                out.printf(Locale.ROOT, "worked %d %s, %d chunks embedded, in %.1f s%n", report.jobs(),
                        report.jobs() == 1 ? "job" : "jobs", report.embedded(), report.elapsed().toMillis() / 1000.0);
                return 0;
            });
        });
    }

    /** Runs a command in the CLI's Spring context; a failed start or a database failure is one line and exit 1. */
    private int inContext(ToIntFunction<ConfigurableApplicationContext> command) {
        ConfigurableApplicationContext context;
        try {
            context = startContext();
        } catch (RuntimeException startup) {
            return fail("cannot start: " + DatabaseFailure.describe(startup));
        }
        try (context) {
            return command.applyAsInt(context);
        } catch (RuntimeException e) {
            return fail(DatabaseFailure.describe(e));
        }
    }

    private int status(List<String> args) {
        boolean json = args.contains("--json");
        if (args.stream().anyMatch(a -> !a.equals("--json"))) {
            return usage("status takes only --json");
        }
        try (ConfigurableApplicationContext context = startContext()) {
            var all = context.getBean(dev.groundwork.ingest.store.IngestionQueries.class).all();
            if (json) {
                out.print(TreePrinter.json(all));
            } else if (all.isEmpty()) {
                out.println("No roadmaps yet: groundwork-ingest ingest FILE");
            } else {
                all.forEach(status -> out.print(ReportTable.summary(status)));
            }
            return 0;
        } catch (RuntimeException startup) {
            return fail("cannot start: " + DatabaseFailure.describe(startup));
        }
    }

    private static ConfigurableApplicationContext startContext() {
        return new SpringApplicationBuilder(CliApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)   // the CLI closes its context; `work` first lets its jobs finish
                .properties(Map.of(
                        "spring.datasource.url", "jdbc:postgresql://localhost:5432/groundwork",
                        "spring.datasource.username", "groundwork",
                        "spring.datasource.password", "groundwork",
                        "logging.level.root", "WARN",
                        "logging.level.ai.djl", "ERROR",
                        "logging.level.org.springframework.boot", "OFF",
                        "logging.level.com.zaxxer.hikari", "OFF"))
                .run();
    }

    private static byte[] read(String file) {
        try {
            Path path = Path.of(file);
            if (Files.isDirectory(path)) {
                throw new CliFailure("is a directory");
            }
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new CliFailure("no such file");
        } catch (IOException e) {
            throw new CliFailure("cannot read: " + e.getMessage());
        }
    }

    private int usage(String problem) {
        err.println("groundwork-ingest: " + problem);
        err.print(USAGE);
        return 2;
    }

    private int fail(String message) {
        err.println("groundwork-ingest: " + message);
        return 1;
    }

    /** A failure the CLI reports as one line. */
    static final class CliFailure extends RuntimeException {
        CliFailure(String message) {
            super(message);
        }
    }

    /** Root of the CLI's Spring context: the ingest components, auto-configured JDBC and Flyway. */
    @EnableAutoConfiguration
    @ComponentScan({"dev.groundwork.ingest.store", "dev.groundwork.ingest.pipeline"})
    static class CliApplication {
    }
}
