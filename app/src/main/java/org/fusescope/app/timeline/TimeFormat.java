package org.fusescope.app.timeline;

import java.util.Locale;

/** Durations and offsets in ns as short text with a unit (ns, µs, ms, s). Stateless. */
public final class TimeFormat {
    private TimeFormat() {}

    /** E.g. {@code 850 ns}, {@code 12.5 µs}, {@code 3.20 ms}, {@code 1.50 s}. */
    public static String format(double ns) {
        double a = Math.abs(ns);
        if (a < 1e3) {
            return String.format(Locale.ROOT, "%.0f ns", ns);
        }
        if (a < 1e6) {
            return trim(ns / 1e3) + " µs";
        }
        if (a < 1e9) {
            return trim(ns / 1e6) + " ms";
        }
        return trim(ns / 1e9) + " s";
    }

    /**
     * A time with exactly {@code decimals} decimals in the unit of {@code unitNs} (1, 1e3, 1e6 or
     * 1e9 ns), e.g. {@code 1.275 ms}: the ruler's labels, all alike in unit and digits.
     */
    public static String fixed(double ns, double unitNs, int decimals) {
        return String.format(Locale.ROOT, "%." + Math.max(0, decimals) + "f", ns / unitNs) + " " + unitName(unitNs);
    }

    /** The unit a time of this size is shown in (ns): 1, 1e3, 1e6 or 1e9. */
    public static double unitOf(double ns) {
        double a = Math.abs(ns);
        return a < 1e3 ? 1 : a < 1e6 ? 1e3 : a < 1e9 ? 1e6 : 1e9;
    }

    private static String unitName(double unitNs) {
        return unitNs >= 1e9 ? "s" : unitNs >= 1e6 ? "ms" : unitNs >= 1e3 ? "µs" : "ns";
    }

    /**
     * A whole number of ns at full precision in the unit of its size, e.g. {@code 11.512345678 s},
     * {@code 1.270500 ms}, {@code 12.345 µs}, {@code 850 ns}: every digit down to the ns.
     */
    public static String exact(long ns) {
        double unit = unitOf(ns);
        return fixed(ns, unit, (int) Math.round(Math.log10(unit)));
    }

    private static String trim(double v) {
        double a = Math.abs(v);
        String text = a >= 100
                ? String.format(Locale.ROOT, "%.0f", v)
                : a >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
        if (text.contains(".")) {
            text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return text;
    }
}
