package org.fusescope.app;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.application.Application;
import org.fusescope.app.tools.BenchUi;
import org.fusescope.app.tools.Headless;
import org.fusescope.app.workbench.ScreenshotRequest;
import org.fusescope.app.workbench.WorkbenchApp;
import org.fusescope.profiler.cli.TraceCli;

/**
 * The application's entry point. It does not extend {@code javafx.application.Application}, so the
 * jar starts with JavaFX on the class path. Without arguments (or with only .sqlite files) it starts
 * the workbench, as does any other first argument that is neither an option nor a subcommand (a
 * file that is missing or no SQLite database prints {@code fusescope: FILE: why} and exits 1);
 * {@code --screenshot FILE [DATABASE]} writes a PNG of the window and exits ({@code
 * --screenshot DIR --views} or {@code --view NAME,...}: one PNG per view); {@code
 * bench-ui} times the timeline headless; anything else is the command line. Without a desktop
 * session (no display to open a window on) the workbench prints {@link #NO_DESKTOP} and exits 1;
 * {@code --debug} tries the display anyway and adds the stack trace of the failure.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs what the arguments ask for and returns the exit status. */
    public static int run(String[] args) {
        List<String> rest =
                Arrays.stream(args).filter(a -> !a.equals("--debug")).toList();
        if (rest.isEmpty() || rest.stream().allMatch(Launcher::isDatabase)) {
            return workbench(rest.toArray(String[]::new), rest.size() < args.length);
        }
        if (FileArguments.areFiles(rest, commands())) {
            // not a subcommand: recordings to open, so a wrong one is named, not guessed at as a command
            Optional<String> problem = FileArguments.problem(rest);
            if (problem.isPresent()) {
                System.err.println("fusescope: " + problem.get());
                return 1;
            }
            return workbench(rest.toArray(String[]::new), rest.size() < args.length);
        }
        if (args[0].equals("--screenshot")) {
            try {
                ScreenshotRequest.parse(Arrays.asList(args));
            } catch (IllegalArgumentException e) {
                System.err.println("fusescope: " + e.getMessage());
                System.err.println(ScreenshotRequest.USAGE);
                return 2;
            }
            if (Headless.noDisplay()) {
                Headless.use();
            }
            Application.launch(WorkbenchApp.class, args);
            return WorkbenchApp.screenshotExitCode();
        }
        if (args[0].equals("bench-ui")) {
            return BenchUi.run(Arrays.copyOfRange(args, 1, args.length));
        }
        return TraceCli.execute(args);
    }

    /** The one line printed when the workbench has no display to open its window on. */
    public static final String NO_DESKTOP = "fusescope: the workbench needs a desktop session (%s); on this machine"
            + " use the command line (fusescope --help), or open the recording with fusescope on a desktop";

    private static int workbench(String[] files, boolean debug) {
        if (!debug && Headless.noDisplay() && !Headless.requested()) {
            System.err.println(String.format(NO_DESKTOP, "DISPLAY and WAYLAND_DISPLAY are not set"));
            return 1;
        }
        try {
            Application.launch(WorkbenchApp.class, files);
            return 0;
        } catch (RuntimeException | LinkageError e) {
            if (WorkbenchApp.toolkitStarted()) {
                throw e; // the workbench failed, not the display
            }
            // the toolkit could not start: a DISPLAY without a server behind it, no GTK, ...
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            System.err.println(String.format(NO_DESKTOP, why.strip().replace('\n', ' ')));
            if (debug) {
                e.printStackTrace();
            }
            return 1;
        }
    }

    /** The names of the subcommands (the command line's and {@code bench-ui}). */
    private static Set<String> commands() {
        PrintWriter none = new PrintWriter(Writer.nullWriter());
        Set<String> names =
                new HashSet<>(TraceCli.commandLine(none, none).getSubcommands().keySet());
        names.add("bench-ui");
        return names;
    }

    private static boolean isDatabase(String arg) {
        return !arg.startsWith("-") && arg.endsWith(".sqlite") && Files.isRegularFile(Path.of(arg));
    }
}
