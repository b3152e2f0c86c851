package org.fusescope.app.stats;

import java.util.List;
import org.fusescope.profiler.analysis.Column;
import org.fusescope.profiler.analysis.CsvTableRenderer;
import org.fusescope.profiler.analysis.ResultTable;

/**
 * Rows of a table as CSV at full precision: headers with units ({@code Avg (ns)}), raw numbers
 * ({@code 1234.5}, not the {@code 1.23 µs} on screen), the same text the command line exports.
 * Stateless.
 */
public final class TableCsv {
    private TableCsv() {}

    /** The columns and the given rows, in the order given. */
    public static String of(List<Column> columns, List<List<Object>> rows) {
        ResultTable.Builder table = ResultTable.builder("");
        columns.forEach(table::column);
        rows.forEach(row -> table.row(row.toArray()));
        return CsvTableRenderer.render(table.build());
    }
}
