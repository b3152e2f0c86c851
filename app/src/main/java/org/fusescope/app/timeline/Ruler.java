package org.fusescope.app.timeline;

import java.util.ArrayList;
import java.util.List;

/**
 * The ticks of the time ruler: a step of 1, 2 or 5 × 10^k ns, so that labels stay at least a given
 * number of pixels apart. Stateless.
 */
public final class Ruler {
    private Ruler() {}

    /** The smallest nice step (ns) whose ticks lie at least {@code minSpacingPx} apart. */
    public static double step(double spanNs, double widthPx, double minSpacingPx) {
        double raw = spanNs / Math.max(1, widthPx) * minSpacingPx;
        double decade = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-3))));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * decade >= raw) {
                return m * decade;
            }
        }
        return 10 * decade;
    }

    /** Tick times (ns, absolute) in [start, end], multiples of the step counted from {@code originNs}. */
    public static List<Double> ticks(double startNs, double endNs, double originNs, double step) {
        List<Double> out = new ArrayList<>();
        double first = originNs + Math.ceil((startNs - originNs) / step) * step;
        for (double t = first; t <= endNs && out.size() < 1000; t += step) {
            out.add(t);
        }
        return out;
    }
}
