package org.fusescope.profiler.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link ResultTable} as aligned plain text in the style of {@code nsys stats}: the title,
 * a header line, a dashed rule, then one line per row; numbers right-aligned, text left-aligned,
 * two spaces between columns, lines ending in {@code \n}. Durations are shown in ns with thousands
 * separators (integers as is, averages with one decimal), bytes and counts with thousands
 * separators, doubles with two decimals (in scientific notation below 0.01), percentages with one. Unknown values are blank. Output
 * does not depend on the default locale. Stateless and thread-safe.
 */
public final class TextTableRenderer {
    private static final String GAP = "  ";

    private TextTableRenderer() {}

    public static String render(ResultTable table) {
        List<Column> columns = table.columns();
        List<String[]> lines = new ArrayList<>();
        String[] header = new String[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            header[c] = columns.get(c).header();
        }
        for (List<Object> row : table.rows()) {
            String[] cells = new String[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                cells[c] = format(columns.get(c).kind(), row.get(c));
            }
            lines.add(cells);
        }
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            widths[c] = header[c].length();
            for (String[] cells : lines) {
                widths[c] = Math.max(widths[c], cells[c].length());
            }
        }
        String[] rule = new String[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            rule[c] = "-".repeat(widths[c]);
        }
        StringBuilder out = new StringBuilder();
        out.append(table.title()).append("\n\n");
        appendLine(out, columns, widths, header);
        appendLine(out, columns, widths, rule);
        for (String[] cells : lines) {
            appendLine(out, columns, widths, cells);
        }
        return out.toString();
    }

    /** One value as the text renderer shows it; blank for null and NaN. */
    public static String format(ColumnKind kind, Object value) {
        if (value == null || (value instanceof Double d && d.isNaN())) {
            return "";
        }
        if (value instanceof Double d && d.isInfinite()) {
            return d > 0 ? "inf" : "-inf";
        }
        if (kind == ColumnKind.TEXT) {
            return value.toString();
        }
        // Cells are normalized by ResultTable: numeric kinds hold a Long or a Double.
        if (value instanceof Long l) {
            return String.format(Locale.ROOT, "%,d", l);
        }
        double d = (Double) value;
        return switch (kind) {
            case DURATION_NS -> String.format(Locale.ROOT, "%,.1f", d);
            case PERCENT -> String.format(Locale.ROOT, "%.1f", d);
                // Errors like 3e-7 must not print as 0.00.
            case DOUBLE -> d != 0 && Math.abs(d) < 0.01
                    ? String.format(Locale.ROOT, "%.3e", d)
                    : String.format(Locale.ROOT, "%,.2f", d);
            default -> throw new IllegalStateException("a " + kind + " column holds a Double");
        };
    }

    private static void appendLine(StringBuilder out, List<Column> columns, int[] widths, String[] cells) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                line.append(GAP);
            }
            String pad = " ".repeat(widths[c] - cells[c].length());
            if (columns.get(c).kind().isNumeric()) {
                line.append(pad).append(cells[c]);
            } else {
                line.append(cells[c]).append(pad);
            }
        }
        // Trailing blanks would make golden dumps fragile to editors that strip them.
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
