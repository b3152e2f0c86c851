package org.fusescope.profiler.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An analysis result: a title, typed columns and rows of values (see {@link ColumnKind} for the
 * value each kind accepts; null is an unknown value). Immutable and thread-safe; build one with
 * {@link #builder(String)}.
 */
public final class ResultTable {
    private final String title;
    private final List<Column> columns;
    private final List<List<Object>> rows;

    private ResultTable(String title, List<Column> columns, List<List<Object>> rows) {
        this.title = title;
        this.columns = List.copyOf(columns);
        Set<String> names = new HashSet<>();
        for (Column c : this.columns) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("duplicate column " + c.name() + " in " + title);
            }
        }
        List<List<Object>> checked = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            checked.add(checkRow(row));
        }
        this.rows = Collections.unmodifiableList(checked);
    }

    public static Builder builder(String title) {
        return new Builder(title);
    }

    public String title() {
        return title;
    }

    public List<Column> columns() {
        return columns;
    }

    /** The rows; each an unmodifiable list with one value per column, nulls for unknown values. */
    public List<List<Object>> rows() {
        return rows;
    }

    /** The value in row {@code row} of the column named {@code column}. */
    public Object value(int row, String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return rows.get(row).get(i);
            }
        }
        throw new IllegalArgumentException("no column " + column + " in " + title);
    }

    // Normalizing here lets the renderers rely on Long/Double/String and nothing else.
    private List<Object> checkRow(List<Object> row) {
        if (row.size() != columns.size()) {
            throw new IllegalArgumentException(
                    "row of " + row.size() + " values for " + columns.size() + " columns in " + title);
        }
        List<Object> out = new ArrayList<>(row.size());
        for (int i = 0; i < row.size(); i++) {
            out.add(normalize(columns.get(i), row.get(i)));
        }
        return Collections.unmodifiableList(out);
    }

    private static Object normalize(Column column, Object value) {
        if (value == null) {
            return null;
        }
        boolean whole = value instanceof Long || value instanceof Integer || value instanceof Short;
        boolean fraction = value instanceof Double || value instanceof Float;
        Object normalized =
                switch (column.kind()) {
                    case TEXT -> value instanceof String ? value : null;
                    case INTEGER, BYTES -> whole ? (Object) ((Number) value).longValue() : null;
                    case DURATION_NS -> whole
                            ? (Object) ((Number) value).longValue()
                            : fraction ? (Object) ((Number) value).doubleValue() : null;
                    case DOUBLE, PERCENT -> value instanceof Number n ? (Object) n.doubleValue() : null;
                };
        if (normalized != null) {
            return normalized;
        }
        throw new IllegalArgumentException("column " + column.name() + " of kind " + column.kind() + " cannot hold a "
                + value.getClass().getSimpleName());
    }

    /** Collects columns and rows; not thread-safe, the table it builds is. */
    public static final class Builder {
        private final String title;
        private final List<Column> columns = new ArrayList<>();
        private final List<List<Object>> rows = new ArrayList<>();

        private Builder(String title) {
            this.title = title == null ? "" : title;
        }

        public Builder column(Column column) {
            columns.add(column);
            return this;
        }

        /** Adds a row, one value per column in column order. */
        public Builder row(Object... values) {
            rows.add(Arrays.asList(values.clone()));
            return this;
        }

        public ResultTable build() {
            return new ResultTable(title, columns, rows);
        }
    }
}
