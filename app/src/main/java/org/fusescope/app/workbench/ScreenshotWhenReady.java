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
 * the window as a PNG and exits (status 0, or 1 when it fails or nothing loads within 60 s).
 */
final class ScreenshotWhenReady {
    /** Exit status of the screenshot run; read by the launcher after the toolkit stops. */
    static volatile int exitCode = 1;

    private ScreenshotWhenReady() {}

    static void arm(WorkbenchViewModel vm, Scene scene, Path file) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        poll(vm, scene, file, deadline);
    }

    private static void poll(WorkbenchViewModel vm, Scene scene, Path file, long deadline) {
        PauseTransition wait = new PauseTransition(Duration.millis(200));
        wait.setOnFinished(e -> {
            boolean ready = !vm.editors().isEmpty() && vm.pendingProperty().get() == 0;
            if (ready) {
                PauseTransition settle = new PauseTransition(Duration.millis(500));
                settle.setOnFinished(x -> shoot(scene, file));
                settle.play();
            } else if (System.nanoTime() > deadline) {
                System.err.println("fusescope: nothing loaded within 60 s; "
                        + vm.statusProperty().get());
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
