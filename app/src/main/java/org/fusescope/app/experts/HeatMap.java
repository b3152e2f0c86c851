package org.fusescope.app.experts;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

/** Layers × experts heat map of mean tokens per expert; the chosen layer is outlined. Layout only. */
final class HeatMap extends Pane {
    private final ExpertLoadViewModel vm;
    private final Canvas canvas = new Canvas();

    HeatMap(ExpertLoadViewModel vm) {
        this.vm = vm;
        getChildren().add(canvas);
        setMinSize(100, 60);
        canvas.setOnMouseClicked(e -> {
            double[][] m = vm.heatMap();
            int row = (int) (e.getY() / (canvas.getHeight() / Math.max(1, m.length)));
            if (row >= 0 && row < vm.layers().size()) {
                vm.layerProperty().set(vm.layers().get(row));
            }
        });
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        double[][] m = vm.heatMap();
        if (m.length == 0 || m[0].length == 0) {
            return;
        }
        double max = 0;
        for (double[] row : m) {
            for (double v : row) {
                max = Math.max(max, v);
            }
        }
        double cw = w / m[0].length;
        double ch = h / m.length;
        for (int l = 0; l < m.length; l++) {
            for (int e = 0; e < m[l].length; e++) {
                double t = max == 0 ? 0 : m[l][e] / max;
                g.setFill(Color.hsb(30 - 30 * t, 0.1 + 0.85 * t, 1 - 0.35 * t));
                g.fillRect(e * cw, l * ch, Math.ceil(cw), Math.ceil(ch));
            }
        }
        int chosen = vm.layers().indexOf(vm.layerProperty().get());
        if (chosen >= 0) {
            g.setStroke(Color.rgb(30, 30, 30));
            g.setLineWidth(2);
            g.strokeRect(1, chosen * ch + 1, w - 2, ch - 2);
        }
    }
}
