package org.fusescope.profiler.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.fusescope.profiler.model.RangeLevel;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.store.TraceSchema.Attribution;
import org.fusescope.profiler.store.TraceSchema.CudaApi;
import org.fusescope.profiler.store.TraceSchema.Enums;
import org.fusescope.profiler.store.TraceSchema.Kernel;
import org.fusescope.profiler.store.TraceSchema.Nvtx;

/**
 * Reads the {@link TimelineColumns} of a run: one forward-only query per table, straight into
 * primitive arrays, selecting and filtering exactly the rows {@link KernelQuery}, {@link
 * ActivityQueries#apiCalls} and {@link FsQueries#ranges} select, and ordering them as {@link
 * org.fusescope.profiler.model.RunTrace} does (stable by start).
 */
final class TimelineQueries {
    private static final int FETCH = 10_000;
    /** Stands for SQL NULL in integer columns read with one call (no {@code wasNull} call after it). */
    private static final long NONE = Long.MIN_VALUE;
    /** A range row without a category of ours. */
    private static final int NO_LEVEL = Integer.MIN_VALUE;
    /** {@link #NONE} as an SQL integer expression (the literal itself would parse as a real). */
    private static final String NONE_SQL = "(" + (Long.MIN_VALUE + 1) + " - 1)";

    private final Connection conn;
    private final Catalog cat;
    private final StringIdMap strings;
    private final RunInfo run;
    private final boolean ours;
    private final boolean wholeFile;

    /** {@code wholeFile}: the run is the file's only one, so scans beat index lookups. */
    TimelineQueries(Connection conn, Catalog cat, StringIdMap strings, RunInfo run, boolean ours, boolean wholeFile) {
        this.conn = conn;
        this.cat = cat;
        this.strings = strings;
        this.run = run;
        this.ours = ours;
        this.wholeFile = wholeFile;
    }

    /** The same queries as {@code other}, on another connection to the same file. */
    TimelineQueries(Connection conn, Catalog cat, TimelineQueries other) {
        this(conn, cat, other.strings, other.run, other.ours, other.wholeFile);
    }

    TimelineColumns.Kernels kernels() throws SQLException {
        LocalStrings table = new LocalStrings(strings);
        if (!cat.has(Kernel.TABLE)) {
            return new TimelineColumns.Kernels(
                    new long[0],
                    new long[0],
                    new int[0],
                    new int[0],
                    new long[0],
                    new int[0],
                    new int[0],
                    new boolean[0],
                    table.strings());
        }
        String node = "COALESCE(" + cat.column("k", Kernel.TABLE, Kernel.GRAPH_NODE_ID, "0") + ", 0)";
        KernelRows rows = readKernels(node, true, table);
        if (rows == null) {
            // a device, stream or name id out of the packed ranges: one plain column per value
            rows = readKernels(node, false, table);
        }
        long[] correlations = rows.correlations.toArray();
        int n = correlations.length;
        int[] ops = new int[n];
        boolean[] fused = new boolean[n];
        Arrays.fill(ops, -1);
        if (ours && cat.has(Attribution.TABLE)) {
            attribute(correlations, rows.nodes.toArray(), ops, fused, table);
        }
        TimelineColumns.Kernels k = new TimelineColumns.Kernels(
                rows.starts.toArray(),
                rows.ends.toArray(),
                rows.devices.toArray(),
                rows.streams.toArray(),
                correlations,
                rows.names.toArray(),
                ops,
                fused,
                table.strings());
        return k.permuted(stableOrder(k.starts(), null));
    }

    /** Kernel rows as read, before attribution and ordering. */
    private static final class KernelRows {
        final GrowingColumns.Longs starts = new GrowingColumns.Longs(0);
        final GrowingColumns.Longs ends = new GrowingColumns.Longs(0);
        final GrowingColumns.Ints devices = new GrowingColumns.Ints(0);
        final GrowingColumns.Ints streams = new GrowingColumns.Ints(0);
        final GrowingColumns.Longs correlations = new GrowingColumns.Longs(0);
        final GrowingColumns.Longs nodes = new GrowingColumns.Longs(0);
        final GrowingColumns.Ints names = new GrowingColumns.Ints(0);
    }

