package org.fusescope.profiler.store;

/**
 * The names of every table and column of a trace database: the Nsight Systems core tables (names
 * exactly as {@code nsys export --type sqlite} writes them, schema 3.16.1) and FuseScope's {@code
 * FS_} tables. All SQL of this package is built from these constants.
 *
 * <p>Longer than the usual file on purpose: it is the one list of the schema's words, and splitting
 * it would scatter the vocabulary it exists to gather.
 */
public final class TraceSchema {
    /** Our own schema version, stored in {@code META_DATA_EXPORT}; bump it on any FS_ change. */
    public static final String FUSESCOPE_SCHEMA_VERSION = "2";
    /** The Nsight Systems export schema our core tables follow. */
    public static final String NSYS_SCHEMA_VERSION = "3.16.1";

    private TraceSchema() {}

    /** Interned strings; other tables refer to them by id. */
    public static final class StringIds {
        public static final String TABLE = "StringIds";
        public static final String ID = "id";
        public static final String VALUE = "value";

        private StringIds() {}
    }

    /** Columns shared by the GPU activity tables (kernel, memcpy, memset, synchronization). */
    public static class GpuActivity {
        public static final String START = "start";
        public static final String END = "end";
        public static final String DEVICE_ID = "deviceId";
        public static final String CONTEXT_ID = "contextId";
        public static final String GREEN_CONTEXT_ID = "greenContextId";
        public static final String STREAM_ID = "streamId";
        public static final String CORRELATION_ID = "correlationId";
        public static final String GLOBAL_PID = "globalPid";

        GpuActivity() {}
    }

    /** Kernel executions; times in ns, memory sizes in bytes. */
    public static final class Kernel extends GpuActivity {
        public static final String TABLE = "CUPTI_ACTIVITY_KIND_KERNEL";
        public static final String DEMANGLED_NAME = "demangledName";
        public static final String SHORT_NAME = "shortName";
        public static final String MANGLED_NAME = "mangledName";
        public static final String LAUNCH_TYPE = "launchType";
        public static final String CACHE_CONFIG = "cacheConfig";
        public static final String REGISTERS_PER_THREAD = "registersPerThread";
        public static final String GRID_X = "gridX";
        public static final String GRID_Y = "gridY";
        public static final String GRID_Z = "gridZ";
        public static final String BLOCK_X = "blockX";
        public static final String BLOCK_Y = "blockY";
        public static final String BLOCK_Z = "blockZ";
        public static final String STATIC_SHARED_MEMORY = "staticSharedMemory";
        public static final String DYNAMIC_SHARED_MEMORY = "dynamicSharedMemory";
        public static final String LOCAL_MEMORY_PER_THREAD = "localMemoryPerThread";
        public static final String LOCAL_MEMORY_TOTAL = "localMemoryTotal";
        public static final String GRID_ID = "gridId";
        public static final String SHARED_MEMORY_EXECUTED = "sharedMemoryExecuted";
        public static final String GRAPH_NODE_ID = "graphNodeId";
        public static final String SHARED_MEMORY_LIMIT_CONFIG = "sharedMemoryLimitConfig";

        private Kernel() {}
    }

    /** CUDA runtime and driver API calls (CPU side): table CUPTI_ACTIVITY_KIND_RUNTIME. */
    public static final class CudaApi {
        public static final String TABLE = "CUPTI_ACTIVITY_KIND_RUNTIME";
        public static final String START = "start";
        public static final String END = "end";
        public static final String EVENT_CLASS = "eventClass";
        public static final String GLOBAL_TID = "globalTid";
        public static final String CORRELATION_ID = "correlationId";
        public static final String NAME_ID = "nameId";
        public static final String RETURN_VALUE = "returnValue";
        public static final String CALLCHAIN_ID = "callchainId";

        private CudaApi() {}
    }

