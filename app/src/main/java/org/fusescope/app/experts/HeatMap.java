package org.fusescope.app.experts;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Layers × experts heat map of mean tokens per expert, coloured on the routed experts' scale
 * ({@link HeatScale}); the shared expert is a column of its own at the right, its cells above the
 * scale clipped and marked ▲; a legend gives the scale. The chosen layer is outlined. Layout only.
 */
final class HeatMap extends Pane {
    static final double LEGEND_HEIGHT = 34;
    private static final double SHARED_GAP = 8;
    private static final double SHARED_WIDTH = 18;

    private final ExpertLoadViewModel vm;
    private final Canvas canvas = new Canvas();

    HeatMap(ExpertLoadViewModel vm) {
        this.vm = vm;
        getChildren().add(canvas);
        canvas.setId("expertHeatMap");
        setMinSize(100, 60);
        canvas.setOnMouseClicked(e -> {
            double[][] m = vm.heatMap();
            int row = (int) (e.getY() / ((canvas.getHeight() - LEGEND_HEIGHT) / Math.max(1, m.length)));
            if (e.getY() < canvas.getHeight() - LEGEND_HEIGHT
                    && row >= 0
                    && row < vm.layers().size()) {
                vm.layerProperty().set(vm.layers().get(row));
            }
        });
    }

    /** The colour of a position 0..1 on the scale. */
    static Color color(double t) {
        return Color.hsb(30 - 30 * t, 0.1 + 0.85 * t, 1 - 0.35 * t);
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
        double h = canvas.getHeight() - LEGEND_HEIGHT;
        g.clearRect(0, 0, w, canvas.getHeight());
        double[][] m = vm.heatMap();
        if (m.length == 0 || m[0].length == 0 || h <= 0) {
            return;
        }
        HeatScale scale = vm.heatScale();
        double routedWidth = scale.shared() ? w - SHARED_GAP - SHARED_WIDTH : w;
        double cw = routedWidth / Math.max(1, scale.routed());
        double ch = h / m.length;
        for (int l = 0; l < m.length; l++) {
            for (int e = 0; e < m[l].length && e < scale.routed(); e++) {
                g.setFill(color(scale.position(m[l][e])));
                g.fillRect(e * cw, l * ch, Math.ceil(cw), Math.ceil(ch));
            }
            if (scale.shared() && scale.routed() < m[l].length) {
                drawShared(g, scale, m[l][scale.routed()], routedWidth + SHARED_GAP, l * ch, ch);
            }
        }
        int chosen = vm.layers().indexOf(vm.layerProperty().get());
        if (chosen >= 0) {
            g.setStroke(Color.rgb(30, 30, 30));
            g.setLineWidth(2);
            g.strokeRect(1, chosen * ch + 1, w - 2, ch - 2);
        }
        drawLegend(g, scale, w, h);
        if (scale.shared()) {
            g.setFill(Color.GRAY);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText("S", routedWidth + SHARED_GAP + SHARED_WIDTH / 2, h + 17);
        }
    }

    private static void drawShared(GraphicsContext g, HeatScale scale, double value, double x, double y, double ch) {
        g.setFill(color(scale.position(value)));
        g.fillRect(x, y, SHARED_WIDTH, Math.ceil(ch));
        if (scale.clipped(value)) {
            // clipped: the value is above the routed experts' scale
            double cx = x + SHARED_WIDTH / 2;
            double cy = y + ch / 2;
            g.setFill(Color.WHITE);
            g.fillPolygon(new double[] {cx - 5, cx + 5, cx}, new double[] {cy + 4, cy + 4, cy - 5}, 3);
        }
    }

    private static void drawLegend(GraphicsContext g, HeatScale scale, double w, double top) {
        double barW = Math.min(160, w * 0.35);
        double y = top + 4;
        for (int i = 0; i < barW; i++) {
            g.setFill(color(i / (barW - 1)));
            g.fillRect(4 + i, y, 1, 9);
        }
        g.setFill(Color.GRAY);
        g.setFont(Font.font(10));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("0", 4, y + 11);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(number(scale.max()), 4 + barW, y + 11);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("mean tokens per routed expert", 12 + barW, y);
        if (scale.shared()) {
            g.fillText(
                    "S: shared expert, max " + number(scale.sharedMax())
                            + (scale.sharedClipped() ? ", ▲ above the scale" : ""),
                    12 + barW,
                    y + 13);
        }
    }

    private static String number(double v) {
        return v >= 10 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
