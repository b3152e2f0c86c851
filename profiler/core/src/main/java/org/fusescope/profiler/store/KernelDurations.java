package org.fusescope.profiler.store;

import java.sql.SQLException;
import java.util.Objects;
import org.fusescope.profiler.store.TraceSchema.Kernel;

/**
 * The duration and short name of each kernel of a run, in no particular order: all that the timing
 * columns of a kernel summary need, read with one or two column calls per row instead of the five of
 * the timeline's kernel columns (see {@link TraceReader#kernelDurations}).
 *
 * @param names the local string table: {@code nameIds} index into it
 * @param nameIds each kernel's short name
 * @param durations each kernel's end minus start, in ns (as the file has them: a damaged row's may be
 *     negative)
 */
public record KernelDurations(String[] names, int[] nameIds, long[] durations) {
    /** Durations of up to this many ns are packed with the name id into one column per row. */
    private static final long PACKED_MAX_NS = 0xFFFF_FFFFL;

    public KernelDurations {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(nameIds, "nameIds");
        Objects.requireNonNull(durations, "durations");
        if (nameIds.length != durations.length) {
            throw new IllegalArgumentException("kernel columns differ in length: " + nameIds.length + " names, "
                    + durations.length + " durations");
        }
    }

    /** The durations of kernels given as timeline columns. */
    public static KernelDurations of(TimelineColumns.Kernels kernels) {
        long[] starts = kernels.starts();
        long[] ends = kernels.ends();
        long[] durations = new long[starts.length];
        for (int i = 0; i < durations.length; i++) {
            durations[i] = ends[i] - starts[i];
        }
        return new KernelDurations(kernels.strings(), kernels.names(), durations);
    }

    /** The number of kernels. */
    public int size() {
        return durations.length;
    }

    /** Reads the kernels that {@code rows} selects: name id and duration packed in one column where they fit. */
    static KernelDurations read(TimelineSelection rows, StringIdMap strings) throws SQLException {
        LocalStrings table = new LocalStrings(strings);
        KernelDurations packed = read(rows, table, true);
        return packed != null ? packed : read(rows, new LocalStrings(strings), false);
    }

    private static KernelDurations read(TimelineSelection rows, LocalStrings table, boolean packed)
            throws SQLException {
        String k = TimelineSelection.ALIAS;
        String start = k + "." + Kernel.START;
        String end = k + "." + Kernel.END;
        String name = k + "." + Kernel.SHORT_NAME;
        String columns = packed
                ? "CASE WHEN " + name + " BETWEEN 0 AND " + Integer.MAX_VALUE + " AND typeof(" + start
                        + ") = 'integer' AND typeof(" + end + ") = 'integer' AND " + end + " - " + start
                        + " BETWEEN 0 AND " + PACKED_MAX_NS + " THEN (" + name + " << 32) | (" + end + " - " + start
                        + ") ELSE -1 END"
                : String.join(", ", start, end, name);
        GrowingColumns.Ints names = new GrowingColumns.Ints(0);
        GrowingColumns.Longs durations = new GrowingColumns.Longs(0);
        boolean complete = rows.eachKernel(columns, rs -> {
            if (packed) {
                long v = rs.getLong(1);
                if (v < 0) {
                    return false;
                }
                names.add(table.byId(v >>> 32, "?"));
                durations.add(v & PACKED_MAX_NS);
            } else {
                names.add(table.byId(rs.getLong(3), "?"));
                durations.add(rs.getLong(2) - rs.getLong(1));
            }
            return true;
        });
        return complete ? new KernelDurations(table.strings(), names.toArray(), durations.toArray()) : null;
    }
}
