package org.fusescope.profiler.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.fusescope.profiler.model.ApiCall;
import org.fusescope.profiler.model.ApiKind;
import org.fusescope.profiler.model.MemcpyEvent;
import org.fusescope.profiler.model.MemcpyKind;
import org.fusescope.profiler.model.MemoryKind;
import org.fusescope.profiler.model.MemsetEvent;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.SyncEvent;
import org.fusescope.profiler.model.SyncType;
import org.fusescope.profiler.store.TraceSchema.CudaApi;
import org.fusescope.profiler.store.TraceSchema.Memcpy;
import org.fusescope.profiler.store.TraceSchema.Memset;
import org.fusescope.profiler.store.TraceSchema.Sync;

/** Reads a run's API calls, copies, sets and synchronizations (events starting in its window). */
final class ActivityQueries {
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final Connection conn;
    private final Catalog cat;
    private final RunInfo run;

    ActivityQueries(Connection conn, Catalog cat, RunInfo run) {
        this.conn = conn;
        this.cat = cat;
        this.run = run;
    }

    /** Rows of {@code table} whose {@code start} lies in the run's window; none when the table is absent. */
    <T> List<T> inWindow(String table, String where, RowMapper<T> mapper, String... columns) throws SQLException {
        List<T> out = new ArrayList<>();
        if (!cat.has(table)) {
            return out;
        }
        String sql =
                Sql.select(table, columns) + " WHERE " + CudaApi.START + " >= ? AND " + CudaApi.START + " <= ?" + where;
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setLong(1, run.startNs());
            ps.setLong(2, run.endNs());
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    T t = mapper.map(rs);
                    if (t != null) {
                        out.add(t);
                    }
                }
            }
        }
        return out;
    }

    /** The run's CUDA API calls: the rows {@link TimelineSelection#eachCall} selects, in its order. */
    static List<ApiCall> apiCalls(TimelineSelection rows, StringIdMap strings) throws SQLException {
        Integer driver = rows.driverClass();
        List<ApiCall> out = new ArrayList<>();
        String columns = String.join(
                ", ",
                CudaApi.START,
                CudaApi.END,
                CudaApi.EVENT_CLASS,
                CudaApi.GLOBAL_TID,
                CudaApi.CORRELATION_ID,
                CudaApi.NAME_ID,
                CudaApi.RETURN_VALUE);
        rows.eachCall(columns, rs -> {
            String name = strings.get(rs.getLong(6), "?");
            ApiKind kind = driver != null
                    ? (rs.getInt(3) == driver ? ApiKind.DRIVER : ApiKind.RUNTIME)
                    : (name.startsWith("cu") && !name.startsWith("cuda") ? ApiKind.DRIVER : ApiKind.RUNTIME);
            out.add(new ApiCall(rs.getLong(1), rs.getLong(2), rs.getLong(4), rs.getLong(5), name, rs.getInt(7), kind));
            return true;
        });
        return TimelineSelection.inOrder(out, ApiCall::startNs, null);
    }

    List<MemcpyEvent> memcpys() throws SQLException {
        return inWindow(
                Memcpy.TABLE,
                "",
                rs -> new MemcpyEvent(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        MemcpyKind.ofId(rs.getInt(8)),
                        memKind(rs, 9),
                        memKind(rs, 10)),
                Memcpy.START,
                Memcpy.END,
                Memcpy.DEVICE_ID,
                Memcpy.CONTEXT_ID,
                Memcpy.STREAM_ID,
                Memcpy.CORRELATION_ID,
                Memcpy.BYTES,
                Memcpy.COPY_KIND,
                Memcpy.SRC_KIND,
                Memcpy.DST_KIND);
    }

    List<MemsetEvent> memsets() throws SQLException {
        return inWindow(
                Memset.TABLE,
                "",
                rs -> new MemsetEvent(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getLong(6),
                        rs.getInt(7),
                        rs.getLong(8),
                        memKind(rs, 9)),
                Memset.START,
                Memset.END,
                Memset.DEVICE_ID,
                Memset.CONTEXT_ID,
                Memset.STREAM_ID,
                Memset.CORRELATION_ID,
                Memset.VALUE,
                Memset.BYTES,
                Memset.MEM_KIND);
    }

    List<SyncEvent> syncs() throws SQLException {
        return inWindow(
                Sync.TABLE,
                "",
                rs -> new SyncEvent(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        orMinusOne(rs, 5),
                        rs.getLong(6),
                        SyncType.ofId(rs.getInt(7)),
                        orMinusOne(rs, 8)),
                Sync.START,
                Sync.END,
                Sync.DEVICE_ID,
                Sync.CONTEXT_ID,
                Sync.STREAM_ID,
                Sync.CORRELATION_ID,
                Sync.SYNC_TYPE,
                Sync.EVENT_ID);
    }

    private static MemoryKind memKind(ResultSet rs, int col) throws SQLException {
        int id = rs.getInt(col);
        return rs.wasNull() ? MemoryKind.UNKNOWN : MemoryKind.ofId(id);
    }

    private static int orMinusOne(ResultSet rs, int col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? -1 : v;
    }
}