    /** Memory copies. */
    public static final class Memcpy extends GpuActivity {
        public static final String TABLE = "CUPTI_ACTIVITY_KIND_MEMCPY";
        public static final String BYTES = "bytes";
        public static final String COPY_KIND = "copyKind";
        public static final String DEPRECATED_SRC_ID = "deprecatedSrcId";
        public static final String SRC_KIND = "srcKind";
        public static final String DST_KIND = "dstKind";
        public static final String SRC_DEVICE_ID = "srcDeviceId";
        public static final String SRC_CONTEXT_ID = "srcContextId";
        public static final String DST_DEVICE_ID = "dstDeviceId";
        public static final String DST_CONTEXT_ID = "dstContextId";
        public static final String MIGRATION_CAUSE = "migrationCause";
        public static final String GRAPH_NODE_ID = "graphNodeId";
        public static final String VIRTUAL_ADDRESS = "virtualAddress";

        private Memcpy() {}
    }

    /** Memory sets. */
    public static final class Memset extends GpuActivity {
        public static final String TABLE = "CUPTI_ACTIVITY_KIND_MEMSET";
        public static final String VALUE = "value";
        public static final String BYTES = "bytes";
        public static final String GRAPH_NODE_ID = "graphNodeId";
        public static final String MEM_KIND = "memKind";

        private Memset() {}
    }

    /** Synchronizations. */
    public static final class Sync extends GpuActivity {
        public static final String TABLE = "CUPTI_ACTIVITY_KIND_SYNCHRONIZATION";
        public static final String SYNC_TYPE = "syncType";
        public static final String EVENT_ID = "eventId";

        private Sync() {}
    }

    /** NVTX marks and ranges; {@code eventType} refers to {@code ENUM_NSYS_EVENT_TYPE}. */
    public static final class Nvtx {
        public static final String TABLE = "NVTX_EVENTS";
        public static final String START = "start";
        public static final String END = "end";
        public static final String EVENT_TYPE = "eventType";
        public static final String RANGE_ID = "rangeId";
        public static final String CATEGORY = "category";
        public static final String COLOR = "color";
        public static final String TEXT = "text";
        public static final String GLOBAL_TID = "globalTid";
        public static final String END_GLOBAL_TID = "endGlobalTid";
        public static final String TEXT_ID = "textId";
        public static final String DOMAIN_ID = "domainId";
        public static final String UINT64_VALUE = "uint64Value";
        public static final String INT64_VALUE = "int64Value";
        public static final String DOUBLE_VALUE = "doubleValue";
        public static final String UINT32_VALUE = "uint32Value";
        public static final String INT32_VALUE = "int32Value";
        public static final String FLOAT_VALUE = "floatValue";
        public static final String JSON_TEXT_ID = "jsonTextId";
        public static final String JSON_TEXT = "jsonText";
        public static final String BINARY_DATA = "binaryData";

        private Nvtx() {}
    }

    /** Nsight Compute's counters per recorded kernel ({@code fusescope ncu-import}); absent in most files. */
    public static final class NcuMetrics {
        public static final String TABLE = "FS_NCU_METRICS";
        public static final String RUN_ID = "runId";
        public static final String KERNEL_START = "kernelStart";
        public static final String LAUNCH_ID = "ncuLaunchId";
        public static final String DURATION = "durationNs";
        public static final String DRAM_READ = "dramReadBytes";
        public static final String DRAM_WRITE = "dramWriteBytes";
        public static final String DRAM_PCT = "dramThroughputPct";
        public static final String SM_PCT = "smThroughputPct";
        public static final String OCCUPANCY_PCT = "achievedOccupancyPct";
        public static final String L2_HIT_PCT = "l2HitRatePct";

        private NcuMetrics() {}
    }

    /** Names of CPU threads, by serialized thread id. */
    public static final class ThreadNames {
        public static final String TABLE = "ThreadNames";
        public static final String NAME_ID = "nameId";
        public static final String PRIORITY = "priority";
        public static final String GLOBAL_TID = "globalTid";

        private ThreadNames() {}
    }

    /** Processes, by serialized process id. */
    public static final class Processes {
        public static final String TABLE = "PROCESSES";
        public static final String GLOBAL_PID = "globalPid";
        public static final String PID = "pid";
        public static final String NAME = "name";

        private Processes() {}
    }

    /** Export metadata (versions). */
    public static final class MetaData {
        public static final String TABLE = "META_DATA_EXPORT";
        public static final String NAME = "name";
        public static final String VALUE = "value";
        public static final String EXPORT_SCHEMA_VERSION = "EXPORT_SCHEMA_VERSION";
        public static final String FUSESCOPE_SCHEMA_VERSION = "FUSESCOPE_SCHEMA_VERSION";

