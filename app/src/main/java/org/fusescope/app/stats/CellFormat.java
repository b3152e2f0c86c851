package org.fusescope.app.stats;

import java.util.Comparator;
import java.util.Locale;
import org.fusescope.app.timeline.TimeFormat;
import org.fusescope.profiler.analysis.Column;

/** How table cells of a {@code ResultTable} read on screen, and how they sort. Stateless. */
public final class CellFormat {
    private CellFormat() {}

    /**
     * The header of a column on screen: its bare name, since every cell carries its own unit
     * ({@code 1.5 µs}, {@code 7.5 MiB}, {@code 12.0 %}); CSV headers keep the unit of the raw numbers.
     */
    public static String header(Column column) {
        return column.name();
    }

    /** The text of a value of this column; empty for unknown values. */
    public static String format(Column column, Object value) {
        return format(column, value, "");
    }

    /**
     * The text of a value of this column in a row whose own unit is {@code rowUnit} (tables with a
     * {@code Unit} column, one metric per row): a unitless decimal column takes the row's unit.
     */
    public static String format(Column column, Object value, String rowUnit) {
        if (value == null || value instanceof Double d && d.isNaN()) {
            return "";
        }
        return switch (column.kind()) {
            case TEXT -> value.toString();
            case DURATION_NS -> TimeFormat.format(((Number) value).doubleValue());
            case INTEGER -> String.format(Locale.ROOT, "%,d", ((Number) value).longValue());
            case BYTES -> bytes(((Number) value).doubleValue());
            case PERCENT -> String.format(Locale.ROOT, "%.1f %%", ((Number) value).doubleValue());
            case DOUBLE -> decimal(((Number) value).doubleValue(), column.unit().isEmpty() ? rowUnit : column.unit());
        };
    }

    /** A decimal in its unit: {@code ns} as a time, {@code B} in KiB/MiB/GiB, any other unit appended. */
    private static String decimal(double v, String unit) {
        return switch (unit == null ? "" : unit) {
            case "ns" -> TimeFormat.format(v);
            case "B" -> bytes(v);
            case "" -> number(v);
            default -> number(v) + " " + unit;
        };
    }

    /** E.g. {@code 512 B}, {@code 3.1 KiB}, {@code 7.5 MiB}. */
    public static String bytes(double b) {
        double a = Math.abs(b);
        if (a < 1024) {
            return String.format(Locale.ROOT, "%.0f B", b);
        }
        if (a < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", b / 1024);
        }
        if (a < 1024.0 * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", b / 1024 / 1024);
        }
        return String.format(Locale.ROOT, "%.2f GiB", b / 1024 / 1024 / 1024);
    }

    private static String number(double v) {
        double a = Math.abs(v);
        return a >= 100 || a == Math.rint(a)
                ? String.format(Locale.ROOT, "%,.0f", v)
                : String.format(Locale.ROOT, a >= 1 ? "%.2f" : "%.3f", v);
    }

    /** Numbers by value, text by text, unknown values first. */
    public static Comparator<Object> comparator() {
        return (a, b) -> {
            if (a == null || b == null) {
                return a == null ? (b == null ? 0 : -1) : 1;
            }
            if (a instanceof Number x && b instanceof Number y) {
                return Double.compare(x.doubleValue(), y.doubleValue());
            }
            return a.toString().compareToIgnoreCase(b.toString());
        };
    }
}
