package org.fusescope.app.roofline;

import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.fusescope.app.data.OpenRun;
import org.fusescope.app.data.Selection;
import org.fusescope.profiler.analysis.Roofline;
import org.fusescope.profiler.analysis.RooflinePoint;

/**
 * The Roofline tool window on log-log axes: kernels as points (achieved FLOP/s against arithmetic
 * intensity), the bandwidth and compute roofs, and point picking that selects the kernel. Plot
 * coordinates are pixels inside a {@code w × h} plot, y growing downwards. Use on the FX thread.
 */
public final class RooflineViewModel {
    private final Selection selection;
    private final IntegerProperty revision = new SimpleIntegerProperty(this, "revision");
    private OpenRun run;
    private Roofline roofline;
    private double minX = -2;
    private double maxX = 3;
    private double minY = 9;
    private double maxY = 16;

    public RooflineViewModel(Selection selection) {
        this.selection = selection;
    }

    /** The roofline of a run (blocking). */
    public static Roofline analyze(OpenRun run) {
        return Roofline.of(run.trace(), run.recording().measured(run.info().id()));
    }

    /** Shows a roofline and fits the axes (decades) around its points and roofs. */
    public void show(OpenRun newRun, Roofline newRoofline) {
        run = newRun;
        roofline = newRoofline;
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        double ylo = Double.MAX_VALUE;
        double yhi = -Double.MAX_VALUE;
        for (RooflinePoint p : points()) {
            lo = Math.min(lo, Math.log10(p.arithmeticIntensity()));
            hi = Math.max(hi, Math.log10(p.arithmeticIntensity()));
            ylo = Math.min(ylo, Math.log10(p.achievedFlopsPerSec()));
            yhi = Math.max(yhi, Math.log10(p.achievedFlopsPerSec()));
        }
        if (!Double.isNaN(roofline.computeRoofFlopsPerSec())) {
            yhi = Math.max(yhi, Math.log10(roofline.computeRoofFlopsPerSec()));
            hi = Math.max(hi, Math.log10(roofline.ridgePointFlopsPerByte()));
        }
        if (lo <= hi) {
            minX = Math.floor(lo) - 0.5;
            maxX = Math.ceil(hi) + 0.5;
            minY = Math.floor(ylo) - 0.5;
            maxY = Math.ceil(yhi) + 0.5;
        }
        revision.set(revision.get() + 1);
    }

    public IntegerProperty revisionProperty() {
        return revision;
    }

    public Roofline roofline() {
        return roofline;
    }

    /** Points with a finite, positive intensity and throughput. */
    public List<RooflinePoint> points() {
        if (roofline == null) {
            return List.of();
        }
        return roofline.points().stream()
                .filter(p -> p.arithmeticIntensity() > 0 && p.achievedFlopsPerSec() > 0)
                .filter(p -> Double.isFinite(p.arithmeticIntensity()) && Double.isFinite(p.achievedFlopsPerSec()))
                .toList();
    }

    /** Pixel x of an intensity (FLOP/B). */
    public double x(double intensity, double w) {
        return (Math.log10(intensity) - minX) / (maxX - minX) * w;
    }

    /** Pixel y of a throughput (FLOP/s). */
    public double y(double flopsPerSec, double h) {
        return h - (Math.log10(flopsPerSec) - minY) / (maxY - minY) * h;
    }

    /** The intensity at pixel x. */
    public double intensityAt(double x, double w) {
        return Math.pow(10, minX + x / w * (maxX - minX));
    }

    /** Axis ranges in decades: {minX, maxX, minY, maxY}. */
    public double[] decades() {
        return new double[] {minX, maxX, minY, maxY};
    }

    /** The point within 6 px of (x, y), or null. */
    public RooflinePoint pick(double x, double y, double w, double h) {
        RooflinePoint best = null;
        double bestD = 36;
        for (RooflinePoint p : points()) {
            double dx = x(p.arithmeticIntensity(), w) - x;
            double dy = y(p.achievedFlopsPerSec(), h) - y;
            if (dx * dx + dy * dy <= bestD) {
                bestD = dx * dx + dy * dy;
                best = p;
            }
        }
        return best;
    }

    /** Selects the first kernel of the picked point's name; false when nothing was hit. */
    public boolean click(double x, double y, double w, double h) {
        RooflinePoint p = pick(x, y, w, h);
        if (p == null || run == null) {
            return false;
        }
        int k = run.firstKernelNamed(p.name());
        if (k >= 0) {
            selection.selectKernel(run, k);
        }
        return k >= 0;
    }

    /** The name of the selected kernel, to highlight its point, or null. */
    public String selectedName() {
        return selection.kernel() == null ? null : selection.kernel().name();
    }
}
