package org.fusescope.profiler.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fusescope.profiler.model.ApiCall;
import org.fusescope.profiler.model.ApiKind;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.store.TraceSchema.CudaApi;
import org.fusescope.profiler.store.TraceSchema.Enums;

/**
 * Writes CUPTI_ACTIVITY_KIND_RUNTIME rows and keeps the promise that readers joining kernels to
 * runtime rows with an inner join see every committed kernel exactly once: at most one row per
 * non-zero correlationId, and a synthesized launch for each kernel whose API call has not come.
 *
 * <p>The rule: at every commit, each kernel correlationId without a runtime row gets a synthesized
 * zero-length driver call (see {@link #synthesizeMissing}). When the real call arrives later, the
 * synthesized row is <em>replaced in place</em> (an UPDATE of that row) by the real call, so the
 * correlationId still has exactly one runtime row. A second real call with an id that already has
 * a real row is kept but detached (NULL correlationId), as before.
 */
final class ApiRows {
    /** Thread id (low 24 bits) of the placeholder thread that synthesized launches run on. */
    static final long SYNTHETIC_TID = 0xFFFFFF;

    static final String SYNTHETIC_THREAD_NAME = "[FuseScope: launches not recorded]";

    private static final String[] COLUMNS = {
        CudaApi.START,
        CudaApi.END,
        CudaApi.EVENT_CLASS,
        CudaApi.GLOBAL_TID,
        CudaApi.CORRELATION_ID,
        CudaApi.NAME_ID,
        CudaApi.RETURN_VALUE
    };

    private final WriteSession session;
    private final ProcessRows processes;
    private final BatchInsert rows;
    private final BatchInsert replacements;
    private final int runtimeClass;
    private final int driverClass;
    private final LongSet written = new LongSet();
    /** Kernel correlationId → {start (ns) of its earliest kernel, graphNodeId}, until it has a row. */
    private final Map<Long, long[]> unlaunched = new LinkedHashMap<>();
    /** correlationId → rowid of its synthesized launch, replaced when the real call comes. */
    private final Map<Long, Long> synthesized = new HashMap<>();

    ApiRows(WriteSession session, ProcessRows processes) throws SQLException {
        this.session = session;
        this.processes = processes;
        this.rows = session.insert(Sql.insert(CudaApi.TABLE, COLUMNS));
        this.replacements = session.insert(
                "UPDATE " + CudaApi.TABLE + " SET " + String.join(" = ?, ", COLUMNS) + " = ? WHERE rowid = ?");
        this.runtimeClass = EnumRows.idOf(session.connection(), Enums.EVENT_CLASS, Enums.CLASS_CUDA_RUNTIME);
        this.driverClass = EnumRows.idOf(session.connection(), Enums.EVENT_CLASS, Enums.CLASS_CUDA_DRIVER);
        session.onFlush(this::synthesizeMissing);
    }

    void add(ApiCall c) throws SQLException {
        long corr = c.correlationId();
        int eventClass = c.kind() == ApiKind.DRIVER ? driverClass : runtimeClass;
        long nameId = session.stringId(c.name());
        Long placeholder = corr == 0 ? null : synthesized.remove(corr);
        if (placeholder != null) {
            bind(replacements.row(), c.startNs(), c.endNs(), eventClass, c.globalTid(), corr, nameId, c.returnValue());
            replacements.row().setLong(COLUMNS.length + 1, placeholder);
            session.counted(replacements.add());
            return;
        }
        // A second call with the same id would multiply kernels in inner joins; CUPTI never does
        // that, so such a call is kept but detached from its GPU work (NULL correlationId).
        boolean attach = corr == 0 || written.add(corr);
        if (corr != 0 && attach) {
            unlaunched.remove(corr);
        }
        bind(
                rows.row(),
                c.startNs(),
                c.endNs(),
                eventClass,
                c.globalTid(),
                attach ? corr : null,
                nameId,
                c.returnValue());
        session.counted(rows.add());
    }

    /** Notes a kernel; its launch is synthesized at the next commit unless its call comes first. */
    void kernel(KernelEvent k) {
        long corr = k.correlationId();
        if (!written.contains(corr)) {
            long[] start = unlaunched.computeIfAbsent(corr, c -> new long[] {k.startNs(), k.graphNodeId()});
            start[0] = Math.min(start[0], k.startNs());
        }
    }

    /**
     * Runs before every commit: writes a zero-length driver call at the kernel's start ({@code
     * cuLaunchKernel}, or {@code cuGraphLaunch} for graph kernels) on the placeholder thread {@code
     * globalPid | SYNTHETIC_TID} for every kernel correlationId still without a runtime row, with
     * explicit rowids so that a late real call can replace it.
     */
    void synthesizeMissing() throws SQLException {
        if (unlaunched.isEmpty()) {
            return;
        }
        rows.execute(); // real rows first, so that max(rowid) below is final
        long rowid;
        try (Statement st = session.connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(rowid), 0) FROM " + CudaApi.TABLE)) {
            rowid = rs.next() ? rs.getLong(1) : 0;
        }
        long tid = processes.globalPid() | SYNTHETIC_TID;
        processes.threadName(tid, SYNTHETIC_THREAD_NAME);
        String[] withRowid = new String[COLUMNS.length + 1];
        System.arraycopy(COLUMNS, 0, withRowid, 0, COLUMNS.length);
        withRowid[COLUMNS.length] = "rowid";
        try (PreparedStatement ps = session.connection().prepareStatement(Sql.insert(CudaApi.TABLE, withRowid))) {
            for (Map.Entry<Long, long[]> e : unlaunched.entrySet()) {
                long start = e.getValue()[0];
                String name = e.getValue()[1] != 0 ? "cuGraphLaunch" : "cuLaunchKernel";
                written.add(e.getKey());
                bind(ps, start, start, driverClass, tid, e.getKey(), session.stringId(name), 0);
                ps.setLong(COLUMNS.length + 1, ++rowid);
                synthesized.put(e.getKey(), rowid);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        unlaunched.clear();
    }

    private static void bind(
            PreparedStatement ps, long start, long end, int eventClass, long globalTid, Long corr, long nameId, int ret)
            throws SQLException {
        ps.setLong(1, start);
        ps.setLong(2, end);
        ps.setInt(3, eventClass);
        ps.setLong(4, globalTid);
        if (corr == null) {
            ps.setNull(5, Types.INTEGER);
        } else {
            ps.setLong(5, corr);
        }
        ps.setLong(6, nameId);
        ps.setInt(7, ret);
    }
}
