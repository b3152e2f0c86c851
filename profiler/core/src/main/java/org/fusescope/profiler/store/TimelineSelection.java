package org.fusescope.profiler.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.store.TraceSchema.Attribution;
import org.fusescope.profiler.store.TraceSchema.CudaApi;
import org.fusescope.profiler.store.TraceSchema.Enums;
import org.fusescope.profiler.store.TraceSchema.Kernel;
import org.fusescope.profiler.store.TraceSchema.Nvtx;

/**
 * Which rows of a file make up a run's timeline, and in which order: the one place that decides it
 * for every reader of a run's kernels, CUDA API calls and ranges. The timeline's columns ({@link
 * TimelineQueries}), the objects of {@link TraceReader#load} ({@link KernelQuery}, {@link
 * ActivityQueries#apiCalls}, {@link FsQueries#ranges}: what Properties and the statistics show) and
 * the overview ({@link OverviewSql}) choose only the columns they read; FROM, WHERE, ORDER BY and the
 * attribution key come from here, so that they all see the same rows in the same order.
 *
 * <ul>
 *   <li>A run's rows are those starting in [run start, run end] (parameters ?1 and ?2).
 *   <li>Rows come in file order (rowid), or by start then rowid where SQLite reads them on a start
 *       index; either is free in SQLite. {@link #order} then sorts them by start (ranges: longer
 *       first among equal starts) keeping their order among ties, so that every reader ends with
 *       the timeline order: by start, ties in file order ({@link #timelineOrder} in SQL).
 *   <li>A kernel's attribution is the run's FS_KERNEL_ATTRIBUTION row with the kernel's
 *       (correlationId, graphNodeId), NULLs read as 0 ({@link #attributionJoin} in SQL, {@link
 *       AttributionJoin} in Java); of several such rows the first in file order.
 *   <li>API calls are the CUDA runtime and driver rows (nsys also stores backtrace rows there,
 *       repeating a call's interval), without the launches the writer synthesized.
 *   <li>Ranges are NVTX push/pop and start/end ranges.
 * </ul>
 *
 * <p>Not thread-safe: one per read (see {@link #on} for another connection).
 */
final class TimelineSelection {
    /** The alias of the table a full read selects from: columns may be written {@code k.name}. */
    static final String ALIAS = "k";

    private static final int FETCH = 10_000;
    private static final String START = Kernel.START;

    private final Connection conn;
    private final Catalog cat;
    private final RunInfo run;
    private final boolean ours;
    private final boolean wholeFile;
    private final Map<String, Boolean> scans = new HashMap<>();

    /** {@code wholeFile}: the run is the file's only one, so whole-run reads scan rather than seek. */
    TimelineSelection(Connection conn, Catalog cat, RunInfo run, boolean ours, boolean wholeFile) {
        this.conn = conn;
        this.cat = cat;
        this.run = run;
        this.ours = ours;
        this.wholeFile = wholeFile;
    }

    /** The same selection on another connection to the same file. */
    TimelineSelection on(Connection other, Catalog otherCatalog) {
        return new TimelineSelection(other, otherCatalog, run, ours, wholeFile);
    }

    RunInfo run() {
        return run;
    }

    /** True for files of ours (ranges have levels, kernels may have attribution). */
    boolean ours() {
        return ours;
    }

    /** True when kernels have attribution rows to join. */
    boolean attributed() {
        return ours && cat.has(Attribution.TABLE);
    }

    /** One row of a query, read column by column; false stops the reading. */
    interface RowReader {
        boolean read(ResultSet rs) throws SQLException;
    }

    /**
     * Reads the run's kernels ({@code columns} of the kernel table, alias {@link #ALIAS}) in file
     * order; false when the reader stopped early. None when the file has no kernel table.
     */
    boolean eachKernel(String columns, RowReader reader) throws SQLException {
        return each(kernelSql(columns), reader);
    }

    /**
     * Reads the run's attribution rows: correlation id and graph node id, then {@code columns}, the
     * rows of one key in file order. None when kernels are not {@link #attributed()}.
     */
    boolean eachAttribution(String columns, RowReader reader) throws SQLException {
        return each(attributionSql(columns), reader);
    }

