package org.fusescope.app.workbench;

import java.io.IOException;
import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.util.Duration;
import org.fusescope.app.tools.Snapshots;

/**
 * Waits until the workbench has an editor and no background work left, lets layout settle, writes
 * the window as a PNG and exits (status 0); exits 1 at once, with the reason on stderr, when a file
 * cannot be opened or loaded, and after 60 s when nothing has loaded.
 */
final class ScreenshotWhenReady {
    /** Exit status of the screenshot run; read by the launcher after the toolkit stops. */
    static volatile int exitCode = 1;

    private ScreenshotWhenReady() {}

    static void arm(WorkbenchViewModel vm, Scene scene, Path file) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        poll(vm, scene, file, deadline);
    }

    /** What one poll decides: wait (neither set), shoot, or fail with a one-line reason. */
    record Verdict(boolean shoot, String failure) {
        static final Verdict WAIT = new Verdict(false, null);
        static final Verdict SHOOT = new Verdict(true, null);

        static Verdict fail(String reason) {
            return new Verdict(false, reason);
        }
    }

    /**
     * The decision at one poll (issue 17, failure 12): a file that failed to open or load fails at
     * once with its reason, not after the 60 s deadline, and never gives a screenshot with exit 0;
     * with no work left and no editor, nothing will load, so that fails at once too.
     *
     * @param failure the first "could not be read" problem ({@code where: message}), or null
     */
    static Verdict verdict(boolean hasEditor, int pending, String failure, boolean pastDeadline, String status) {
        if (pending == 0 && failure != null) {
            return Verdict.fail(failure);
        }
        if (pending == 0 && hasEditor) {
            return Verdict.SHOOT;
        }
        if (pending == 0) {
            return Verdict.fail("nothing to show: " + status);
        }
        return pastDeadline ? Verdict.fail("nothing loaded within 60 s; " + status) : Verdict.WAIT;
    }

    private static String failure(WorkbenchViewModel vm) {
        return vm.problems().items().stream()
                .filter(p -> p.code().equals("open-failed"))
                .map(p -> p.where() + ": " + p.message())
                .findFirst()
                .orElse(null);
    }

    private static void poll(WorkbenchViewModel vm, Scene scene, Path file, long deadline) {
        PauseTransition wait = new PauseTransition(Duration.millis(200));
        wait.setOnFinished(e -> {
            Verdict v = verdict(
                    !vm.editors().isEmpty(),
                    vm.pendingProperty().get(),
                    failure(vm),
                    System.nanoTime() > deadline,
                    vm.statusProperty().get());
            if (v.shoot()) {
                PauseTransition settle = new PauseTransition(Duration.millis(500));
                settle.setOnFinished(x -> shoot(scene, file));
                settle.play();
            } else if (v.failure() != null) {
                System.err.println("fusescope: " + v.failure().replaceAll("\\p{Cntrl}", "?"));
                exitCode = 1;
                Platform.exit();
            } else {
                poll(vm, scene, file, deadline);
            }
        });
        wait.play();
    }

    private static void shoot(Scene scene, Path file) {
        try {
            Snapshots.writePng(scene, file);
            System.out.println("wrote " + file);
            exitCode = 0;
        } catch (IOException e) {
            System.err.println("fusescope: cannot write " + file + ": " + e.getMessage());
        }
        Platform.exit();
    }

    /** The exit status of the last screenshot run. */
    static int exitCode() {
        return exitCode;
    }
}
