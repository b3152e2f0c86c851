package org.fusescope.profiler.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/** The kernels an overview chose, as read (each possibly several times), then ordered and each once. Not thread-safe. */
final class OverviewItems {
    /** Columns per kernel: rowid, start, end, device, correlation id, short name id, op, fused, layer, step. */
    static final int COLUMNS = 10;

    private final LocalStrings table;
    private final GrowingColumns.Longs rows = new GrowingColumns.Longs(0);
    private final GrowingColumns.Longs starts = new GrowingColumns.Longs(0);
    private final GrowingColumns.Longs ends = new GrowingColumns.Longs(0);
    private final GrowingColumns.Ints devices = new GrowingColumns.Ints(0);
    private final GrowingColumns.Ints streams = new GrowingColumns.Ints(0);
    private final GrowingColumns.Longs correlations = new GrowingColumns.Longs(0);
    private final GrowingColumns.Ints names = new GrowingColumns.Ints(0);
    private final GrowingColumns.Ints ops = new GrowingColumns.Ints(0);
    private final GrowingColumns.Ints fused = new GrowingColumns.Ints(0);
    private final GrowingColumns.Ints layers = new GrowingColumns.Ints(0);
    private final GrowingColumns.Ints steps = new GrowingColumns.Ints(0);

    OverviewItems(LocalStrings table) {
        this.table = table;
    }

    /**
     * Adds the kernel in the {@link #COLUMNS} columns of {@code rs} from {@code first} on. Its op is a
     * StringIds id (schema 2 on), the op's text (schema 1) or null without attribution; the fused flag,
     * layer and step count only with an op, as in the full read.
     */
    void add(ResultSet rs, int first, int stream) throws SQLException {
        rows.add(rs.getLong(first));
        starts.add(rs.getLong(first + 1));
        ends.add(rs.getLong(first + 2));
        devices.add(rs.getInt(first + 3));
        streams.add(stream);
        correlations.add(rs.getLong(first + 4));
        names.add(table.byId(rs.getLong(first + 5), "?"));
        Object op = rs.getObject(first + 6);
        int o = -1;
        if (op instanceof Number id) {
            o = table.byId(id.longValue(), "?");
        } else if (op != null) {
            o = table.byText(op.toString());
        }
        ops.add(o);
        fused.add(o >= 0 && rs.getInt(first + 7) != 0 ? 1 : 0);
        layers.add(o >= 0 ? rs.getInt(first + 8) : -1);
        steps.add(o >= 0 ? rs.getInt(first + 9) : -1);
    }

    /** The kernels sorted by start, then file order (rowid), each once. */
    TimelineColumns.Kernels kernels() {
        long[] r = rows.toArray();
        long[] s = starts.toArray();
        Integer[] order = new Integer[r.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> s[a] != s[b] ? Long.compare(s[a], s[b]) : Long.compare(r[a], r[b]));
        int[] once = new int[r.length];
        int n = 0;
        for (int i = 0; i < order.length; i++) {
            if (i == 0 || r[order[i]] != r[order[i - 1]]) {
                once[n++] = order[i];
            }
        }
        int[] keep = Arrays.copyOf(once, n);
        int[] f = TimelineColumns.permute(fused.toArray(), keep);
        boolean[] flags = new boolean[n];
        for (int i = 0; i < n; i++) {
            flags[i] = f[i] != 0;
        }
        return new TimelineColumns.Kernels(
                TimelineColumns.permute(s, keep),
                TimelineColumns.permute(ends.toArray(), keep),
                TimelineColumns.permute(devices.toArray(), keep),
                TimelineColumns.permute(streams.toArray(), keep),
                TimelineColumns.permute(correlations.toArray(), keep),
                TimelineColumns.permute(names.toArray(), keep),
                TimelineColumns.permute(ops.toArray(), keep),
                flags,
                TimelineColumns.permute(layers.toArray(), keep),
                TimelineColumns.permute(steps.toArray(), keep),
                table.strings());
    }
}
