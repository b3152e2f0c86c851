package org.fusescope.app.timeline;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

/**
 * The whole run in one strip (GPU lanes only, level-of-detail drawn) with the visible window
 * shaded. Layout only.
 */
public final class Minimap extends Pane {
    private final TimelineViewModel vm;
    private final Canvas canvas = new Canvas();
    private final Canvas overlay = new Canvas();
    private final LodFrame frame = new LodFrame();

    public Minimap(TimelineViewModel vm) {
        this.vm = vm;
        getChildren().addAll(canvas, overlay);
        setPrefHeight(28);
        setMinHeight(28);
        // The run itself never changes: only the window marker is redrawn as the user zooms and pans.
        vm.revisionProperty().addListener((obs, old, now) -> drawWindow());
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            overlay.setWidth(getWidth());
            overlay.setHeight(getHeight());
            draw();
            drawWindow();
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.rgb(128, 128, 128, 0.15));
        g.fillRect(0, 0, w, h);
        if (w < 2) {
            return;
        }
        TimeWindow win = vm.window();
        double nsPerPx = (win.maxNs() - win.minNs()) / w;
        int gpu = 0;
        for (Lane lane : vm.data().lanes()) {
            gpu += lane.kind() == Lane.LaneKind.GPU ? 1 : 0;
        }
        double rowH = (h - 2) / Math.max(1, gpu);
        double y = 1;
        for (Lane lane : vm.data().lanes()) {
            if (lane.kind() != Lane.LaneKind.GPU) {
                continue;
            }
            LodBuilder.build(lane, win.minNs(), nsPerPx, (int) Math.ceil(w), frame);
            for (int k = 0; k < Palette.SIZE; k++) {
                if (frame.count(k) > 0) {
                    g.setFill(TimelineCanvas.color(Palette.rgb(k)));
                    for (int i = 0; i < frame.count(k); i++) {
                        g.fillRect(frame.x(k, i), y, frame.w(k, i), rowH);
                    }
                }
            }
            y += rowH;
        }
    }

    private void drawWindow() {
        GraphicsContext g = overlay.getGraphicsContext2D();
        double w = overlay.getWidth();
        double h = overlay.getHeight();
        g.clearRect(0, 0, w, h);
        double[] f = vm.fractions();
        g.setStroke(Color.rgb(214, 39, 40));
        g.setLineWidth(1.5);
        g.strokeRect(f[0] * w, 0.75, Math.max(2, (f[1] - f[0]) * w), h - 1.5);
    }
}
