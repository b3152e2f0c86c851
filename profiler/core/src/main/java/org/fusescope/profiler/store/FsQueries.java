package org.fusescope.profiler.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fusescope.profiler.model.NumericCheck;
import org.fusescope.profiler.model.Problem;
import org.fusescope.profiler.model.RangeEvent;
import org.fusescope.profiler.model.RangeLevel;
import org.fusescope.profiler.model.Severity;
import org.fusescope.profiler.store.TraceSchema.NumericChecks;
import org.fusescope.profiler.store.TraceSchema.Nvtx;
import org.fusescope.profiler.store.TraceSchema.Problems;
import org.fusescope.profiler.store.TraceSchema.ThreadNames;

/** Reads NVTX ranges, thread names and the per-run FS_ tables. */
final class FsQueries {
    private FsQueries() {}

    /** The run's NVTX ranges: the rows {@link TimelineSelection#eachRange} selects, in its order. */
    static List<RangeEvent> ranges(TimelineSelection rows, StringIdMap strings) throws SQLException {
        String columns = String.join(
                ", ",
                Nvtx.START,
                Nvtx.END,
                rows.columnOrNull(Nvtx.TABLE, Nvtx.TEXT),
                rows.columnOrNull(Nvtx.TABLE, Nvtx.TEXT_ID),
                rows.columnOrNull(Nvtx.TABLE, Nvtx.CATEGORY),
                Nvtx.GLOBAL_TID,
                rows.columnOrNull(Nvtx.TABLE, Nvtx.INT64_VALUE));
        List<RangeEvent> out = new ArrayList<>();
        rows.eachRange(columns, rs -> {
            long start = rs.getLong(1);
            long end = rs.getLong(2);
            end = rs.wasNull() ? start : end; // a range never closed
            String t = rs.getString(3);
            long id = rs.getLong(4);
            if (t == null && !rs.wasNull()) {
                t = strings.get(id, "");
            }
            int category = rs.getInt(5);
            RangeLevel level = rows.ours() && !rs.wasNull() ? RangeLevel.ofCategory(category) : null;
            long tid = rs.getLong(6);
            long index = rs.getLong(7);
            t = RangeNames.read(t, rs.wasNull() ? null : index, level);
            out.add(new RangeEvent(start, end, t, level, tid));
            return true;
        });
        return TimelineSelection.inOrder(out, RangeEvent::startNs, RangeEvent::endNs);
    }

    static Map<Long, String> threadNames(Connection conn, Catalog cat, StringIdMap strings, boolean ours)
            throws SQLException {
        Map<Long, String> out = new HashMap<>();
        if (cat.has(ThreadNames.TABLE)) {
            try (Statement st = conn.createStatement();
                    ResultSet rs = st.executeQuery(
                            Sql.select(ThreadNames.TABLE, ThreadNames.GLOBAL_TID, ThreadNames.NAME_ID))) {
                while (rs.next()) {
                    long tid = rs.getLong(1);
                    if (!(ours && (tid & ApiRows.SYNTHETIC_TID) == ApiRows.SYNTHETIC_TID)) {
                        out.put(tid, strings.get(rs.getLong(2), ""));
                    }
                }
            }
        }
        return out;
    }

    static List<NumericCheck> checks(Connection conn, long runId) throws SQLException {
        String sql = Sql.select(
                        NumericChecks.TABLE,
                        NumericChecks.NAME,
                        NumericChecks.LAYER,
                        NumericChecks.STEP,
                        NumericChecks.MAX_ABS,
                        NumericChecks.REL_NORM,
                        NumericChecks.TOLERANCE)
                + " WHERE " + NumericChecks.RUN_ID + " = ? ORDER BY rowid";
        return byRun(
                conn,
                sql,
                runId,
                rs -> new NumericCheck(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getInt(3),
                        RunQueries.orNaN(rs, 4),
                        RunQueries.orNaN(rs, 5),
                        RunQueries.orNaN(rs, 6)));
    }

    static List<Problem> problems(Connection conn, long runId) throws SQLException {
        String sql = Sql.select(
                        Problems.TABLE,
                        Problems.SEVERITY,
                        Problems.CODE,
                        Problems.MESSAGE,
                        Problems.LAYER,
                        Problems.STEP,
                        Problems.TIME_NS)
                + " WHERE " + Problems.RUN_ID + " = ? ORDER BY rowid";
        return byRun(
                conn,
                sql,
                runId,
                rs -> new Problem(
                        Severity.valueOf(rs.getString(1)),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getLong(6)));
    }

    private static <T> List<T> byRun(Connection conn, String sql, long runId, ActivityQueries.RowMapper<T> mapper)
            throws SQLException {
        List<T> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
        }
        return out;
    }
}
