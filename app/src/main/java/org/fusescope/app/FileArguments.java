package org.fusescope.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Command-line arguments that name recordings for the workbench rather than a subcommand: what is
 * wrong with one of them, in the words of a one-line error ({@code missing.sqlite: no such file}).
 * Stateless.
 */
final class FileArguments {
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private FileArguments() {}

    /**
     * True when the arguments are meant as files: the first is neither an option nor one of {@code
     * commands} (the subcommands of the command line), and it exists or looks like a path (has a dot
     * or a slash), so that a mistyped subcommand still gets the command line's suggestion.
     */
    static boolean areFiles(List<String> args, Set<String> commands) {
        if (args.isEmpty() || args.get(0).startsWith("-") || commands.contains(args.get(0))) {
            return false;
        }
        String first = args.get(0);
        return first.contains(".") || first.contains("/") || Files.exists(Path.of(first));
    }

    /** The first argument that is no readable trace database, with why (e.g. {@code x.sqlite: no such file}). */
    static Optional<String> problem(List<String> files) {
        for (String f : files) {
            Optional<String> why = problem(Path.of(f));
            if (why.isPresent()) {
                return Optional.of(f + ": " + why.get());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> problem(Path file) {
        if (!Files.exists(file)) {
            return Optional.of("no such file");
        }
        if (Files.isDirectory(file)) {
            return Optional.of("is a directory, not a recording");
        }
        if (!Files.isReadable(file)) {
            return Optional.of("cannot be read (permission denied)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(SQLITE_HEADER.length);
            return Arrays.equals(head, SQLITE_HEADER)
                    ? Optional.empty()
                    : Optional.of(
                            "not an SQLite database (a recording is a .sqlite file written by fusescope run or nsys export)");
        } catch (IOException e) {
            return Optional.of("cannot be read: " + e.getMessage());
        }
    }
}
