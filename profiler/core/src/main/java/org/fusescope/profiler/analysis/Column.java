package org.fusescope.profiler.analysis;

/**
 * One typed column of a {@link ResultTable}. Immutable.
 *
 * @param name the column's name, the key of a JSON object (e.g. {@code Total})
 * @param unit the unit shown in headers (e.g. {@code ns}, {@code B}, {@code %}), or empty
 * @param kind what the values are
 */
public record Column(String name, String unit, ColumnKind kind) {
    public Column {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a column needs a name");
        }
        if (kind == null) {
            throw new IllegalArgumentException("column " + name + " needs a kind");
        }
        unit = unit == null ? "" : unit;
    }

    public static Column text(String name) {
        return new Column(name, "", ColumnKind.TEXT);
    }

    public static Column integer(String name) {
        return new Column(name, "", ColumnKind.INTEGER);
    }

    public static Column durationNs(String name) {
        return new Column(name, "ns", ColumnKind.DURATION_NS);
    }

    public static Column bytes(String name) {
        return new Column(name, "B", ColumnKind.BYTES);
    }

    public static Column decimal(String name, String unit) {
        return new Column(name, unit, ColumnKind.DOUBLE);
    }

    public static Column percent(String name) {
        return new Column(name, "%", ColumnKind.PERCENT);
    }

    /** The header text: the name, followed by the unit in parentheses when there is one. */
    public String header() {
        return unit.isEmpty() ? name : name + " (" + unit + ")";
    }
}
