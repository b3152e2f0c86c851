package org.fusescope.profiler.ncu;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.fusescope.profiler.model.Dim3;

/**
 * Reads the CSV that {@code ncu --csv} prints, in either layout: {@code --page raw} (one row per
 * kernel, a column per metric, a units row under the header) or {@code --page details} (one row per
 * kernel and metric, with "Metric Name", "Metric Unit" and "Metric Value" columns). Lines before the
 * header (the profiled program's output, {@code ==PROF==} notes) are skipped. Values are scaled to the
 * units of {@link NcuMetric}; "n/a" leaves a metric out.
 */
public final class NcuCsv {
    private static final String HEADER_START = "\"ID\",";
    private static final Pattern DIM3 = Pattern.compile("\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)");

    private NcuCsv() {}

    /** The kernels of an ncu CSV file, in ncu's order. */
    public static List<NcuKernel> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** The kernels of ncu CSV text; IllegalArgumentException names the line and the problem. */
    public static List<NcuKernel> parse(String text) {
        int header = text.startsWith(HEADER_START) ? 0 : text.indexOf("\n" + HEADER_START);
        if (header < 0) {
            throw new IllegalArgumentException("no ncu CSV header (a line starting with \"ID\",) found");
        }
        int skippedLines = header == 0
                ? 0
                : (int) text.substring(0, header + 1)
                        .chars()
                        .filter(c -> c == '\n')
                        .count();
        List<CSVRecord> rows = records(text.substring(header == 0 ? 0 : header + 1));
        List<String> columns = rows.get(0).toList();
        return columns.contains("Metric Name")
                ? details(columns, rows, skippedLines)
                : raw(columns, rows, skippedLines);
    }

    private static List<CSVRecord> records(String csv) {
        try (Reader in = new StringReader(csv)) {
            return CSVFormat.DEFAULT.parse(in).getRecords();
        } catch (IOException | IllegalStateException e) {
            throw new IllegalArgumentException("not CSV: " + e.getMessage(), e);
        }
    }

    private static List<NcuKernel> raw(List<String> columns, List<CSVRecord> rows, int skipped) {
        Map<Integer, NcuMetric> metricAt = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            NcuMetric m = NcuMetric.byNcuName(columns.get(i));
            if (m != null) {
                metricAt.put(i, m);
            }
        }
        Identity id = Identity.of(columns);
        int first = 1;
        CSVRecord units = rows.size() > 1 && rows.get(1).get(0).isEmpty() ? rows.get(1) : null;
        first += units == null ? 0 : 1;
        List<NcuKernel> out = new ArrayList<>();
        for (int r = first; r < rows.size(); r++) {
            CSVRecord row = rows.get(r);
            int line = skipped + (int) row.getRecordNumber();
            Map<NcuMetric, Double> values = new EnumMap<>(NcuMetric.class);
            for (Map.Entry<Integer, NcuMetric> e : metricAt.entrySet()) {
                String unit = units == null || e.getKey() >= units.size() ? "" : units.get(e.getKey());
                Double v = value(cell(row, e.getKey(), line), unit, e.getValue(), line);
                if (v != null) {
                    values.put(e.getValue(), v);
                }
            }
            out.add(id.kernel(row, line, values));
        }
        return out;
    }

    private static List<NcuKernel> details(List<String> columns, List<CSVRecord> rows, int skipped) {
        Identity id = Identity.of(columns);
        int name = required(columns, "Metric Name");
        int unit = required(columns, "Metric Unit");
        int value = required(columns, "Metric Value");
        Map<Integer, NcuKernel> byId = new LinkedHashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            CSVRecord row = rows.get(r);
            int line = skipped + (int) row.getRecordNumber();
            NcuMetric m = NcuMetric.byNcuName(cell(row, name, line));
            NcuKernel k = byId.computeIfAbsent(id.launchId(row, line), i -> id.kernel(row, line, Map.of()));
            Double v = m == null ? null : value(cell(row, value, line), cell(row, unit, line), m, line);
            if (v != null) {
                Map<NcuMetric, Double> values = new EnumMap<>(NcuMetric.class);
                values.putAll(k.values());
                values.put(m, v);
                byId.put(k.id(), new NcuKernel(k.id(), k.name(), k.grid(), k.block(), values));
            }
        }
        return List.copyOf(byId.values());
    }

    private static Double value(String text, String unit, NcuMetric metric, int line) {
        String t = text.trim();
        if (t.isEmpty() || t.equalsIgnoreCase("n/a")) {
            return null;
        }
        double v;
        try {
            v = Double.parseDouble(t.replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("line " + line + ": " + metric.ncuName() + " is not a number: " + t);
        }
        double scaled = v * NcuUnits.scale(unit, metric, line);
        if (!Double.isFinite(scaled) || scaled < 0) {
            throw new IllegalArgumentException("line " + line + ": " + metric.ncuName() + " out of range: " + t);
        }
        return scaled;
    }

    static String cell(CSVRecord row, int column, int line) {
        if (column >= row.size()) {
            throw new IllegalArgumentException(
                    "line " + line + ": " + row.size() + " cells, expected more than " + column);
        }
        return row.get(column);
    }

    static int required(List<String> columns, String name) {
        int i = columns.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("the header has no \"" + name + "\" column");
        }
        return i;
    }

    static Dim3 dim3(String text, int line) {
        Matcher m = DIM3.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("line " + line + ": not a grid or block shape: " + text);
        }
        try {
            return new Dim3(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("line " + line + ": shape out of range: " + text);
        }
    }

    /** The columns that name a launch: ID, Kernel Name, Grid Size, Block Size. */
    private record Identity(int id, int name, int grid, int block) {
        static Identity of(List<String> columns) {
            return new Identity(
                    required(columns, "ID"),
                    required(columns, "Kernel Name"),
                    required(columns, "Grid Size"),
                    required(columns, "Block Size"));
        }

        int launchId(CSVRecord row, int line) {
            String t = cell(row, id, line).trim();
            try {
                return Integer.parseInt(t);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("line " + line + ": launch ID is not an integer: " + t);
            }
        }

        NcuKernel kernel(CSVRecord row, int line, Map<NcuMetric, Double> values) {
            return new NcuKernel(
                    launchId(row, line),
                    cell(row, name, line),
                    dim3(cell(row, grid, line), line),
                    dim3(cell(row, block, line), line),
                    values);
        }
    }
}
