package org.fusescope.profiler.store;

import static org.fusescope.profiler.store.Sql.INT;
import static org.fusescope.profiler.store.Sql.INT_NN;
import static org.fusescope.profiler.store.Sql.REAL;
import static org.fusescope.profiler.store.Sql.TEXT;
import static org.fusescope.profiler.store.Sql.createTable;

import java.util.ArrayList;
import java.util.List;
import org.fusescope.profiler.store.TraceSchema.CudaApi;
import org.fusescope.profiler.store.TraceSchema.Kernel;
import org.fusescope.profiler.store.TraceSchema.Memcpy;
import org.fusescope.profiler.store.TraceSchema.Memset;
import org.fusescope.profiler.store.TraceSchema.Nvtx;
import org.fusescope.profiler.store.TraceSchema.Sync;
import org.fusescope.profiler.store.TraceSchema.TargetGpu;

/** CREATE statements of the nsys activity tables and TARGET_INFO_GPU, columns in nsys order. */
final class CoreDdl {
    private CoreDdl() {}

    static List<String> activityTables() {
        return List.of(
                createTable(
                        Kernel.TABLE,
                        Kernel.START + INT_NN,
                        Kernel.END + INT_NN,
                        Kernel.DEVICE_ID + INT_NN,
                        Kernel.CONTEXT_ID + INT_NN,
                        Kernel.GREEN_CONTEXT_ID + INT,
                        Kernel.STREAM_ID + INT_NN,
                        Kernel.CORRELATION_ID + INT,
                        Kernel.GLOBAL_PID + INT,
                        Kernel.DEMANGLED_NAME + INT_NN,
                        Kernel.SHORT_NAME + INT_NN,
                        Kernel.MANGLED_NAME + INT,
                        Kernel.LAUNCH_TYPE + INT,
                        Kernel.CACHE_CONFIG + INT,
                        Kernel.REGISTERS_PER_THREAD + INT_NN,
                        Kernel.GRID_X + INT_NN,
                        Kernel.GRID_Y + INT_NN,
                        Kernel.GRID_Z + INT_NN,
                        Kernel.BLOCK_X + INT_NN,
                        Kernel.BLOCK_Y + INT_NN,
                        Kernel.BLOCK_Z + INT_NN,
                        Kernel.STATIC_SHARED_MEMORY + INT_NN,
                        Kernel.DYNAMIC_SHARED_MEMORY + INT_NN,
                        Kernel.LOCAL_MEMORY_PER_THREAD + INT_NN,
                        Kernel.LOCAL_MEMORY_TOTAL + INT_NN,
                        Kernel.GRID_ID + INT_NN,
                        Kernel.SHARED_MEMORY_EXECUTED + INT,
                        Kernel.GRAPH_NODE_ID + INT,
                        Kernel.SHARED_MEMORY_LIMIT_CONFIG + INT),
                createTable(
                        CudaApi.TABLE,
                        CudaApi.START + INT_NN,
                        CudaApi.END + INT_NN,
                        CudaApi.EVENT_CLASS + INT_NN,
                        CudaApi.GLOBAL_TID + INT,
                        CudaApi.CORRELATION_ID + INT,
                        CudaApi.NAME_ID + INT_NN,
                        CudaApi.RETURN_VALUE + INT_NN,
                        CudaApi.CALLCHAIN_ID + INT),
                createTable(
                        Memcpy.TABLE,
                        Memcpy.START + INT_NN,
                        Memcpy.END + INT_NN,
                        Memcpy.DEVICE_ID + INT_NN,
                        Memcpy.CONTEXT_ID + INT_NN,
                        Memcpy.GREEN_CONTEXT_ID + INT,
                        Memcpy.STREAM_ID + INT_NN,
                        Memcpy.CORRELATION_ID + INT,
                        Memcpy.GLOBAL_PID + INT,
                        Memcpy.BYTES + INT_NN,
                        Memcpy.COPY_KIND + INT_NN,
                        Memcpy.DEPRECATED_SRC_ID + INT,
                        Memcpy.SRC_KIND + INT,
                        Memcpy.DST_KIND + INT,
                        Memcpy.SRC_DEVICE_ID + INT,
                        Memcpy.SRC_CONTEXT_ID + INT,
                        Memcpy.DST_DEVICE_ID + INT,
                        Memcpy.DST_CONTEXT_ID + INT,
                        Memcpy.MIGRATION_CAUSE + INT,
                        Memcpy.GRAPH_NODE_ID + INT,
                        Memcpy.VIRTUAL_ADDRESS + INT),
                createTable(
                        Memset.TABLE,
                        Memset.START + INT_NN,
                        Memset.END + INT_NN,
                        Memset.DEVICE_ID + INT_NN,
                        Memset.CONTEXT_ID + INT_NN,
                        Memset.GREEN_CONTEXT_ID + INT,
                        Memset.STREAM_ID + INT_NN,
                        Memset.CORRELATION_ID + INT,
                        Memset.GLOBAL_PID + INT,
                        Memset.VALUE + INT_NN,
                        Memset.BYTES + INT_NN,
                        Memset.GRAPH_NODE_ID + INT,
                        Memset.MEM_KIND + INT_NN),
                createTable(
                        Sync.TABLE,
                        Sync.START + INT_NN,
                        Sync.END + INT_NN,
                        Sync.DEVICE_ID + INT_NN,
                        Sync.CONTEXT_ID + INT_NN,
                        Sync.GREEN_CONTEXT_ID + INT,
                        Sync.STREAM_ID + INT,
                        Sync.CORRELATION_ID + INT,
                        Sync.GLOBAL_PID + INT,
                        Sync.SYNC_TYPE + INT_NN,
                        Sync.EVENT_ID + INT_NN),
                createTable(
                        Nvtx.TABLE,
                        Nvtx.START + INT_NN,
                        Nvtx.END + INT,
                        Nvtx.EVENT_TYPE + INT_NN,
                        Nvtx.RANGE_ID + INT,
                        Nvtx.CATEGORY + INT,
                        Nvtx.COLOR + INT,
                        Nvtx.TEXT + TEXT,
                        Nvtx.GLOBAL_TID + INT,
                        Nvtx.END_GLOBAL_TID + INT,
                        Nvtx.TEXT_ID + INT,
                        Nvtx.DOMAIN_ID + INT,
                        Nvtx.UINT64_VALUE + INT,
                        Nvtx.INT64_VALUE + INT,
                        Nvtx.DOUBLE_VALUE + REAL,
                        Nvtx.UINT32_VALUE + INT,
                        Nvtx.INT32_VALUE + INT,
                        Nvtx.FLOAT_VALUE + REAL,
                        Nvtx.JSON_TEXT_ID + INT,
                        Nvtx.JSON_TEXT + TEXT,
                        Nvtx.BINARY_DATA + " BLOB"));
    }

    static String targetGpu() {
        List<String> cols = new ArrayList<>(List.of(
                TargetGpu.VM_ID + INT_NN,
                TargetGpu.ID + INT_NN,
                TargetGpu.NAME + TEXT,
                TargetGpu.BUS_LOCATION + TEXT,
                TargetGpu.IS_DISCRETE + INT,
                TargetGpu.L2_CACHE_SIZE + INT,
                TargetGpu.TOTAL_MEMORY + INT,
                TargetGpu.MEMORY_BANDWIDTH + INT,
                TargetGpu.CLOCK_RATE + INT,
                TargetGpu.SM_COUNT + INT));
        for (String[] c : TargetGpu.OTHER_COLUMNS) {
            cols.add(c[0] + " " + c[1]);
        }
        cols.add(TargetGpu.COMPUTE_MAJOR + INT);
        cols.add(TargetGpu.COMPUTE_MINOR + INT);
        for (String[] c : TargetGpu.SM_VERSION_COLUMNS) {
            cols.add(c[0] + " " + c[1]);
        }
        return createTable(TargetGpu.TABLE, cols.toArray(String[]::new));
    }
}
