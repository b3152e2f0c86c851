package org.fusescope.app.timeline;

import java.util.ArrayList;
import java.util.List;

/**
 * The ticks of the time ruler: a step of 1, 2 or 5 × 10^k ns, so that labels stay at least a given
 * number of pixels apart, and their labels: offsets from the run's start in one unit with as many
 * decimals as the step needs, so that no two labels read alike however far in the run the window
 * is ({@code 1.270 ms 1.275 ms}, {@code 11.50002 s 11.50004 s}). Stateless.
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

    /**
     * The labels of {@code ticks} (ns, absolute): offsets from {@code originNs} in the unit of the
     * largest offset, with the decimals that tell ticks {@code step} ns apart.
     */
    public static List<String> labels(List<Double> ticks, double originNs, double step) {
        double largest = 0;
        for (double t : ticks) {
            largest = Math.max(largest, Math.abs(t - originNs));
        }
        double unit = TimeFormat.unitOf(largest);
        int decimals = decimals(step / unit);
        List<String> out = new ArrayList<>(ticks.size());
        for (double t : ticks) {
            out.add(TimeFormat.fixed(t - originNs, unit, decimals));
        }
        return out;
    }

    /** The decimals that show a step of {@code stepInUnit} (1 → 0, 0.5 → 1, 0.002 → 3). */
    static int decimals(double stepInUnit) {
        if (stepInUnit >= 1) {
            return 0;
        }
        // 1e-9 absorbs rounding: a step of exactly 0.001 needs 3 decimals, not 4
        return (int) Math.ceil(-Math.log10(stepInUnit) - 1e-9);
    }
}