    /**
     * Reads the kernel rows. Each column read is a JNI call into sqlite-jdbc, the main cost of the
     * read: {@code packed} reads device, stream and short name id as one integer ({@code device << 56
     * | stream << 32 | name}) computed by SQLite, and returns null if a row's values do not fit (the
     * caller then reads them unpacked).
     */
    private KernelRows readKernels(String node, boolean packed, LocalStrings table) throws SQLException {
        String d = "k." + Kernel.DEVICE_ID;
        String st = "k." + Kernel.STREAM_ID;
        String nm = "k." + Kernel.SHORT_NAME;
        String ids = packed
                ? "CASE WHEN " + d + " BETWEEN 0 AND 127 AND " + st + " BETWEEN 0 AND " + ((1 << 24) - 1) + " AND "
                        + nm + " BETWEEN 0 AND " + 0xFFFF_FFFFL + " THEN (" + d + " << 56) | (" + st + " << 32) | "
                        + nm + " ELSE -1 END"
                : String.join(", ", d, st, nm);
        String sql = "SELECT "
                + String.join(", ", Sql.qualified("k", Kernel.START, Kernel.END, Kernel.CORRELATION_ID))
                + ", " + node + ", " + ids + " FROM " + Kernel.TABLE + " k WHERE " + window("k." + Kernel.START);
        KernelRows r = new KernelRows();
        boolean complete = eachRowInWindow(sql, rs -> {
            long device;
            long stream;
            long name;
            if (packed) {
                long v = rs.getLong(5);
                if (v < 0) {
                    return false;
                }
                device = v >>> 56;
                stream = (v >>> 32) & 0xFF_FFFF;
                name = v & 0xFFFF_FFFFL;
            } else {
                device = rs.getInt(5);
                stream = rs.getInt(6);
                name = rs.getLong(7);
            }
            r.starts.add(rs.getLong(1));
            r.ends.add(rs.getLong(2));
            r.correlations.add(rs.getLong(3));
            r.nodes.add(rs.getLong(4));
            r.devices.add((int) device);
            r.streams.add((int) stream);
            r.names.add(table.byId(name, "?"));
            return true;
        });
        return complete ? r : null;
    }

    /**
     * Fills the op and fused flag of each kernel from FS_KERNEL_ATTRIBUTION, read with one query and
     * joined here on (correlationId, graphNodeId), as {@link KernelQuery}'s LEFT JOIN does: a join in
     * SQLite costs an index probe per kernel. The writer stores attribution rows in kernel order, so
     * the join is usually a walk in step; otherwise a binary search over the rows sorted by key.
     */
    private void attribute(long[] corr, long[] node, int[] ops, boolean[] fused, LocalStrings table)
            throws SQLException {
        AttributionRows rows = readAttribution(true, corr.length, table);
        if (rows == null) {
            // text ops (schema 1) or ids out of the packed range: op and fused as plain columns
            rows = readAttribution(false, corr.length, table);
        }
        long[] aCorr = rows.corr.toArray();
        long[] aNode = rows.node.toArray();
        int[] aOp = rows.op.toArray();
        int[] aFused = rows.fused.toArray();
        int m = aCorr.length;
        int[] sorted = null;
        int p = 0;
        for (int i = 0; i < corr.length; i++) {
            int hit;
            if (p < m && aCorr[p] == corr[i] && aNode[p] == node[i]) {
                hit = p++;
            } else {
                if (sorted == null) {
                    sorted = byKey(aCorr, aNode, m);
                }
                hit = find(sorted, aCorr, aNode, corr[i], node[i]);
                p = hit < 0 ? p : hit + 1;
            }
            if (hit >= 0 && aOp[hit] >= 0) {
                ops[i] = aOp[hit];
                fused[i] = aFused[hit] != 0;
            }
        }
    }

    /** FS_KERNEL_ATTRIBUTION rows as read. */
    private static final class AttributionRows {
        final GrowingColumns.Longs corr;
        final GrowingColumns.Longs node;
        final GrowingColumns.Ints op;
        /** 1 fused, 0 not. */
        final GrowingColumns.Ints fused;

        AttributionRows(int expected) {
            corr = new GrowingColumns.Longs(expected);
            node = new GrowingColumns.Longs(expected);
            op = new GrowingColumns.Ints(expected);
            fused = new GrowingColumns.Ints(expected);
        }
    }

