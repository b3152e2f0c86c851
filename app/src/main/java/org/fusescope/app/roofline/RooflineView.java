package org.fusescope.app.roofline;

import java.util.Locale;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import org.fusescope.profiler.analysis.Roofline;
import org.fusescope.profiler.analysis.RooflinePoint;

/** The Roofline tool window: log-log canvas with roofs and kernel points; click picks. Layout only. */
public final class RooflineView extends Pane {
    private static final double MARGIN = 48;
    private final RooflineViewModel vm;
    private final Canvas canvas = new Canvas();

    public RooflineView(RooflineViewModel vm) {
        this.vm = vm;
        canvas.setId("rooflineCanvas");
        getChildren().add(canvas);
        vm.revisionProperty().addListener((obs, o, n) -> draw());
        canvas.setOnMouseClicked(e -> {
            if (vm.click(e.getX() - MARGIN, e.getY() - 8, plotW(), plotH())) {
                draw();
            }
        });
    }

    private double plotW() {
        return Math.max(1, canvas.getWidth() - MARGIN - 10);
    }

    private double plotH() {
        return Math.max(1, canvas.getHeight() - MARGIN - 8);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        Roofline r = vm.roofline();
        if (r == null) {
            return;
        }
        double w = plotW();
        double h = plotH();
        g.save();
        g.translate(MARGIN, 8);
        g.setStroke(Color.GRAY);
        g.strokeRect(0, 0, w, h);
        double[] d = vm.decades();
        g.setFill(Color.GRAY);
        for (int x = (int) Math.ceil(d[0]); x <= d[1]; x++) {
            g.fillText("1e" + x, vm.x(Math.pow(10, x), w) - 8, h + 14);
        }
        for (int y = (int) Math.ceil(d[2]); y <= d[3]; y++) {
            g.fillText("1e" + y, -40, vm.y(Math.pow(10, y), h) + 4);
        }
        g.fillText("arithmetic intensity (FLOP/B)", w / 2 - 70, h + 30);
        if (!Double.isNaN(r.bandwidthRoofBytesPerSec())) {
            g.setStroke(Color.rgb(31, 119, 180));
            g.setLineWidth(2);
            double prevX = 0;
            double prevY = vm.y(r.attainableFlopsPerSec(vm.intensityAt(0, w)), h);
            for (int px = 4; px <= w; px += 4) {
                double y = vm.y(r.attainableFlopsPerSec(vm.intensityAt(px, w)), h);
                g.strokeLine(prevX, prevY, px, y);
                prevX = px;
                prevY = y;
            }
            g.fillText(String.format(Locale.ROOT, "%.0f GB/s", r.bandwidthRoofBytesPerSec() / 1e9), 6, h - 6);
        }
        String selected = vm.selectedName();
        for (RooflinePoint p : vm.points()) {
            double x = vm.x(p.arithmeticIntensity(), w);
            double y = vm.y(p.achievedFlopsPerSec(), h);
            boolean sel = p.name().equals(selected);
            double measured = p.measuredIntensity();
            if (measured > 0 && Double.isFinite(measured)) {
                // Nsight Compute's bytes: a hollow marker at the measured intensity, joined to the model's
                double mx = vm.x(measured, w);
                g.setStroke(Color.rgb(148, 103, 189));
                g.setLineWidth(1);
                g.strokeLine(x, y, mx, y);
                g.strokeOval(mx - 4, y - 4, 8, 8);
            }
            g.setFill(sel ? Color.rgb(214, 39, 40) : Color.rgb(89, 161, 79));
            double s = sel ? 10 : 6;
            g.fillOval(x - s / 2, y - s / 2, s, s);
            if (sel) {
                g.fillText(p.name(), x + 8, y - 6);
            }
        }
        g.restore();
    }
}