        private MetaData() {}
    }

    /** The shape {@code (id, name, label)} of every {@code ENUM_*} table, and their names. */
    public static final class Enums {
        public static final String ID = "id";
        public static final String NAME = "name";
        public static final String LABEL = "label";
        public static final String MEMCPY_OPER = "ENUM_CUDA_MEMCPY_OPER";
        public static final String MEM_KIND = "ENUM_CUDA_MEM_KIND";
        public static final String SYNC_TYPE = "ENUM_CUPTI_SYNC_TYPE";
        public static final String EVENT_TYPE = "ENUM_NSYS_EVENT_TYPE";
        public static final String EVENT_CLASS = "ENUM_NSYS_EVENT_CLASS";
        public static final String KERNEL_LAUNCH_TYPE = "ENUM_CUDA_KERNEL_LAUNCH_TYPE";
        public static final String FUNC_CACHE_CONFIG = "ENUM_CUDA_FUNC_CACHE_CONFIG";
        /** {@code ENUM_NSYS_EVENT_TYPE} name of an NVTX push/pop range. */
        public static final String NVTX_PUSH_POP_RANGE = "NvtxPushPopRange";
        /** {@code ENUM_NSYS_EVENT_TYPE} name of an NVTX start/end range. */
        public static final String NVTX_START_END_RANGE = "NvtxStartEndRange";
        /** {@code ENUM_NSYS_EVENT_CLASS} name of CUDA runtime API calls. */
        public static final String CLASS_CUDA_RUNTIME = "TRACE_PROCESS_EVENT_CUDA_RUNTIME";
        /** {@code ENUM_NSYS_EVENT_CLASS} name of CUDA driver API calls. */
        public static final String CLASS_CUDA_DRIVER = "TRACE_PROCESS_EVENT_CUDA_DRIVER";

        private Enums() {}
    }

    /** Exactly the nsys {@code TARGET_INFO_GPU} columns; we fill the ones {@code DeviceInfo} has. */
    public static final class TargetGpu {
        public static final String TABLE = "TARGET_INFO_GPU";
        public static final String VM_ID = "vmId";
        public static final String ID = "id";
        public static final String NAME = "name";
        public static final String BUS_LOCATION = "busLocation";
        public static final String IS_DISCRETE = "isDiscrete";
        public static final String L2_CACHE_SIZE = "l2CacheSize";
        public static final String TOTAL_MEMORY = "totalMemory";
        public static final String MEMORY_BANDWIDTH = "memoryBandwidth";
        public static final String CLOCK_RATE = "clockRate";
        public static final String SM_COUNT = "smCount";
        public static final String COMPUTE_MAJOR = "computeMajor";
        public static final String COMPUTE_MINOR = "computeMinor";
        /** The columns we leave NULL, with their SQL types, in nsys order after {@code smCount}. */
        static final String[][] OTHER_COLUMNS = {
            {"pwGpuId", "INTEGER"},
            {"uuid", "TEXT"},
            {"luid", "INTEGER"},
            {"chipName", "TEXT"},
            {"cuDevice", "INTEGER"},
            {"ctxswDevPath", "TEXT"},
            {"ctrlDevPath", "TEXT"},
            {"revision", "INTEGER"},
            {"nodeMask", "INTEGER"},
            {"constantMemory", "INTEGER"},
            {"maxIPC", "INTEGER"},
            {"maxRegistersPerBlock", "INTEGER"},
            {"maxShmemPerBlock", "INTEGER"},
            {"maxShmemPerBlockOptin", "INTEGER"},
            {"maxShmemPerSm", "INTEGER"},
            {"maxRegistersPerSm", "INTEGER"},
            {"threadsPerWarp", "INTEGER"},
            {"asyncEngines", "INTEGER"},
            {"maxWarpsPerSm", "INTEGER"},
            {"maxBlocksPerSm", "INTEGER"},
            {"maxThreadsPerBlock", "INTEGER"},
            {"maxBlockDimX", "INTEGER"},
            {"maxBlockDimY", "INTEGER"},
            {"maxBlockDimZ", "INTEGER"},
            {"maxGridDimX", "INTEGER"},
            {"maxGridDimY", "INTEGER"},
            {"maxGridDimZ", "INTEGER"}
        };
        /** Between {@code OTHER_COLUMNS} and the compute capability, in nsys order. */
        static final String[][] SM_VERSION_COLUMNS = {{"smMajor", "INTEGER"}, {"smMinor", "INTEGER"}};

