package org.fusescope.runner.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A {@code fusescope run} in a child process: this JVM's java and class path, its output and errors into a log
 * file. For commands that record the same runs again under other conditions ({@code ncu}, and {@code run
 * --overhead-reference process}). Stateless.
 */
final class ChildRun {
    private ChildRun() {}

    /** This JVM running {@code fusescope run OPTIONS --progress none SETTINGS --out OUT}. */
    static List<String> command(List<String> runOptions, List<String> settings, Path out) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(FuseScopeCli.class.getName());
        command.add("run");
        command.addAll(runOptions);
        command.addAll(List.of("--progress", "none"));
        command.addAll(settings);
        command.addAll(List.of("--out", out.toString()));
        return command;
    }

    /**
     * Runs {@code command} to its end, saying "PREFIX: WHAT ..." on {@code out} first.
     *
     * @throws IllegalStateException when it exits non-zero, with its last lines
     */
    static void run(PrintWriter out, String prefix, String what, List<String> command, Path log)
            throws IOException, InterruptedException {
        out.println(prefix + ": " + what + " ...");
        out.flush();
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        int status = p.waitFor();
        if (status != 0) {
            List<String> lines = Files.readAllLines(log);
            String tail = String.join("\n  ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
            throw new IllegalStateException(what + " exited " + status + ":\n  " + tail);
        }
    }

    /** Deletes {@code dir} and everything under it. */
    static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
