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
