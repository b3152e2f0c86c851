package org.fusescope.profiler.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.fusescope.profiler.model.ExpertCounts;
import org.fusescope.profiler.model.NumericCheck;
import org.fusescope.profiler.model.Problem;
import org.fusescope.profiler.model.RangeEvent;
import org.fusescope.profiler.store.TraceSchema.Enums;
import org.fusescope.profiler.store.TraceSchema.NumericChecks;
import org.fusescope.profiler.store.TraceSchema.Nvtx;
import org.fusescope.profiler.store.TraceSchema.Problems;

/** Writes NVTX ranges and the per-run FS_ rows (expert counts, numeric checks, problems). */
final class FsRows {
    private final WriteSession session;
    private final BatchInsert ranges;
    private final BatchInsert experts;
    private final BatchInsert checks;
    private final BatchInsert problems;
    private final int pushPopType;

    FsRows(WriteSession session) throws SQLException {
        this.session = session;
        this.ranges = session.insert(Sql.insert(
                Nvtx.TABLE,
                Nvtx.START,
                Nvtx.END,
                Nvtx.EVENT_TYPE,
                Nvtx.CATEGORY,
                Nvtx.GLOBAL_TID,
                Nvtx.END_GLOBAL_TID,
                Nvtx.TEXT_ID,
                Nvtx.INT64_VALUE));
        this.experts = session.insert(Sql.insert(
                TraceSchema.ExpertCounts.TABLE,
                TraceSchema.ExpertCounts.RUN_ID,
                TraceSchema.ExpertCounts.LAYER,
                TraceSchema.ExpertCounts.STEP,
                TraceSchema.ExpertCounts.EXPERTS,
                TraceSchema.ExpertCounts.TOKENS));
        this.checks = session.insert(Sql.insert(
                NumericChecks.TABLE,
                NumericChecks.RUN_ID,
                NumericChecks.NAME,
                NumericChecks.LAYER,
                NumericChecks.STEP,
                NumericChecks.MAX_ABS,
                NumericChecks.REL_NORM,
                NumericChecks.TOLERANCE));
        this.problems = session.insert(Sql.insert(
                Problems.TABLE,
                Problems.RUN_ID,
                Problems.SEVERITY,
                Problems.CODE,
                Problems.MESSAGE,
                Problems.LAYER,
                Problems.STEP,
                Problems.TIME_NS));
        this.pushPopType = EnumRows.idOf(session.connection(), Enums.EVENT_TYPE, Enums.NVTX_PUSH_POP_RANGE);
    }

    void add(RangeEvent r) throws SQLException {
        PreparedStatement ps = ranges.row();
        ps.setLong(1, r.startNs());
        ps.setLong(2, r.endNs());
        ps.setInt(3, pushPopType);
        if (r.level() == null) {
            ps.setNull(4, Types.INTEGER);
        } else {
            ps.setInt(4, r.level().category());
        }
        ps.setLong(5, r.globalTid());
        // nsys sets endGlobalTid only for start/end ranges; its NVTX projection reports skip push/pop ranges
        // that carry one (they would count as ended on another thread)
        ps.setNull(6, Types.BIGINT);
        RangeNames.Stored name = RangeNames.store(r.text(), r.level());
        ps.setLong(7, session.stringId(name.name()));
        if (name.index() == null) {
            ps.setNull(8, Types.BIGINT);
        } else {
            ps.setLong(8, name.index());
        }
        session.counted(ranges.add());
    }

    void add(long runId, ExpertCounts c) throws SQLException {
        PreparedStatement ps = experts.row();
        ps.setLong(1, runId);
        ps.setInt(2, c.layer());
        ps.setInt(3, c.step());
        ps.setInt(4, c.experts());
        ps.setBytes(5, Varints.encode(c));
        session.counted(experts.add());
    }

    void add(long runId, NumericCheck c) throws SQLException {
        PreparedStatement ps = checks.row();
        ps.setLong(1, runId);
        ps.setString(2, c.name());
        ps.setInt(3, c.layer());
        ps.setInt(4, c.step());
        ps.setDouble(5, c.maxAbs()); // SQLite stores NaN as NULL; the reader maps it back
        ps.setDouble(6, c.relNorm());
        ps.setDouble(7, c.tolerance());
        session.counted(checks.add());
    }

    void add(long runId, Problem p) throws SQLException {
        PreparedStatement ps = problems.row();
        ps.setLong(1, runId);
        ps.setString(2, p.severity().name());
        ps.setString(3, p.code());
        ps.setString(4, p.message());
        ps.setInt(5, p.layer());
        ps.setInt(6, p.step());
        ps.setLong(7, p.timeNs());
        session.counted(problems.add());
    }
}
