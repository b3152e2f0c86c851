package org.fusescope.profiler.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fusescope.profiler.model.Dim3;
import org.fusescope.profiler.model.KernelAttribution;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.store.TraceSchema.Attribution;
import org.fusescope.profiler.store.TraceSchema.Kernel;

/**
 * Reads a run's kernels as objects, with their attribution: the rows {@link TimelineSelection}
 * selects, in its order, each with the attribution row {@link AttributionJoin} finds for it (as the
 * timeline's columns get theirs).
 */
final class KernelQuery {
    private static final String[] KERNEL_COLUMNS = {
        Kernel.START,
        Kernel.END,
        Kernel.DEVICE_ID,
        Kernel.CONTEXT_ID,
        Kernel.STREAM_ID,
        Kernel.CORRELATION_ID,
        Kernel.SHORT_NAME,
        Kernel.DEMANGLED_NAME,
        Kernel.GRID_X,
        Kernel.GRID_Y,
        Kernel.GRID_Z,
        Kernel.BLOCK_X,
        Kernel.BLOCK_Y,
        Kernel.BLOCK_Z,
        Kernel.REGISTERS_PER_THREAD,
        Kernel.STATIC_SHARED_MEMORY,
        Kernel.DYNAMIC_SHARED_MEMORY,
        Kernel.LOCAL_MEMORY_TOTAL
    };

    private KernelQuery() {}

    static List<KernelEvent> load(TimelineSelection rows, StringIdMap strings) throws SQLException {
        Attributions attributions = readAttributions(rows, strings);
        String k = TimelineSelection.ALIAS;
        String[] qualified = Sql.qualified(k, KERNEL_COLUMNS);
        qualified[5] = TimelineSelection.correlation(k);
        String columns = String.join(", ", qualified) + ", " + rows.graphNode(k);
        List<KernelEvent> out = new ArrayList<>();
        rows.eachKernel(columns, rs -> {
            int hit = attributions.join.rowOf(rs.getLong(6), rs.getLong(19));
            out.add(kernel(rs, strings, hit < 0 ? null : attributions.values.get(hit)));
            return true;
        });
        return TimelineSelection.inOrder(out, KernelEvent::startNs, null);
    }

    /** The run's attribution rows (null where a row has no op), and the join that finds a kernel's. */
    private record Attributions(AttributionJoin join, List<KernelAttribution> values) {}

    private static Attributions readAttributions(TimelineSelection rows, StringIdMap strings) throws SQLException {
        GrowingColumns.Longs corr = new GrowingColumns.Longs(0);
        GrowingColumns.Longs node = new GrowingColumns.Longs(0);
        List<KernelAttribution> values = new ArrayList<>();
        // a million kernels name a few dozen ops: share the strings
        Map<String, String> canonical = new HashMap<>();
        String columns = String.join(
                ", ",
                Attribution.OP,
                Attribution.FUSION_GROUP,
                Attribution.FUSED,
                Attribution.LAYER,
                Attribution.STEP,
                Attribution.BYTES_READ,
                Attribution.BYTES_WRITTEN,
                Attribution.FLOPS);
        rows.eachAttribution(columns, rs -> {
            corr.add(rs.getLong(1));
            node.add(rs.getLong(2));
            values.add(attribution(rs, strings, canonical));
            return true;
        });
        return new Attributions(new AttributionJoin(corr.toArray(), node.toArray()), values);
    }

    private static KernelEvent kernel(ResultSet rs, StringIdMap strings, KernelAttribution a) throws SQLException {
        try {
            return kernelOrRefused(rs, strings, a);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    Kernel.TABLE + " row of correlationId " + rs.getLong(6) + ": " + e.getMessage(), e);
        }
    }

    private static KernelEvent kernelOrRefused(ResultSet rs, StringIdMap strings, KernelAttribution a)
            throws SQLException {
        long nameId = rs.getLong(7);
        String name = rs.wasNull() ? "?" : strings.get(nameId, "?"); // not string 0: DataChecks counts these
        return new KernelEvent(
                rs.getLong(1),
                rs.getLong(2),
                rs.getInt(3),
                rs.getInt(4),
                rs.getInt(5),
                rs.getLong(6),
                name,
                strings.get(rs.getLong(8), name),
                new Dim3(rs.getInt(9), rs.getInt(10), rs.getInt(11)),
                new Dim3(rs.getInt(12), rs.getInt(13), rs.getInt(14)),
                rs.getInt(15),
                rs.getInt(16),
                rs.getInt(17),
                rs.getLong(18),
                rs.getLong(19),
                a);
    }

    /** The attribution in columns 3 to 10, or null when the row has no op. */
    private static KernelAttribution attribution(ResultSet rs, StringIdMap strings, Map<String, String> canonical)
            throws SQLException {
        String op = text(rs, 3, strings);
        if (op == null) {
            return null;
        }
        return new KernelAttribution(
                canonical.computeIfAbsent(op, s -> s),
                canonical.computeIfAbsent(text(rs, 4, strings), s -> s),
                rs.getInt(5) != 0,
                rs.getInt(6),
                rs.getInt(7),
                rs.getLong(8),
                rs.getLong(9),
                rs.getLong(10));
    }

    /** op and fusionGroup: a StringIds id since schema 2, the text itself in schema 1. */
    private static String text(ResultSet rs, int column, StringIdMap strings) throws SQLException {
        Object v = rs.getObject(column);
        if (v instanceof Number id) {
            return strings.get(id.longValue(), "?");
        }
        return v == null ? null : v.toString();
    }
}