    /**
     * Reads the attribution rows of the run. {@code packed} reads op id and fused flag as one integer
     * ({@code op * 2 + fused}, -1 without op) computed by SQLite, one JNI call instead of three, and
     * returns null on a row whose op is text or out of range (the caller then reads them unpacked).
     */
    private AttributionRows readAttribution(boolean packed, int expected, LocalStrings table) throws SQLException {
        String op = Attribution.OP;
        String opFused = packed
                ? "CASE WHEN " + op + " IS NULL THEN -1 WHEN typeof(" + op + ") = 'integer' AND " + op
                        + " BETWEEN 0 AND " + (1L << 60) + " THEN " + op + " * 2 + COALESCE(" + Attribution.FUSED
                        + " <> 0, 0) ELSE -2 END"
                : String.join(", ", op, Attribution.FUSED);
        String sql = Sql.select(Attribution.TABLE, Attribution.CORRELATION_ID, Attribution.GRAPH_NODE_ID, opFused)
                + " WHERE " + (wholeFile ? "+" : "") + Attribution.RUN_ID + " = ?";
        AttributionRows r = new AttributionRows(expected);
        // op is a StringIds id since schema 2, the text itself in schema 1: decided on the first op seen
        Boolean textOps = null;
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setLong(1, run.id());
            ps.setFetchSize(FETCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    r.corr.add(rs.getLong(1));
                    r.node.add(rs.getLong(2));
                    if (packed) {
                        long v = rs.getLong(3);
                        if (v == -2) {
                            return null;
                        }
                        r.op.add(v < 0 ? -1 : table.byId(v >>> 1, "?"));
                        r.fused.add(v >= 0 && (v & 1) != 0 ? 1 : 0);
                        continue;
                    }
                    if (textOps == null) {
                        Object v = rs.getObject(3);
                        textOps = v == null ? null : !(v instanceof Number);
                    }
                    int o = -1;
                    if (Boolean.TRUE.equals(textOps)) {
                        String t = rs.getString(3);
                        o = t == null ? -1 : table.byText(t);
                    } else if (textOps != null) {
                        long id = rs.getLong(3);
                        o = rs.wasNull() ? -1 : table.byId(id, "?");
                    }
                    r.op.add(o);
                    r.fused.add(rs.getInt(4) != 0 ? 1 : 0);
                }
            }
        }
        return r;
    }

    /** Indices 0..m-1 sorted by (correlation, node); equal keys keep their row order (the first wins). */
    private static int[] byKey(long[] corr, long[] node, int m) {
        Integer[] order = new Integer[m];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> {
            int c = Long.compare(corr[a], corr[b]);
            return c != 0 ? c : Long.compare(node[a], node[b]);
        });
        int[] out = new int[m];
        Arrays.setAll(out, i -> order[i]);
        return out;
    }

    private static int find(int[] sorted, long[] corr, long[] node, long c, long g) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int r = sorted[mid];
            if (corr[r] < c || (corr[r] == c && node[r] < g)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < sorted.length && corr[sorted[lo]] == c && node[sorted[lo]] == g ? sorted[lo] : -1;
    }

    /**
     * {@code column} in [run start, run end] (two parameters). When the run is the file's only one,
     * the start index would only add a lookup per row to a scan of every row: a unary plus keeps
     * SQLite from using it.
     */
    private String window(String column) {
        String c = (wholeFile ? "+" : "") + column;
        return c + " >= ? AND " + c + " <= ?";
    }

    /** One row of a query, read column by column; false stops the reading. */
    private interface RowReader {
        boolean read(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sql} over the run's window (its two parameters); false when a reader stopped early. */
    private boolean eachRowInWindow(String sql, RowReader reader) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setLong(1, run.startNs());
            ps.setLong(2, run.endNs());
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

    TimelineColumns.Calls calls() throws SQLException {
        LocalStrings table = new LocalStrings(strings);
        if (!cat.has(CudaApi.TABLE)) {
            return new TimelineColumns.Calls(new long[0], new long[0], new long[0], new int[0], table.strings());
        }
        Integer runtime = EnumLookup.id(conn, cat, Enums.EVENT_CLASS, Enums.CLASS_CUDA_RUNTIME);
        Integer driver = EnumLookup.id(conn, cat, Enums.EVENT_CLASS, Enums.CLASS_CUDA_DRIVER);
        // nsys also stores backtrace and library rows here, repeating a call's interval
        String where = runtime != null && driver != null
                ? " AND " + CudaApi.EVENT_CLASS + " IN (" + runtime + ", " + driver + ")"
                : "";
        String sql = Sql.select(CudaApi.TABLE, CudaApi.START, CudaApi.END, CudaApi.CORRELATION_ID, CudaApi.NAME_ID)
                + " WHERE " + window(CudaApi.START) + where
                // in SQLite, not per row in Java: one JNI call less per row
                + (ours
                        ? " AND (COALESCE(" + CudaApi.GLOBAL_TID + ", 0) & " + ApiRows.SYNTHETIC_TID + ") <> "
                                + ApiRows.SYNTHETIC_TID
                        : "");
        GrowingColumns.Longs starts = new GrowingColumns.Longs(0);
        GrowingColumns.Longs ends = new GrowingColumns.Longs(0);
        GrowingColumns.Longs correlations = new GrowingColumns.Longs(0);
        GrowingColumns.Ints names = new GrowingColumns.Ints(0);
        eachRowInWindow(sql, rs -> {
            starts.add(rs.getLong(1));
            ends.add(rs.getLong(2));
            correlations.add(rs.getLong(3));
            names.add(table.byId(rs.getLong(4), "?"));
            return true;
        });
        TimelineColumns.Calls c = new TimelineColumns.Calls(
                starts.toArray(), ends.toArray(), correlations.toArray(), names.toArray(), table.strings());
        return c.permuted(stableOrder(c.starts(), null));
    }

    TimelineColumns.Ranges ranges() throws SQLException {
        LocalStrings table = new LocalStrings(strings);
        List<Integer> types =
                EnumLookup.ids(conn, cat, Enums.EVENT_TYPE, Enums.NVTX_PUSH_POP_RANGE, Enums.NVTX_START_END_RANGE);
        if (types.isEmpty() || !cat.has(Nvtx.TABLE)) {
            return new TimelineColumns.Ranges(new long[0], new long[0], new RangeLevel[0], new int[0], table.strings());
        }
        String text = cat.has(Nvtx.TABLE, Nvtx.TEXT) ? Nvtx.TEXT : "NULL";
        String textId = cat.has(Nvtx.TABLE, Nvtx.TEXT_ID) ? Nvtx.TEXT_ID : "NULL";
        String category = cat.has(Nvtx.TABLE, Nvtx.CATEGORY) ? Nvtx.CATEGORY : "NULL";
        // One JNI call per value read: an open range's end, the text id (when there is no text) and the
        // category come as plain integers with sentinels for NULL; the text is read only when needed.
        String end = "COALESCE(" + Nvtx.END + ", " + Nvtx.START + ")";
        String textKey = "CASE WHEN " + text + " IS NULL AND " + textId + " IS NOT NULL THEN " + textId + " ELSE "
                + NONE_SQL + " END";
        String level = ours ? "COALESCE(" + category + ", " + NONE_SQL + ")" : NONE_SQL;
        String sql = Sql.select(Nvtx.TABLE, Nvtx.START, end, textKey, level, text)
                + " WHERE " + window(Nvtx.START) + " AND " + Nvtx.EVENT_TYPE + " IN ("
                + types.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
        GrowingColumns.Longs starts = new GrowingColumns.Longs(0);
        GrowingColumns.Longs ends = new GrowingColumns.Longs(0);
        GrowingColumns.Ints categories = new GrowingColumns.Ints(0);
        GrowingColumns.Ints texts = new GrowingColumns.Ints(0);
        eachRowInWindow(sql, rs -> {
            starts.add(rs.getLong(1));
            ends.add(rs.getLong(2));
            long id = rs.getLong(3);
            if (id != NONE) {
                texts.add(table.byId(id, ""));
            } else {
                String t = rs.getString(5);
                texts.add(table.byText(t == null ? "" : t));
            }
            long c = rs.getLong(4);
            categories.add(c == NONE || c < Integer.MIN_VALUE || c > Integer.MAX_VALUE ? NO_LEVEL : (int) c);
            return true;
        });
        int[] cats = categories.toArray();
        RangeLevel[] levels = new RangeLevel[cats.length];
        for (int i = 0; i < cats.length; i++) {
            levels[i] = cats[i] == NO_LEVEL ? null : RangeLevel.ofCategory(cats[i]);
        }
        TimelineColumns.Ranges r =
                new TimelineColumns.Ranges(starts.toArray(), ends.toArray(), levels, texts.toArray(), table.strings());
        return r.permuted(stableOrder(r.starts(), r.ends()));
    }

    /**
     * The permutation that sorts by start (then by end, descending, when {@code ends} is given),
     * keeping the read order of ties; null when already sorted (the usual case: rows are written, and
     * the start index read, in time order).
     */
    static int[] stableOrder(long[] starts, long[] ends) {
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
}
