package org.fusescope.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javafx.application.Application;
import org.fusescope.app.tools.BenchUi;
import org.fusescope.app.tools.Headless;
import org.fusescope.app.workbench.ScreenshotRequest;
import org.fusescope.app.workbench.WorkbenchApp;
import org.fusescope.profiler.cli.TraceCli;

/**
 * The application's entry point. It does not extend {@code javafx.application.Application}, so the
 * jar starts with JavaFX on the class path. Without arguments (or with only .sqlite files) it starts
 * the workbench; {@code --screenshot FILE [DATABASE]} writes a PNG of the window and exits ({@code
 * --screenshot DIR --views} or {@code --view NAME,...}: one PNG per view); {@code
 * bench-ui} times the timeline headless; anything else is the command line.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs what the arguments ask for and returns the exit status. */
    public static int run(String[] args) {
        if (args.length == 0 || Arrays.stream(args).allMatch(Launcher::isDatabase)) {
            Application.launch(WorkbenchApp.class, args);
            return 0;
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

    private static boolean isDatabase(String arg) {
        return !arg.startsWith("-") && arg.endsWith(".sqlite") && Files.isRegularFile(Path.of(arg));
    }
}
