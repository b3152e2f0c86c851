package org.fusescope.app.tools;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.MouseButton;
import javafx.scene.robot.Robot;
import org.fusescope.app.timeline.TimelineLayout;
import org.fusescope.app.timeline.TimelineView;

/**
 * Times input to rendered frame on a timeline in a real window: the input goes through the display
 * server ({@link Robot}: a mouse wheel notch over the plot zooms, a drag pans), the timeline redraws
 * when its view model changes, and {@link FrameProbe} tells when that frame is shown. Use on the FX
 * thread; one input at a time, a pause between them.
 */
final class InputLatency {
    /** How long an input may take to reach the timeline before the run fails (ms). */
    private static final long LOST_MS = 5_000;
    /** The drag step of a pan (px). */
    private static final double DRAG_PX = 40;

    private final TimelineView timeline;
    private final FrameProbe probe;
    private final Robot robot = new Robot();
    private final double x;
    private final double y;
    private final Consumer<String> lost;

    /** {@code lost} is told when an input does not reach the timeline. */
    InputLatency(TimelineView timeline, FrameProbe probe, Consumer<String> lost) {
        this.timeline = timeline;
        this.probe = probe;
        this.lost = lost;
        Canvas canvas = timeline.canvas().canvas();
        Bounds b = canvas.localToScreen(canvas.getBoundsInLocal());
        x = b.getMinX() + TimelineLayout.HEADER + (b.getWidth() - TimelineLayout.HEADER) / 2;
        y = b.getMinY() + Math.min(b.getHeight() / 2, 80);
    }

    /** {@code n} wheel notches, the first half zooming in, the rest out; hands the ns of each to {@code done}. */
    void zooms(int n, Consumer<long[]> done) {
        robot.mouseMove(x, y);
        series(n, i -> robot.mouseWheel(i < n / 2 ? -1 : 1), done);
    }

    /** A drag of {@code n} steps, alternately right and left; hands the ns of each step to {@code done}. */
    void pans(int n, Consumer<long[]> done) {
        robot.mouseMove(x, y);
        robot.mousePress(MouseButton.PRIMARY);
        // the press reaches the canvas first (it notes where the drag starts)
        pause(
                200,
                () -> series(n, i -> robot.mouseMove(x + (i % 2 == 0 ? DRAG_PX : 0), y), ns -> {
                    robot.mouseRelease(MouseButton.PRIMARY);
                    done.accept(ns);
                }));
    }

    private void series(int n, IntConsumer input, Consumer<long[]> done) {
        long[] ns = new long[n];
        step(0, ns, input, done);
    }

    private void step(int i, long[] ns, IntConsumer input, Consumer<long[]> done) {
        if (i == ns.length) {
            done.accept(ns);
            return;
        }
        boolean[] redrawn = new boolean[1];
        long[] start = new long[1];
        ChangeListener<Number> once = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> obs, Number old, Number now) {
                obs.removeListener(this);
                redrawn[0] = true;
                // the canvas has drawn (it listens first); the frame shows after the next pulse
                probe.nextFrame(() -> {
                    ns[i] = System.nanoTime() - start[0];
                    pause(120, () -> step(i + 1, ns, input, done));
                });
            }
        };
        timeline.viewModel().revisionProperty().addListener(once);
        pause(LOST_MS, () -> {
            if (!redrawn[0]) {
                timeline.viewModel().revisionProperty().removeListener(once);
                lost.accept("input " + i + " did not reach the timeline within " + LOST_MS + " ms");
            }
        });
        start[0] = System.nanoTime();
        input.accept(i);
    }

    /** Runs {@code then} on the FX thread after {@code ms} (no animation: it would keep pulses running). */
    static void pause(long ms, Runnable then) {
        CompletableFuture.delayedExecutor(ms, TimeUnit.MILLISECONDS).execute(() -> Platform.runLater(then));
    }
}
