package org.fusescope.profiler.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.fusescope.profiler.model.KernelAttribution;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.store.TraceSchema.Attribution;
import org.fusescope.profiler.store.TraceSchema.Kernel;

/** Writes kernel rows and their FS_KERNEL_ATTRIBUTION rows. */
final class KernelRows {
    static final String[] KERNEL_COLUMNS = {
        Kernel.START,
        Kernel.END,
        Kernel.DEVICE_ID,
        Kernel.CONTEXT_ID,
        Kernel.STREAM_ID,
        Kernel.CORRELATION_ID,
        Kernel.GLOBAL_PID,
        Kernel.DEMANGLED_NAME,
        Kernel.SHORT_NAME,
        Kernel.REGISTERS_PER_THREAD,
        Kernel.GRID_X,
        Kernel.GRID_Y,
        Kernel.GRID_Z,
        Kernel.BLOCK_X,
        Kernel.BLOCK_Y,
        Kernel.BLOCK_Z,
        Kernel.STATIC_SHARED_MEMORY,
        Kernel.DYNAMIC_SHARED_MEMORY,
        Kernel.LOCAL_MEMORY_TOTAL,
        Kernel.GRID_ID,
        Kernel.GRAPH_NODE_ID
    };
    /**
     * Columns written as SQL literals, not bound: a regular launch (the model has no cooperative
     * kernels), no cache preference, and localMemoryPerThread 0 (CUPTI reports only the total, which
     * the model keeps).
     */
    private static final String[][] KERNEL_CONSTANTS = {
        {Kernel.LAUNCH_TYPE, "0"}, {Kernel.CACHE_CONFIG, "0"}, {Kernel.LOCAL_MEMORY_PER_THREAD, "0"}
    };

    static final String[] ATTRIBUTION_COLUMNS = {
        Attribution.RUN_ID,
        Attribution.CORRELATION_ID,
        Attribution.GRAPH_NODE_ID,
        Attribution.OP,
        Attribution.FUSION_GROUP,
        Attribution.FUSED,
        Attribution.LAYER,
        Attribution.STEP,
        Attribution.BYTES_READ,
        Attribution.BYTES_WRITTEN,
        Attribution.FLOPS
    };

    private final WriteSession session;
    /**
     * Kernels per multi-row INSERT: fewer JDBC batch entries and SQLite steps per kernel
     * (benchmarks/store.md compares 32 and 128). Kernels held when a commit comes are written one row
     * per statement.
     */
    private static final int ROWS = 128;

    private final BatchInsert kernels;
    private final BatchInsert kernelBlocks;
    private final BatchInsert attributions;
    private final BatchInsert attributionBlocks;
    private final KernelEvent[] heldKernels = new KernelEvent[ROWS];
    private final long[] heldPids = new long[ROWS];
    private final long[] heldShortNames = new long[ROWS];
    private final long[] heldDemangledNames = new long[ROWS];
    private final KernelEvent[] heldAttributed = new KernelEvent[ROWS];
    private final long[] heldOps = new long[ROWS];
    private final long[] heldGroups = new long[ROWS];
    private long heldRunId;
    private int held;
    private int heldAttributions;
    private long gridId;

    KernelRows(WriteSession session) throws SQLException {
        this.session = session;
        this.kernels = session.insert(Sql.insertRows(1, Kernel.TABLE, KERNEL_COLUMNS, KERNEL_CONSTANTS));
        this.kernelBlocks = session.insert(Sql.insertRows(ROWS, Kernel.TABLE, KERNEL_COLUMNS, KERNEL_CONSTANTS));
        this.attributions = session.insert(Sql.insertRows(1, Attribution.TABLE, ATTRIBUTION_COLUMNS));
        this.attributionBlocks = session.insert(Sql.insertRows(ROWS, Attribution.TABLE, ATTRIBUTION_COLUMNS));
        session.onFlush(this::drain);
    }