        private TargetGpu() {}
    }

    /** FuseScope runs; {@code endNs} is NULL while a run is unfinished. */
    public static final class Runs {
        public static final String TABLE = "FS_RUNS";
        public static final String ID = "id";
        public static final String NAME = "name";
        public static final String VARIANT = "variant";
        /** JSON array of fusion switch names. */
        public static final String FUSIONS = "fusions";

        public static final String CONFIG_JSON = "configJson";
        public static final String BATCH = "batch";
        public static final String MODE = "mode";
        public static final String LAYERS = "layers";
        public static final String START_NS = "startNs";
        public static final String END_NS = "endNs";
        public static final String START_EPOCH_MS = "startEpochMs";
        public static final String HOST = "host";
        /** {@code complete} or {@code incomplete}. */
        public static final String STATUS = "status";

        public static final String SYNTHETIC = "synthetic";
        public static final String DEVICE_ID = "deviceId";

        private Runs() {}
    }

    /** Measured device performance (bytes/s, FLOP/s; NULL when not measured). */
    public static final class DevicePerf {
        public static final String TABLE = "FS_DEVICE_PERF";
        public static final String DEVICE_ID = "deviceId";
        public static final String MEASURED_BANDWIDTH = "measuredBandwidthBytesPerSec";
        public static final String PEAK_FLOPS = "peakFlopsPerSec";

        private DevicePerf() {}
    }

    /** What each kernel did; joined on (correlationId, COALESCE(graphNodeId, 0)) and runId. */
    public static final class Attribution {
        public static final String TABLE = "FS_KERNEL_ATTRIBUTION";
        public static final String RUN_ID = "runId";
        public static final String CORRELATION_ID = "correlationId";
        public static final String GRAPH_NODE_ID = "graphNodeId";
        /** A StringIds id since schema 2 (TEXT in schema 1), as is {@link #FUSION_GROUP}. */
        public static final String OP = "op";

        public static final String FUSION_GROUP = "fusionGroup";
        public static final String FUSED = "fused";
        public static final String LAYER = "layer";
        public static final String STEP = "step";
        public static final String BYTES_READ = "bytesRead";
        public static final String BYTES_WRITTEN = "bytesWritten";
        public static final String FLOPS = "flops";

        private Attribution() {}
    }

    /**
     * Tokens per expert per layer and step, one row per layer and step (schema 2): {@link #EXPERTS}
     * is the number of experts and {@link #TOKENS} a BLOB of that many unsigned LEB128 varints, in
     * expert order. Schema 1 had one row per expert ({@link #EXPERT}, {@link #TOKENS} an INTEGER);
     * the reader still reads it.
     */
    public static final class ExpertCounts {
        public static final String TABLE = "FS_EXPERT_COUNTS";
        public static final String RUN_ID = "runId";
        public static final String LAYER = "layer";
        public static final String STEP = "step";
        public static final String EXPERTS = "experts";
        public static final String TOKENS = "tokens";
        /** Schema 1 only. */
        public static final String EXPERT = "expert";

        private ExpertCounts() {}
    }

    /** Numeric checks of outputs against references. */
    public static final class NumericChecks {
        public static final String TABLE = "FS_NUMERIC_CHECKS";
        public static final String RUN_ID = "runId";
        public static final String NAME = "name";
        public static final String LAYER = "layer";
        public static final String STEP = "step";
        public static final String MAX_ABS = "maxAbs";
        public static final String REL_NORM = "relNorm";
        public static final String TOLERANCE = "tolerance";

        private NumericChecks() {}
    }

    /** Problems found while recording. */
    public static final class Problems {
        public static final String TABLE = "FS_PROBLEMS";
        public static final String RUN_ID = "runId";
        public static final String SEVERITY = "severity";
        public static final String CODE = "code";
        public static final String MESSAGE = "message";
        public static final String LAYER = "layer";
        public static final String STEP = "step";
        public static final String TIME_NS = "timeNs";

        private Problems() {}
    }
}
