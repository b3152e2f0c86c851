package org.fusescope.app.timeline;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.fusescope.profiler.store.TimelineColumns;

/**
 * Draws a {@link TimelineViewModel} on a canvas with level-of-detail buckets (see {@link
 * LodBuilder}): per lane one fill per colour key, so a frame costs about one rectangle per pixel
 * column whatever the number of kernels. Layout only: input goes to the view model.
 */
public final class TimelineCanvas extends Pane {
    private static final Color[] COLORS = new Color[Palette.SIZE];
    private static final Color FUSED = color(Palette.FUSED_MARKER_RGB);
    private static final double WAIT_BAR = 3;
    /** The outline of highlighted kernels (a fusion group in the compare editor). */
    public static final Color HIGHLIGHT = Color.rgb(255, 140, 0);

    static {
        for (int k = 0; k < Palette.SIZE; k++) {
            COLORS[k] = color(Palette.rgb(k));
        }
    }

    /** A colour from 0xRRGGBB. */
    public static Color color(int rgb) {
        return Color.rgb(rgb >> 16, (rgb >> 8) & 0xff, rgb & 0xff);
    }

    private final TimelineViewModel vm;
    private final Canvas canvas = new Canvas();
    private final LodFrame frame = new LodFrame();
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final Font font = Font.font(11);
    private long lastDrawNs;
    private int lastRects;

    public TimelineCanvas(TimelineViewModel vm) {
        this.vm = vm;
        getChildren().add(canvas);
        setMinSize(200, 80);
        setPrefHeight(vm.layout().totalHeight());
        vm.revisionProperty().addListener((obs, old, now) -> {
            // rows may have arrived (see TimelineViewModel#refreshTimeline)
            if (getPrefHeight() != vm.layout().totalHeight()) {
                setPrefHeight(vm.layout().totalHeight());
                requestLayout();
            }
            draw();
        });
        dark.addListener((obs, old, now) -> draw());
    }

    /** True draws light text on a dark background. */
    public BooleanProperty darkProperty() {
        return dark;
    }

    public Canvas canvas() {
        return canvas;
    }

    /** Time the last {@link #draw()} took to issue its drawing commands (ns). */
    public long lastDrawNs() {
        return lastDrawNs;
    }

    /** Rectangles filled by the last frame. */
    public int lastRects() {
        return lastRects;
    }