    void add(long runId, KernelEvent k, long globalPid) throws SQLException {
        if ((held > 0 || heldAttributions > 0) && runId != heldRunId) {
            drain();
        }
        // resolved before holding: interning may commit, and a commit drains what is held
        long shortName = session.stringId(k.name());
        long demangled = k.demangledName().equals(k.name()) ? shortName : session.stringId(k.demangledName());
        KernelAttribution a = k.attribution();
        long op = a == null ? 0 : session.stringId(a.op());
        long group = a == null ? 0 : session.stringId(a.fusionGroup());
        heldRunId = runId;
        heldShortNames[held] = shortName;
        heldDemangledNames[held] = demangled;
        heldPids[held] = globalPid;
        heldKernels[held++] = k;
        if (held == ROWS) {
            for (int i = 0; i < ROWS; i++) {
                bindKernel(kernelBlocks.row(), i * KERNEL_COLUMNS.length, i);
            }
            kernelBlocks.add();
            held = 0;
        }
        if (a != null) {
            heldOps[heldAttributions] = op;
            heldGroups[heldAttributions] = group;
            heldAttributed[heldAttributions++] = k;
            if (heldAttributions == ROWS) {
                for (int i = 0; i < ROWS; i++) {
                    bindAttribution(attributionBlocks.row(), i * ATTRIBUTION_COLUMNS.length, runId, i);
                }
                attributionBlocks.add();
                heldAttributions = 0;
            }
        }
        session.counted(a != null ? 2 : 1);
    }

    /**
     * Writes what is held: the queued blocks first, then the held rows one per statement, so that
     * rows reach the file in the order they were given.
     */
    void drain() throws SQLException {
        kernelBlocks.execute();
        attributionBlocks.execute();
        for (int i = 0; i < held; i++) {
            bindKernel(kernels.row(), 0, i);
            kernels.add();
        }
        for (int i = 0; i < heldAttributions; i++) {
            bindAttribution(attributions.row(), 0, heldRunId, i);
            attributions.add();
        }
        kernels.execute();
        attributions.execute();
        held = 0;
        heldAttributions = 0;
    }

    private void bindKernel(PreparedStatement ps, int o, int i) throws SQLException {
        KernelEvent k = heldKernels[i];
        ps.setLong(o + 1, k.startNs());
        ps.setLong(o + 2, k.endNs());
        ps.setInt(o + 3, k.deviceId());
        ps.setInt(o + 4, k.contextId());
        ps.setInt(o + 5, k.streamId());
        ps.setLong(o + 6, k.correlationId());
        ps.setLong(o + 7, heldPids[i]);
        ps.setLong(o + 8, heldDemangledNames[i]);
        ps.setLong(o + 9, heldShortNames[i]);
        ps.setInt(o + 10, k.registersPerThread());
        ps.setInt(o + 11, k.grid().x());
        ps.setInt(o + 12, k.grid().y());
        ps.setInt(o + 13, k.grid().z());
        ps.setInt(o + 14, k.block().x());
        ps.setInt(o + 15, k.block().y());
        ps.setInt(o + 16, k.block().z());
        ps.setInt(o + 17, k.staticSharedMemory());
        ps.setInt(o + 18, k.dynamicSharedMemory());
        ps.setLong(o + 19, k.localMemoryTotal());
        ps.setLong(o + 20, ++gridId);
        // nsys leaves graphNodeId NULL outside graphs; readers coalesce it to 0
        if (k.graphNodeId() == 0) {
            ps.setNull(o + 21, Types.INTEGER);
        } else {
            ps.setLong(o + 21, k.graphNodeId());
        }
    }

    private void bindAttribution(PreparedStatement ps, int o, long runId, int i) throws SQLException {
        KernelEvent k = heldAttributed[i];
        KernelAttribution a = k.attribution();
        ps.setLong(o + 1, runId);
        ps.setLong(o + 2, k.correlationId());
        ps.setLong(o + 3, k.graphNodeId());
        ps.setLong(o + 4, heldOps[i]);
        ps.setLong(o + 5, heldGroups[i]);
        ps.setInt(o + 6, a.fused() ? 1 : 0);
        ps.setInt(o + 7, a.layer());
        ps.setInt(o + 8, a.step());
        ps.setLong(o + 9, a.bytesRead());
        ps.setLong(o + 10, a.bytesWritten());
        ps.setLong(o + 11, a.flops());
    }
}
