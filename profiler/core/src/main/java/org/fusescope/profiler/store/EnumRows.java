package org.fusescope.profiler.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fusescope.profiler.model.MemcpyKind;
import org.fusescope.profiler.model.MemoryKind;
import org.fusescope.profiler.model.SyncType;
import org.fusescope.profiler.store.TraceSchema.Enums;

/** The ENUM_* tables and their rows, with ids, names and labels as nsys writes them. */
final class EnumRows {
    private EnumRows() {}

    record Row(int id, String name, String label) {}

    static Map<String, List<Row>> tables() {
        Map<String, List<Row>> t = new LinkedHashMap<>();
        List<Row> memcpy = new ArrayList<>();
        for (MemcpyKind k : MemcpyKind.values()) {
            memcpy.add(new Row(k.id(), "CUDA_MEMCPY_KIND_" + k.name(), k.label()));
        }
        t.put(Enums.MEMCPY_OPER, memcpy);
        List<Row> mem = new ArrayList<>();
        for (MemoryKind k : MemoryKind.values()) {
            mem.add(new Row(k.id(), "CUDA_MEMOPR_MEMORY_KIND_" + k.name(), k.label()));
        }
        t.put(Enums.MEM_KIND, mem);
        List<Row> sync = new ArrayList<>();
        for (SyncType s : SyncType.values()) {
            sync.add(new Row(s.id(), "CUPTI_ACTIVITY_SYNCHRONIZATION_TYPE_" + s.name(), s.label()));
        }
        t.put(Enums.SYNC_TYPE, sync);
        t.put(
                Enums.EVENT_TYPE,
                List.of(
                        new Row(33, "NvtxCategory", "NVTX category"),
                        new Row(34, "NvtxMark", "NVTX mark"),
                        new Row(39, "NvtxThread", "NVTX thread"),
                        new Row(59, Enums.NVTX_PUSH_POP_RANGE, "NVTX push/pop range"),
                        new Row(60, Enums.NVTX_START_END_RANGE, "NVTX start/end range"),
                        new Row(75, "NvtxDomainCreate", "NVTX domain create"),
                        new Row(76, "NvtxDomainDestroy", "NVTX domain destroy")));
        t.put(
                Enums.EVENT_CLASS,
                List.of(
                        new Row(0, Enums.CLASS_CUDA_RUNTIME, "CUDA runtime"),
                        new Row(1, Enums.CLASS_CUDA_DRIVER, "CUDA driver"),
                        new Row(28, "TRACE_PROCESS_EVENT_CUDNN", "cuDNN"),
                        new Row(29, "TRACE_PROCESS_EVENT_CUBLAS", "cuBLAS")));
        t.put(
                Enums.KERNEL_LAUNCH_TYPE,
                List.of(
                        new Row(0, "CUDA_KERNEL_LAUNCH_TYPE_REGULAR", "Regular"),
                        new Row(1, "CUDA_KERNEL_LAUNCH_TYPE_COOPERATIVE_SINGLE_DEVICE", "Cooperative single"),
                        new Row(2, "CUDA_KERNEL_LAUNCH_TYPE_COOPERATIVE_MULTI_DEVICE", "Cooperative multi")));
        t.put(
                Enums.FUNC_CACHE_CONFIG,
                List.of(
                        new Row(0, "CUDA_FUNC_CACHE_PREFER_NONE", "No preference"),
                        new Row(1, "CUDA_FUNC_CACHE_PREFER_SHARED", "Prefer shared"),
                        new Row(2, "CUDA_FUNC_CACHE_PREFER_L1", "Prefer L1"),
                        new Row(3, "CUDA_FUNC_CACHE_PREFER_EQUAL", "Prefer equal")));
        return t;
    }

    static List<String> createTables() {
        List<String> ddl = new ArrayList<>();
        for (String table : tables().keySet()) {
            ddl.add(Sql.createTable(
                    table, Enums.ID + " INTEGER PRIMARY KEY", Enums.NAME + Sql.TEXT, Enums.LABEL + Sql.TEXT));
        }
        return ddl;
    }

    static void insertAll(Connection conn) throws SQLException {
        for (Map.Entry<String, List<Row>> e : tables().entrySet()) {
            try (PreparedStatement ps =
                    conn.prepareStatement(Sql.insert(e.getKey(), Enums.ID, Enums.NAME, Enums.LABEL))) {
                for (Row r : e.getValue()) {
                    ps.setInt(1, r.id());
                    ps.setString(2, r.name());
                    ps.setString(3, r.label());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /** The id of the row named {@code name} in an ENUM table, or null when the file has none. */
    static Integer idOf(Connection conn, String table, String name) throws SQLException {
        String sql = Sql.select(table, Enums.ID) + " WHERE " + Enums.NAME + " = ?";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : null;
            }
        }
    }
}
