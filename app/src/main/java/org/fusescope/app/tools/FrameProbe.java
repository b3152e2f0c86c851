package org.fusescope.app.tools;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.shape.Rectangle;

/**
 * Tells when a frame has reached the window. JavaFX lays out a pulse on the FX thread, renders its
 * frame on the render thread and (software pipeline) uploads the pixels to the window with a task
 * on the FX thread. A snapshot is rendered on the same render thread after the frame, so a task
 * posted once it returns runs after the frame was rendered and uploaded. The snapshot is of a 1×1
 * rectangle outside the scene: it costs next to nothing and does not render the window again.
 */
final class FrameProbe {
    private final Scene scene;
    private final Rectangle dot = new Rectangle(1, 1);

    FrameProbe(Scene scene) {
        this.scene = scene;
    }

    /** Call during a pulse (from a pulse listener): runs {@code then} once this pulse's frame is shown. */
    void thisFrame(Runnable then) {
        Platform.runLater(() -> {
            dot.snapshot(null, null);
            Platform.runLater(then);
        });
    }

    /** Runs {@code then} once the frame of the next pulse (e.g. of a canvas just redrawn) is shown. */
    void nextFrame(Runnable then) {
        boolean[] fired = new boolean[1];
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (fired[0]) {
                return;
            }
            fired[0] = true;
            // the scene is iterating its listeners now: remove this one after the pulse
            Platform.runLater(() -> scene.removePostLayoutPulseListener(listener[0]));
            thisFrame(then);
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }
}
