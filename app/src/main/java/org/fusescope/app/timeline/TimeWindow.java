package org.fusescope.app.timeline;

/**
 * The visible part of a timeline: [start, end] in ns inside fixed bounds, with the zoom and pan
 * commands of the editor (W/S zoom, A/D pan, wheel, drag). Pure arithmetic, no JavaFX; not
 * thread-safe (used on the FX thread).
 */
public final class TimeWindow {
    /** The narrowest window (ns); below it a kernel fills the editor. */
    public static final double MIN_SPAN_NS = 50;

    private double minNs;
    private double maxNs;
    private double startNs;
    private double endNs;

    /** A window showing all of [minNs, maxNs]. */
    public TimeWindow(double minNs, double maxNs) {
        if (!(maxNs >= minNs)) {
            throw new IllegalArgumentException("bounds end before they start: " + minNs + " > " + maxNs);
        }
        this.minNs = minNs;
        this.maxNs = Math.max(maxNs, minNs + MIN_SPAN_NS);
        this.startNs = minNs;
        this.endNs = this.maxNs;
    }

    /**
     * Widens the bounds to take in [min, max] (rows that arrived later); a window that showed all of
     * the old bounds shows all of the new ones.
     */
    public void extend(double min, double max) {
        boolean all = startNs <= minNs && endNs >= maxNs;
        minNs = Math.min(minNs, min);
        maxNs = Math.max(maxNs, max);
        if (all) {
            startNs = minNs;
            endNs = maxNs;
        }
    }

    public double startNs() {
        return startNs;
    }

    public double endNs() {
        return endNs;
    }

    public double spanNs() {
        return endNs - startNs;
    }

    public double minNs() {
        return minNs;
    }

    public double maxNs() {
        return maxNs;
    }

    /** Shows [start, end], narrowed to the bounds and widened to {@link #MIN_SPAN_NS}. */
    public void show(double start, double end) {
        double span = Math.min(Math.max(end - start, MIN_SPAN_NS), maxNs - minNs);
        double s = Math.max(minNs, Math.min(start, maxNs - span));
        startNs = s;
        endNs = s + span;
    }

    /** Shows everything. */
    public void fit() {
        show(minNs, maxNs);
    }

    /**
     * Zooms by {@code factor} (below 1 zooms in) around the point at {@code anchor} (0 = left edge, 1 =
     * right edge), which stays where it is on the screen.
     */
    public void zoom(double factor, double anchor) {
        double a = Math.max(0, Math.min(1, anchor));
        double pivot = startNs + a * spanNs();
        double span = Math.max(MIN_SPAN_NS, spanNs() * factor);
        show(pivot - a * span, pivot - a * span + span);
    }

    /** Pans by a fraction of the visible span (negative moves left). */
    public void pan(double fraction) {
        double shift = fraction * spanNs();
        show(startNs + shift, endNs + shift);
    }

    /** Shows the interval [start, end] with a margin of 10 % of its span on each side. */
    public void focus(double start, double end) {
        double margin = Math.max((end - start) * 0.1, MIN_SPAN_NS / 2);
        show(start - margin, end + margin);
    }

    /** The time (ns) at pixel {@code x} of a {@code widthPx} wide plot. */
    public double timeAt(double x, double widthPx) {
        return startNs + x / widthPx * spanNs();
    }

    /** The pixel of time {@code ns} in a {@code widthPx} wide plot. */
    public double xOf(double ns, double widthPx) {
        return (ns - startNs) / spanNs() * widthPx;
    }
}
