package dev.groundwork.ingest.pipeline;

import dev.groundwork.ingest.store.ImportMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The arguments of {@code import} and {@code ingest}: {@code FILE...} (by title), {@code --update ID FILE} or
 * {@code --new FILE...}.
 */
record ImportArguments(ImportMode mode, List<String> files) {

    /** @throws IllegalArgumentException with the usage problem to report */
    static ImportArguments parse(String command, List<String> args) {
        ImportMode mode = ImportMode.byTitle();
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--new") || arg.equals("--update")) {
                if (mode.kind() != ImportMode.Kind.BY_TITLE) {
                    throw new IllegalArgumentException(command + " takes --update or --new once, not both");
                }
                if (arg.equals("--new")) {
                    mode = ImportMode.asNew();
                } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("-")) {
                    mode = ImportMode.update(args.get(++i));
                } else {
                    throw new IllegalArgumentException(command + " --update takes the ID of the roadmap to update");
                }
            } else if (arg.startsWith("-")) {
                throw new IllegalArgumentException("unknown option '" + arg + "' for " + command);
            } else {
                files.add(arg);
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(command + " takes one or more FILEs");
        }
        if (mode.kind() == ImportMode.Kind.UPDATE && files.size() != 1) {
            throw new IllegalArgumentException(command + " --update ID takes exactly one FILE");
        }
        return new ImportArguments(mode, List.copyOf(files));
    }
}
