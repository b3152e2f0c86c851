package org.fusescope.profiler.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fusescope.profiler.model.Dim3;
import org.fusescope.profiler.model.KernelAttribution;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.store.TraceSchema.Attribution;
import org.fusescope.profiler.store.TraceSchema.Kernel;

/** Reads a run's kernels with their attribution, in one pass over the kernel table. */
final class KernelQuery {
    private KernelQuery() {}

    static List<KernelEvent> load(Connection conn, Catalog cat, StringIdMap strings, RunInfo run, boolean ours)
            throws SQLException {
        List<KernelEvent> out = new ArrayList<>();
        if (!cat.has(Kernel.TABLE)) {
            return out;
        }
        String node = "COALESCE(" + cat.column("k", Kernel.TABLE, Kernel.GRAPH_NODE_ID, "0") + ", 0)";
        boolean attributed = ours && cat.has(Attribution.TABLE);
        StringBuilder sql = new StringBuilder("SELECT ")
                .append(String.join(
                        ", ",
                        Sql.qualified(
                                "k",
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
                                Kernel.LOCAL_MEMORY_TOTAL)))
                .append(", ")
                .append(node);
        if (attributed) {
            sql.append(", ")
                    .append(String.join(
                            ", ",
                            Sql.qualified(
                                    "a",
                                    Attribution.OP,
                                    Attribution.FUSION_GROUP,
                                    Attribution.FUSED,
                                    Attribution.LAYER,
                                    Attribution.STEP,
                                    Attribution.BYTES_READ,
                                    Attribution.BYTES_WRITTEN,
                                    Attribution.FLOPS)));
        }
        sql.append(" FROM ").append(Kernel.TABLE).append(" k");
        if (attributed) {
            // SQLite builds a transient index for this join when the file has none (a crashed recording)
            sql.append(" LEFT JOIN ")
                    .append(Attribution.TABLE)
                    .append(" a ON a.")
                    .append(Attribution.RUN_ID)
                    .append(" = ? AND a.")
                    .append(Attribution.CORRELATION_ID)
                    .append(" = k.")
                    .append(Kernel.CORRELATION_ID)
                    .append(" AND a.")
                    .append(Attribution.GRAPH_NODE_ID)
                    .append(" = ")
                    .append(node);
        }
        sql.append(" WHERE k.")
                .append(Kernel.START)
                .append(" >= ? AND k.")
                .append(Kernel.START)
                .append(" <= ?");
        Map<String, String> canonical = new HashMap<>();
        try (PreparedStatement ps = conn.prepareStatement(sql.toString())) {
            int p = 1;
            if (attributed) {
                ps.setLong(p++, run.id());
            }
            ps.setLong(p++, run.startNs());
            ps.setLong(p, run.endNs());
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(kernel(rs, strings, attributed ? attribution(rs, strings, canonical) : null));
                }
            }
        }
        return out;
    }

    private static KernelEvent kernel(ResultSet rs, StringIdMap strings, KernelAttribution a) throws SQLException {
        String name = strings.get(rs.getLong(7), "?");
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

    private static KernelAttribution attribution(ResultSet rs, StringIdMap strings, Map<String, String> canonical)
            throws SQLException {
        String op = text(rs, 20, strings);
        if (op == null) {
            return null;
        }
        // a million kernels name a few dozen ops: share the strings
        return new KernelAttribution(
                canonical.computeIfAbsent(op, s -> s),
                canonical.computeIfAbsent(text(rs, 21, strings), s -> s),
                rs.getInt(22) != 0,
                rs.getInt(23),
                rs.getInt(24),
                rs.getLong(25),
                rs.getLong(26),
                rs.getLong(27));
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
