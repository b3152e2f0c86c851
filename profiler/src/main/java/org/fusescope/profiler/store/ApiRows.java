package org.fusescope.profiler.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fusescope.profiler.model.ApiCall;
import org.fusescope.profiler.model.ApiKind;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.store.TraceSchema.CudaApi;
import org.fusescope.profiler.store.TraceSchema.Enums;

/**
 * Writes CUPTI_ACTIVITY_KIND_RUNTIME rows and keeps the promise that readers joining kernels to
 * runtime rows with an inner join see every kernel exactly once: at most one row per non-zero
 * correlationId, and a synthesized launch for each kernel whose API call never came.
 */
final class ApiRows {
    /** Thread id (low 24 bits) of the placeholder thread that synthesized launches run on. */
    static final long SYNTHETIC_TID = 0xFFFFFF;

    static final String SYNTHETIC_THREAD_NAME = "[FuseScope: launches not recorded]";

    private final WriteSession session;
    private final BatchInsert rows;
    private final int runtimeClass;
    private final int driverClass;
    private final LongSet written = new LongSet();
    /** Kernel correlationId → start (ns) of its earliest kernel, until its API call arrives. */
    private final Map<Long, long[]> unlaunched = new LinkedHashMap<>();

    ApiRows(WriteSession session) throws SQLException {
        this.session = session;
        this.rows = session.insert(Sql.insert(
                CudaApi.TABLE,
                CudaApi.START,
                CudaApi.END,
                CudaApi.EVENT_CLASS,
                CudaApi.GLOBAL_TID,
                CudaApi.CORRELATION_ID,
                CudaApi.NAME_ID,
                CudaApi.RETURN_VALUE));
        this.runtimeClass = EnumRows.idOf(session.connection(), Enums.EVENT_CLASS, Enums.CLASS_CUDA_RUNTIME);
        this.driverClass = EnumRows.idOf(session.connection(), Enums.EVENT_CLASS, Enums.CLASS_CUDA_DRIVER);
    }

    void add(ApiCall c) throws SQLException {
        long corr = c.correlationId();
        // A second call with the same id would multiply kernels in inner joins; CUPTI never does
        // that, so such a call is kept but detached from its GPU work (NULL correlationId).
        boolean attach = corr == 0 || written.add(corr);
        if (corr != 0 && attach) {
            unlaunched.remove(corr);
        }
        write(
                c.startNs(),
                c.endNs(),
                c.kind() == ApiKind.DRIVER ? driverClass : runtimeClass,
                c.globalTid(),
                attach ? corr : null,
                session.stringId(c.name()),
                c.returnValue());
    }

    /** Notes a kernel; its launch is synthesized at {@link #synthesizeMissing} unless its call comes. */
    void kernel(KernelEvent k) {
        long corr = k.correlationId();
        if (!written.contains(corr)) {
            long[] start = unlaunched.computeIfAbsent(corr, c -> new long[] {k.startNs(), k.graphNodeId()});
            start[0] = Math.min(start[0], k.startNs());
        }
    }

    /**
     * Writes a zero-length driver call at the kernel's start ({@code cuLaunchKernel}, or {@code
     * cuGraphLaunch} for graph kernels) on the placeholder thread {@code globalPid | SYNTHETIC_TID}
     * for every kernel still without one. Returns how many were written.
     */
    int synthesizeMissing(long globalPid) throws SQLException {
        int n = 0;
        for (Map.Entry<Long, long[]> e : unlaunched.entrySet()) {
            long start = e.getValue()[0];
            String name = e.getValue()[1] != 0 ? "cuGraphLaunch" : "cuLaunchKernel";
            written.add(e.getKey());
            write(start, start, driverClass, globalPid | SYNTHETIC_TID, e.getKey(), session.stringId(name), 0);
            n++;
        }
        unlaunched.clear();
        return n;
    }

    private void write(long start, long end, int eventClass, long globalTid, Long corr, long nameId, int ret)
            throws SQLException {
        PreparedStatement ps = rows.row();
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
        session.counted(rows.add());
    }
}