    @Override
    protected void layoutChildren() {
        // Only the rows are painted: empty space below them would cost fill rate every frame.
        double h = Math.min(getHeight(), vm.layout().totalHeight());
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != h) {
            canvas.setWidth(getWidth());
            canvas.setHeight(h);
            draw();
        }
    }

    /** Redraws everything. */
    public void draw() {
        long t0 = System.nanoTime();
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        Color bg = dark.get() ? Color.rgb(30, 31, 34) : Color.WHITE;
        Color fg = dark.get() ? Color.rgb(220, 220, 220) : Color.rgb(40, 40, 40);
        g.setFill(bg);
        g.fillRect(0, 0, w, h);
        double plotW = w - TimelineLayout.HEADER;
        if (plotW < 10) {
            return;
        }
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        TimeWindow win = vm.window();
        double nsPerPx = win.spanNs() / plotW;
        int rects = 0;
        List<Lane> lanes = vm.data().lanes();
        for (int l = 0; l < lanes.size(); l++) {
            Lane lane = lanes.get(l);
            double top = vm.layout().top(l);
            double height = vm.layout().height(l);
            LodBuilder.build(lane, win.startNs(), nsPerPx, (int) Math.ceil(plotW), frame);
            rects += drawLane(g, top, height);
            drawLabels(g, lane, top, height, nsPerPx, fg);
        }
        drawHighlights(g, plotW);
        drawSelection(g, plotW, fg);
        drawRuler(g, plotW, fg, bg);
        drawHeaders(g, lanes, fg, bg);
        lastRects = rects;
        lastDrawNs = System.nanoTime() - t0;
        vm.drawn();
    }

    private int drawLane(GraphicsContext g, double top, double height) {
        double x0 = TimelineLayout.HEADER;
        for (int k = 0; k < Palette.SIZE; k++) {
            int n = frame.count(k);
            if (n == 0) {
                continue;
            }
            g.setFill(COLORS[k]);
            // a kernel's wait on the one before it: a bar along the bottom, under the box it waited on
            double y = k == Palette.WAIT ? top + height - WAIT_BAR : top;
            double h = k == Palette.WAIT ? WAIT_BAR : height;
            for (int i = 0; i < n; i++) {
                g.fillRect(x0 + frame.x(k, i), y, frame.w(k, i), h);
            }
        }
        g.setFill(FUSED);
        for (int k = 1; k < Palette.SIZE; k += 2) {
            if (Palette.isFused(k)) {
                for (int i = 0; i < frame.count(k); i++) {
                    g.fillRect(x0 + frame.x(k, i), top, frame.w(k, i), 3);
                }
            }
        }
        return frame.total();
    }

    private void drawLabels(GraphicsContext g, Lane lane, double top, double height, double nsPerPx, Color fg) {
        g.setFill(Color.WHITE);
        for (int j = 0; j < frame.labels(); j++) {
            int i = frame.labelled(j);
            double x =
                    Math.max(0, (LodBuilder.drawnStartNs(lane, i) - vm.window().startNs()) / nsPerPx);
            double end = (lane.ends()[i] - vm.window().startNs()) / nsPerPx;
            String text = TimelineText.label(vm.data(), lane, i);
            g.fillText(text, TimelineLayout.HEADER + x + 3, top + height / 2, Math.max(1, end - x - 6));
        }
    }

    private void drawHighlights(GraphicsContext g, double plotW) {
        TimelineColumns.Kernels kernels = vm.data().columns().kernels();
        g.setStroke(HIGHLIGHT);
        g.setLineWidth(2);
        for (int k : vm.highlighted()) {
            int lane = vm.data().laneOfKernel(k);
            if (lane < 0) {
                continue;
            }
            double x = TimelineLayout.HEADER + vm.window().xOf(kernels.starts()[k], plotW);
            double x2 = TimelineLayout.HEADER + vm.window().xOf(kernels.ends()[k], plotW);
            g.strokeRect(
                    x - 2,
                    vm.layout().top(lane) - 2,
                    Math.max(4, x2 - x + 4),
                    vm.layout().height(lane) + 4);
        }
    }

    private void drawSelection(GraphicsContext g, double plotW, Color fg) {
        int k = vm.selectedKernel();
        if (k < 0) {
            return;
        }
        TimelineColumns.Kernels kernels = vm.data().columns().kernels();
        int lane = vm.data().laneOfKernel(k);
        double x = TimelineLayout.HEADER + vm.window().xOf(kernels.starts()[k], plotW);
        double x2 = TimelineLayout.HEADER + vm.window().xOf(kernels.ends()[k], plotW);
        g.setStroke(fg);
        g.setLineWidth(2);
        g.strokeRect(
                x - 1,
                vm.layout().top(lane) - 1,
                Math.max(3, x2 - x + 2),
                vm.layout().height(lane) + 2);
        double[] arrow = vm.launchArrow();
        if (arrow != null) {
            double ax = TimelineLayout.HEADER + vm.window().xOf(arrow[0], plotW);
            double ay = vm.layout().top((int) arrow[1]) + vm.layout().height((int) arrow[1]);
            double by = vm.layout().top((int) arrow[3]);
            g.setStroke(Color.rgb(214, 39, 40));
            g.setLineWidth(1.5);
            g.strokeLine(ax, ay, x, by);
            g.strokeLine(x, by, x - 4, by - 6);
            g.strokeLine(x, by, x + 4, by - 6);
        }
    }

    private void drawRuler(GraphicsContext g, double plotW, Color fg, Color bg) {
        TimeWindow win = vm.window();
        g.setFill(bg);
        g.fillRect(TimelineLayout.HEADER, 0, plotW, TimelineLayout.RULER);
        double origin = vm.data().startNs();
        double step = Ruler.step(win.spanNs(), plotW, 90);
        List<Double> ticks = Ruler.ticks(win.startNs(), win.endNs(), origin, step);
        List<String> labels = Ruler.labels(ticks, origin, step);
        // far into a long run labels carry many digits: space the ticks so that they never overlap
        double room = widest(labels, g.getFont()) + 12;
        if (room > 90) {
            step = Ruler.step(win.spanNs(), plotW, room);
            ticks = Ruler.ticks(win.startNs(), win.endNs(), origin, step);
            labels = Ruler.labels(ticks, origin, step);
        }
        g.setStroke(fg.deriveColor(0, 1, 1, 0.5));
        g.setLineWidth(1);
        g.setFill(fg);
        for (int i = 0; i < ticks.size(); i++) {
            double x = Math.floor(TimelineLayout.HEADER + win.xOf(ticks.get(i), plotW)) + 0.5;
            g.strokeLine(x, TimelineLayout.RULER - 6, x, TimelineLayout.RULER);
            g.fillText(labels.get(i), x + 3, TimelineLayout.RULER / 2);
        }
        g.strokeLine(TimelineLayout.HEADER, TimelineLayout.RULER, TimelineLayout.HEADER + plotW, TimelineLayout.RULER);
    }

    private static double widest(List<String> labels, Font font) {
        javafx.scene.text.Text text = new javafx.scene.text.Text();
        text.setFont(font);
        double widest = 0;
        for (String label : labels) {
            text.setText(label);
            widest = Math.max(widest, text.getLayoutBounds().getWidth());
        }
        return widest;
    }

    private void drawHeaders(GraphicsContext g, List<Lane> lanes, Color fg, Color bg) {
        g.setFill(bg.deriveColor(0, 1, dark.get() ? 1.3 : 0.95, 1));
        g.fillRect(0, 0, TimelineLayout.HEADER, canvas.getHeight());
        g.setFill(fg);
        g.fillText(TimeFormat.format(vm.window().spanNs()) + " shown", 6, TimelineLayout.RULER / 2);
        for (int l = 0; l < lanes.size(); l++) {
            g.fillText(
                    lanes.get(l).label(),
                    6,
                    vm.layout().top(l) + vm.layout().height(l) / 2,
                    TimelineLayout.HEADER - 10);
        }
    }
}