    /** Reads the run's CUDA runtime and driver calls ({@code columns} of the API table) in file order. */
    boolean eachCall(String columns, RowReader reader) throws SQLException {
        return each(callSql(columns), reader);
    }

    /** Reads the run's NVTX ranges ({@code columns} of the NVTX table) in file order. */
    boolean eachRange(String columns, RowReader reader) throws SQLException {
        return each(rangeSql(columns), reader);
    }

    /** The query of {@link #eachKernel}, or null when there is nothing to read. */
    String kernelSql(String columns) throws SQLException {
        return inRun(Kernel.TABLE, columns, "");
    }

    /** The query of {@link #eachAttribution} (the run's id is ?3), or null when there is nothing to read. */
    String attributionSql(String columns) throws SQLException {
        if (!attributed()) {
            return null;
        }
        boolean scan = scans(Attribution.TABLE, Attribution.RUN_ID);
        return Sql.select(Attribution.TABLE, Attribution.CORRELATION_ID, Attribution.GRAPH_NODE_ID, columns)
                + " WHERE " + (scan ? "+" : "") + Attribution.RUN_ID + " = ?3 ORDER BY "
                + (scan ? "rowid" : Attribution.CORRELATION_ID + ", " + Attribution.GRAPH_NODE_ID + ", rowid");
    }

    /** The query of {@link #eachCall}, or null when there is nothing to read. */
    String callSql(String columns) throws SQLException {
        Integer runtime = EnumLookup.id(conn, cat, Enums.EVENT_CLASS, Enums.CLASS_CUDA_RUNTIME);
        Integer driver = driverClass();
        // nsys also stores backtrace and library rows here, repeating a call's interval
        String where = runtime != null && driver != null
                ? " AND " + CudaApi.EVENT_CLASS + " IN (" + runtime + ", " + driver + ")"
                : "";
        if (ours) {
            where += " AND (COALESCE(" + CudaApi.GLOBAL_TID + ", 0) & " + ApiRows.SYNTHETIC_TID + ") <> "
                    + ApiRows.SYNTHETIC_TID;
        }
        return inRun(CudaApi.TABLE, columns, where);
    }

    /** The query of {@link #eachRange}, or null when there is nothing to read. */
    String rangeSql(String columns) throws SQLException {
        List<Integer> types =
                EnumLookup.ids(conn, cat, Enums.EVENT_TYPE, Enums.NVTX_PUSH_POP_RANGE, Enums.NVTX_START_END_RANGE);
        if (types.isEmpty()) {
            return null;
        }
        String where = " AND " + Nvtx.EVENT_TYPE + " IN ("
                + types.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
        return inRun(Nvtx.TABLE, columns, where);
    }

    /** The file's id of the driver API's event class, or null when it has none. */
    Integer driverClass() throws SQLException {
        return EnumLookup.id(conn, cat, Enums.EVENT_CLASS, Enums.CLASS_CUDA_DRIVER);
    }

    /** {@code column} of {@code table} when the file has it, else SQL NULL. */
    String columnOrNull(String table, String column) throws SQLException {
        return cat.has(table, column) ? column : "NULL";
    }

    /** The correlation id of kernel {@code alias} as the attribution key has it (NULL as 0). */
    static String correlation(String alias) {
        return "COALESCE(" + alias + "." + Kernel.CORRELATION_ID + ", 0)";
    }

    /** The graph node id of kernel {@code alias} as the attribution key has it (NULL or absent as 0). */
    String graphNode(String alias) throws SQLException {
        return "COALESCE(" + cat.column(alias, Kernel.TABLE, Kernel.GRAPH_NODE_ID, "0") + ", 0)";
    }

    /**
     * Joins kernel {@code k} to its attribution row {@code a} of the run bound to {@code runParameter}
     * (e.g. {@code ?3}); several rows of one key come in file order. Empty when not {@link #attributed()}.
     */
    String attributionJoin(String k, String a, String runParameter) throws SQLException {
        if (!attributed()) {
            return "";
        }
        return " LEFT JOIN " + Attribution.TABLE + " " + a + " ON " + a + "." + Attribution.RUN_ID + " = "
                + runParameter + " AND " + a + "." + Attribution.CORRELATION_ID + " = " + correlation(k) + " AND "
                + a + "." + Attribution.GRAPH_NODE_ID + " = " + graphNode(k);
    }

