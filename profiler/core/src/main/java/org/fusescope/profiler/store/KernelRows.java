package org.fusescope.profiler.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Set;
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

    /**
     * Kernel columns that one process's recording on one stream keeps from kernel to kernel: a block
     * of kernels that agree on them binds them once, as parameters every row of the statement shares,
     * numbered in column order (in both bundled H100 recordings every 128-kernel block agrees).
     */
    private static final Set<String> KERNEL_SHARED =
            Set.of(Kernel.DEVICE_ID, Kernel.CONTEXT_ID, Kernel.STREAM_ID, Kernel.GLOBAL_PID, Kernel.BLOCK_Z);
    /** A block's attribution rows are all of one run (a new run drains the held rows). */
    private static final Set<String> ATTRIBUTION_SHARED = Set.of(Attribution.RUN_ID);

    /**
     * Kernels per multi-row INSERT: fewer JDBC batch entries and SQLite steps per kernel
     * (benchmarks/store.md compares 32 and 128). Kernels held when a commit comes are written one row
     * per statement.
     */
    private static final int ROWS = 128;

    private final WriteSession session;
    private final BatchInsert kernels;
    private final BatchInsert kernelBlocks;
    private final BatchInsert uniformKernelBlocks;
    private final BatchInsert attributions;
    private final BatchInsert attributionBlocks;
    /** The kernel block statement used last: the other executes its queue first, keeping rows in order. */
    private BatchInsert lastKernelBlocks;

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
        this.kernels = session.insert(Sql.insertRows(1, Kernel.TABLE, KERNEL_COLUMNS, Set.of(), KERNEL_CONSTANTS));
        this.kernelBlocks =
                session.insert(Sql.insertRows(ROWS, Kernel.TABLE, KERNEL_COLUMNS, Set.of(), KERNEL_CONSTANTS));
        this.uniformKernelBlocks =
                session.insert(Sql.insertRows(ROWS, Kernel.TABLE, KERNEL_COLUMNS, KERNEL_SHARED, KERNEL_CONSTANTS));
        this.attributions =
                session.insert(Sql.insertRows(1, Attribution.TABLE, ATTRIBUTION_COLUMNS, Set.of(), new String[0][]));
        this.attributionBlocks = session.insert(
                Sql.insertRows(ROWS, Attribution.TABLE, ATTRIBUTION_COLUMNS, ATTRIBUTION_SHARED, new String[0][]));
        this.lastKernelBlocks = uniformKernelBlocks;
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
            addKernelBlock();
        }
        if (a != null) {
            heldOps[heldAttributions] = op;
            heldGroups[heldAttributions] = group;
            heldAttributed[heldAttributions++] = k;
            if (heldAttributions == ROWS) {
                PreparedStatement ps = attributionBlocks.row();
                ps.setLong(1, runId);
                for (int i = 0; i < ROWS; i++) {
                    bindAttribution(ps, 1 + i * (ATTRIBUTION_COLUMNS.length - 1), i);
                }
                attributionBlocks.add();
                heldAttributions = 0;
            }
        }
        session.counted(a != null ? 2 : 1);
    }

    /** Queues the held kernels as one block, with the shared columns bound once when they agree. */
    private void addKernelBlock() throws SQLException {
        boolean uniform = uniform();
        BatchInsert block = uniform ? uniformKernelBlocks : kernelBlocks;
        if (block != lastKernelBlocks) {
            lastKernelBlocks.execute();
            lastKernelBlocks = block;
        }
        PreparedStatement ps = block.row();
        int perRow = KERNEL_COLUMNS.length;
        int offset = 0;
        if (uniform) {
            KernelEvent first = heldKernels[0];
            ps.setInt(1, first.deviceId());
            ps.setInt(2, first.contextId());
            ps.setInt(3, first.streamId());
            ps.setLong(4, heldPids[0]);
            ps.setInt(5, first.block().z());
            perRow -= KERNEL_SHARED.size();
            offset = KERNEL_SHARED.size();
        }
        for (int i = 0; i < ROWS; i++) {
            bindKernel(ps, offset + i * perRow, i, uniform);
        }
        block.add();
        held = 0;
    }

    /** True when the held kernels agree on every {@link #KERNEL_SHARED} column. */
    private boolean uniform() {
        KernelEvent f = heldKernels[0];
        for (int i = 1; i < ROWS; i++) {
            KernelEvent k = heldKernels[i];
            if (k.deviceId() != f.deviceId()
                    || k.contextId() != f.contextId()
                    || k.streamId() != f.streamId()
                    || heldPids[i] != heldPids[0]
                    || k.block().z() != f.block().z()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes what is held: the queued blocks first, then the held rows one per statement, so that
     * rows reach the file in the order they were given.
     */
    void drain() throws SQLException {
        lastKernelBlocks.execute();
        attributionBlocks.execute();
        for (int i = 0; i < held; i++) {
            bindKernel(kernels.row(), 0, i, false);
            kernels.add();
        }
        for (int i = 0; i < heldAttributions; i++) {
            attributions.row().setLong(1, heldRunId);
            bindAttribution(attributions.row(), 1, i);
            attributions.add();
        }
        kernels.execute();
        attributions.execute();
        held = 0;
        heldAttributions = 0;
    }

    /**
     * Binds held kernel {@code i} after parameter {@code o}, in column order; without the {@link
     * #KERNEL_SHARED} columns when {@code shared} (the statement binds them once).
     */
    private void bindKernel(PreparedStatement ps, int o, int i, boolean shared) throws SQLException {
        KernelEvent k = heldKernels[i];
        int p = o;
        ps.setLong(++p, k.startNs());
        ps.setLong(++p, k.endNs());
        if (!shared) {
            ps.setInt(++p, k.deviceId());
            ps.setInt(++p, k.contextId());
            ps.setInt(++p, k.streamId());
        }
        ps.setLong(++p, k.correlationId());
        if (!shared) {
            ps.setLong(++p, heldPids[i]);
        }
        ps.setLong(++p, heldDemangledNames[i]);
        ps.setLong(++p, heldShortNames[i]);
        ps.setInt(++p, k.registersPerThread());
        ps.setInt(++p, k.grid().x());
        ps.setInt(++p, k.grid().y());
        ps.setInt(++p, k.grid().z());
        ps.setInt(++p, k.block().x());
        ps.setInt(++p, k.block().y());
        if (!shared) {
            ps.setInt(++p, k.block().z());
        }
        ps.setInt(++p, k.staticSharedMemory());
        ps.setInt(++p, k.dynamicSharedMemory());
        ps.setLong(++p, k.localMemoryTotal());
        ps.setLong(++p, ++gridId);
        // nsys leaves graphNodeId NULL outside graphs; readers coalesce it to 0
        if (k.graphNodeId() == 0) {
            ps.setNull(++p, Types.INTEGER);
        } else {
            ps.setLong(++p, k.graphNodeId());
        }
    }

    /** Binds held attribution {@code i} after parameter {@code o}: every column but the run id, which comes first. */
    private void bindAttribution(PreparedStatement ps, int o, int i) throws SQLException {
        KernelEvent k = heldAttributed[i];
        KernelAttribution a = k.attribution();
        ps.setLong(o + 1, k.correlationId());
        ps.setLong(o + 2, k.graphNodeId());
        ps.setLong(o + 3, heldOps[i]);
        ps.setLong(o + 4, heldGroups[i]);
        ps.setInt(o + 5, a.fused() ? 1 : 0);
        ps.setInt(o + 6, a.layer());
        ps.setInt(o + 7, a.step());
        ps.setLong(o + 8, a.bytesRead());
        ps.setLong(o + 9, a.bytesWritten());
        ps.setLong(o + 10, a.flops());
    }
}
