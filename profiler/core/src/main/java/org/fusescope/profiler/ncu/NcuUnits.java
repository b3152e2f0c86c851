package org.fusescope.profiler.ncu;

import java.util.Locale;
import java.util.Map;

/** Factors from the units ncu prints (it scales to the value: usecond, Kbyte, ...) to ns, bytes and %. */
final class NcuUnits {
    private static final Map<String, Double> TIME = Map.of(
            "nsecond", 1.0, "ns", 1.0, "usecond", 1e3, "us", 1e3, "msecond", 1e6, "ms", 1e6, "second", 1e9, "s", 1e9);
    private static final Map<String, Double> BYTES = Map.ofEntries(
            Map.entry("byte", 1.0),
            Map.entry("b", 1.0),
            Map.entry("kbyte", 1e3),
            Map.entry("mbyte", 1e6),
            Map.entry("gbyte", 1e9),
            Map.entry("tbyte", 1e12),
            Map.entry("kibyte", 1024.0),
            Map.entry("mibyte", 1024.0 * 1024),
            Map.entry("gibyte", 1024.0 * 1024 * 1024));

    private NcuUnits() {}

    static double scale(String unit, NcuMetric metric, int line) {
        String u = unit.trim();
        Double f =
                switch (metric.unit()) {
                    case "ns" -> u.isEmpty() ? Double.valueOf(1.0) : TIME.get(u);
                    case "B" -> u.isEmpty() ? Double.valueOf(1.0) : BYTES.get(u.toLowerCase(Locale.ROOT));
                    default -> u.isEmpty() || u.equals("%") ? Double.valueOf(1.0) : null;
                };
        if (f == null) {
            throw new IllegalArgumentException(
                    "line " + line + ": unit \"" + u + "\" of " + metric.ncuName() + " unknown");
        }
        return f;
    }
}
