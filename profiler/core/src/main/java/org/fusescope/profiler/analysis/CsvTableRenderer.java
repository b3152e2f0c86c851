package org.fusescope.profiler.analysis;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Renders a {@link ResultTable} as CSV (RFC 4180 quoting through commons-csv, {@code \n} line ends):
 * a header of column headers with units (e.g. {@code Total (ns)}), then raw numbers without
 * grouping (doubles in plain decimal notation without trailing zeros), blank cells for unknown values. The title is not
 * part of the CSV. Stateless and thread-safe.
 */
public final class CsvTableRenderer {
    /** The format written, also the one to read the output back with. */
    public static final CSVFormat FORMAT =
            CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private CsvTableRenderer() {}

    public static String render(ResultTable table) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            List<String> header = new ArrayList<>();
            for (Column c : table.columns()) {
                header.add(c.header());
            }
            printer.printRecord(header);
            for (List<Object> row : table.rows()) {
                List<String> cells = new ArrayList<>(row.size());
                for (Object value : row) {
                    cells.add(value instanceof String text ? neutralized(text) : raw(value));
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write CSV of " + table.title(), e);
        }
        return out.toString();
    }

    /**
     * A text cell that a spreadsheet would take for a formula ({@code = + - @}, or a tab or carriage return
     * first) gets a leading apostrophe, so a kernel or run name from a recording can never run as one. Numbers
     * are never text cells, so negative numbers stay numbers.
     */
    static String neutralized(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    /** One value as CSV shows it: the raw number or text, blank for null and NaN. */
    public static String raw(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            if (d.isNaN()) {
                return "";
            }
            // Plain, shortest notation so spreadsheets and golden files never see 1.0E9.
            return d.isInfinite()
                    ? d.toString()
                    : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }
}
