package org.fusescope.profiler.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.fusescope.profiler.model.RangeLevel;
import org.fusescope.profiler.store.TraceSchema.CudaApi;
import org.fusescope.profiler.store.TraceSchema.Kernel;
import org.fusescope.profiler.store.TraceSchema.Nvtx;

/**
 * Reads the {@link TimelineColumns} of a run: one forward-only query per table, straight into
 * primitive arrays, of the rows {@link TimelineSelection} selects, in its order (the order of the
 * run's lists in {@link org.fusescope.profiler.model.RunTrace}).
 */
final class TimelineQueries {
    /** Stands for SQL NULL in integer columns read with one call (no {@code wasNull} call after it). */
    private static final long NONE = Long.MIN_VALUE;
    /** A range row without a category of ours. */
    private static final int NO_LEVEL = Integer.MIN_VALUE;
    /** {@link #NONE} as an SQL integer expression (the literal itself would parse as a real). */
    private static final String NONE_SQL = "(" + (Long.MIN_VALUE + 1) + " - 1)";

    private final TimelineSelection rows;
    private final StringIdMap strings;

    TimelineQueries(TimelineSelection rows, StringIdMap strings) {
        this.rows = rows;
        this.strings = strings;
    }

    /** The same queries on another connection to the same file. */
    TimelineQueries on(Connection other, Catalog otherCatalog) {
        return new TimelineQueries(rows.on(other, otherCatalog), strings);
    }

    TimelineColumns.Kernels kernels() throws SQLException {
        LocalStrings table = new LocalStrings(strings);
        KernelRows read = readKernels(true, table);
        if (read == null) {
            // a device, stream or name id out of the packed ranges: one plain column per value
            read = readKernels(false, table);
        }
        long[] correlations = read.correlations.toArray();
        int n = correlations.length;
        TimelineAttribution attributions = new TimelineAttribution(n);
        if (n > 0 && rows.attributed()) {
            attributions.read(rows, correlations, read.nodes.toArray(), table);
        }
        TimelineColumns.Kernels k = new TimelineColumns.Kernels(
                read.starts.toArray(),
                read.ends.toArray(),
                read.devices.toArray(),
                read.streams.toArray(),
                correlations,
                read.names.toArray(),
                attributions.ops,
                attributions.fused,
                attributions.layers,
                attributions.steps,
                table.strings());
        return k.permuted(TimelineSelection.order(k.starts(), null));
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
    private KernelRows readKernels(boolean packed, LocalStrings table) throws SQLException {
        String k = TimelineSelection.ALIAS;
        String d = k + "." + Kernel.DEVICE_ID;
        String st = k + "." + Kernel.STREAM_ID;
        String nm = k + "." + Kernel.SHORT_NAME;
        String ids = packed
                ? "CASE WHEN " + d + " BETWEEN 0 AND 127 AND " + st + " BETWEEN 0 AND " + ((1 << 24) - 1) + " AND "
                        + nm + " BETWEEN 0 AND " + 0xFFFF_FFFFL + " THEN (" + d + " << 56) | (" + st + " << 32) | "
                        + nm + " ELSE -1 END"
                : String.join(", ", d, st, nm);
        String columns = String.join(
                ", ",
                k + "." + Kernel.START,
                k + "." + Kernel.END,
                TimelineSelection.correlation(k),
                rows.graphNode(k),
                ids);
        KernelRows r = new KernelRows();
        boolean complete = rows.eachKernel(columns, rs -> {
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

    TimelineColumns.Calls calls() throws SQLException {
        LocalStrings table = new LocalStrings(strings);
        GrowingColumns.Longs starts = new GrowingColumns.Longs(0);
        GrowingColumns.Longs ends = new GrowingColumns.Longs(0);
        GrowingColumns.Longs correlations = new GrowingColumns.Longs(0);
        GrowingColumns.Ints names = new GrowingColumns.Ints(0);
        rows.eachCall(String.join(", ", CudaApi.START, CudaApi.END, CudaApi.CORRELATION_ID, CudaApi.NAME_ID), rs -> {
            starts.add(rs.getLong(1));
            ends.add(rs.getLong(2));
            correlations.add(rs.getLong(3));
            names.add(table.byId(rs.getLong(4), "?"));
            return true;
        });
        TimelineColumns.Calls c = new TimelineColumns.Calls(
                starts.toArray(), ends.toArray(), correlations.toArray(), names.toArray(), table.strings());
        return c.permuted(TimelineSelection.order(c.starts(), null));
    }

    TimelineColumns.Ranges ranges() throws SQLException {
        LocalStrings table = new LocalStrings(strings);
        String text = rows.columnOrNull(Nvtx.TABLE, Nvtx.TEXT);
        String textId = rows.columnOrNull(Nvtx.TABLE, Nvtx.TEXT_ID);
        String category = rows.columnOrNull(Nvtx.TABLE, Nvtx.CATEGORY);
        // One JNI call per value read: an open range's end, the text id (when there is no text) and the
        // category come as plain integers with sentinels for NULL; the text is read only when needed.
        String end = "COALESCE(" + Nvtx.END + ", " + Nvtx.START + ")";
        String textKey = "CASE WHEN " + text + " IS NULL AND " + textId + " IS NOT NULL THEN " + textId + " ELSE "
                + NONE_SQL + " END";
        String level = rows.ours() ? "COALESCE(" + category + ", " + NONE_SQL + ")" : NONE_SQL;
        GrowingColumns.Longs starts = new GrowingColumns.Longs(0);
        GrowingColumns.Longs ends = new GrowingColumns.Longs(0);
        GrowingColumns.Ints categories = new GrowingColumns.Ints(0);
        GrowingColumns.Ints texts = new GrowingColumns.Ints(0);
        String index = "COALESCE(" + rows.columnOrNull(Nvtx.TABLE, Nvtx.INT64_VALUE) + ", " + NONE_SQL + ")";
        rows.eachRange(String.join(", ", Nvtx.START, end, textKey, level, text, index), rs -> {
            starts.add(rs.getLong(1));
            ends.add(rs.getLong(2));
            long id = rs.getLong(3);
            long c = rs.getLong(4);
            int cat = c == NONE || c < Integer.MIN_VALUE || c > Integer.MAX_VALUE ? NO_LEVEL : (int) c;
            categories.add(cat);
            long stored = rs.getLong(6);
            if (stored != NONE && cat != NO_LEVEL) {
                // a step or layer range stored as one name plus its index: our views show "step 7"
                String name = id != NONE ? strings.get(id, "") : rs.getString(5);
                texts.add(table.byText(RangeNames.read(name == null ? "" : name, stored, RangeLevel.ofCategory(cat))));
            } else if (id != NONE) {
                texts.add(table.byId(id, ""));
            } else {
                String t = rs.getString(5);
                texts.add(table.byText(t == null ? "" : t));
            }
            return true;
        });
        int[] cats = categories.toArray();
        RangeLevel[] levels = new RangeLevel[cats.length];
        for (int i = 0; i < cats.length; i++) {
            levels[i] = cats[i] == NO_LEVEL ? null : RangeLevel.ofCategory(cats[i]);
        }
        TimelineColumns.Ranges r =
                new TimelineColumns.Ranges(starts.toArray(), ends.toArray(), levels, texts.toArray(), table.strings());
        return r.permuted(TimelineSelection.order(r.starts(), r.ends()));
    }
}