    /** The timeline order of rows {@code alias} in SQL (or its reverse): by start, ties in file order. */
    static String timelineOrder(String alias, boolean descending) {
        String d = descending ? " DESC" : "";
        return alias + "." + START + d + ", " + alias + ".rowid" + d;
    }

    /**
     * The run's rows of a table ({@code alias}, or bare columns when empty): start in [?1, ?2]. {@code
     * scan} (for a pass over the whole run) keeps SQLite off the start index, whose table lookup per
     * row only slows a full scan.
     */
    static String window(String alias, boolean scan) {
        String s = (scan ? "+" : "") + (alias.isEmpty() ? "" : alias + ".") + START;
        return s + " >= ?1 AND " + s + " <= ?2";
    }

    /** {@link #window} of the run's kernels for a pass over all of them, scanning as {@link #eachKernel} does. */
    String kernelWindow(String alias) throws SQLException {
        return window(alias, scans(Kernel.TABLE, START));
    }

    /**
     * The permutation that sorts rows read in file order into the timeline order: by start (then by
     * end, descending, when {@code ends} is given), keeping the read order of ties; null when already
     * sorted (the usual case: rows are written in time order).
     */
    static int[] order(long[] starts, long[] ends) {
        boolean sorted = true;
        for (int i = 1; i < starts.length && sorted; i++) {
            sorted = starts[i - 1] < starts[i]
                    || (starts[i - 1] == starts[i] && (ends == null || ends[i - 1] >= ends[i]));
        }
        if (sorted) {
            return null;
        }
        Integer[] order = new Integer[starts.length];
        Arrays.setAll(order, i -> i);
        // Arrays.sort on objects is stable (TimSort), as List.sort in RunTrace is
        Arrays.sort(order, (a, b) -> {
            int c = Long.compare(starts[a], starts[b]);
            return c != 0 || ends == null ? c : Long.compare(ends[b], ends[a]);
        });
        int[] out = new int[order.length];
        Arrays.setAll(out, i -> order[i]);
        return out;
    }

    /** Rows read in file order, as {@link #order} orders them ({@code end}: null to order by start only). */
    static <T> List<T> inOrder(List<T> read, ToLongFunction<T> start, ToLongFunction<T> end) {
        int[] order = order(
                read.stream().mapToLong(start).toArray(),
                end == null ? null : read.stream().mapToLong(end).toArray());
        if (order == null) {
            return read;
        }
        List<T> out = new ArrayList<>(order.length);
        for (int i : order) {
            out.add(read.get(i));
        }
        return out;
    }

    /**
     * The rows of {@code table} starting in the run, in file order, or by start then rowid where
     * SQLite seeks them on a start index: the same order once sorted stably by start, and free in
     * both cases. Null when the file has no such table.
     */
    private String inRun(String table, String columns, String where) throws SQLException {
        if (!cat.has(table)) {
            return null;
        }
        boolean scan = scans(table, START);
        return "SELECT " + columns + " FROM " + table + " " + ALIAS + " WHERE " + window(ALIAS, scan) + where
                + " ORDER BY " + (scan ? ALIAS + ".rowid" : timelineOrder(ALIAS, false));
    }

    /**
     * True when a pass over the run's rows of {@code table} scans the table rather than seek them on
     * an index leading with {@code column}: for the file's only run (a lookup per row only slows a
     * scan), or when there is no such index.
     */
    private boolean scans(String table, String column) throws SQLException {
        String key = table + "." + column;
        Boolean scan = scans.get(key);
        if (scan == null) {
            scan = wholeFile || !cat.indexed(table, column);
            scans.put(key, scan);
        }
        return scan;
    }

    /** Runs {@code sql} (none when null) with the run's start, end and id as ?1, ?2 and ?3, as far as it has them. */
    private boolean each(String sql, RowReader reader) throws SQLException {
        if (sql == null) {
            return true;
        }
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            long[] parameters = {run.startNs(), run.endNs(), run.id()};
            int used = ps.getParameterMetaData().getParameterCount();
            for (int i = 0; i < used; i++) {
                ps.setLong(i + 1, parameters[i]);
            }
            ps.setFetchSize(FETCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!reader.read(rs)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
