package org.fusescope.profiler.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.fusescope.profiler.model.ApiKind;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.RangeEvent;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunStatus;
import org.fusescope.profiler.model.RunTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file shaped like a newer nsys export: extra columns, only some tables, no FS_ tables, ids not ours. */
class StoreNsysImportTest {
    @TempDir
    Path dir;

    @Test
    void readsAnNsysExportWithOnlySomeTables() throws Exception {
        Path f = dir.resolve("report1.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f);
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE StringIds (id INTEGER NOT NULL PRIMARY KEY, value TEXT NOT NULL)");
            st.execute("INSERT INTO StringIds VALUES (0, 'gemm_kernel'), (1, 'void gemm_kernel<64>(float*)'),"
                    + " (2, 'cudaLaunchKernel_v7000'), (3, 'forward'), (4, 'main thread'), (5, 'cuLaunchKernel')");
            st.execute("CREATE TABLE CUPTI_ACTIVITY_KIND_KERNEL (start INTEGER NOT NULL, end INTEGER NOT NULL,"
                    + " deviceId INTEGER NOT NULL, contextId INTEGER NOT NULL, greenContextId INTEGER,"
                    + " streamId INTEGER NOT NULL, correlationId INTEGER, globalPid INTEGER,"
                    + " demangledName INTEGER NOT NULL, shortName INTEGER NOT NULL, mangledName INTEGER,"
                    + " launchType INTEGER, cacheConfig INTEGER, registersPerThread INTEGER NOT NULL,"
                    + " gridX INTEGER NOT NULL, gridY INTEGER NOT NULL, gridZ INTEGER NOT NULL,"
                    + " blockX INTEGER NOT NULL, blockY INTEGER NOT NULL, blockZ INTEGER NOT NULL,"
                    + " staticSharedMemory INTEGER NOT NULL, dynamicSharedMemory INTEGER NOT NULL,"
                    + " localMemoryPerThread INTEGER NOT NULL, localMemoryTotal INTEGER NOT NULL,"
                    + " gridId INTEGER NOT NULL, sharedMemoryExecuted INTEGER, graphNodeId INTEGER,"
                    + " sharedMemoryLimitConfig INTEGER, someFutureColumn TEXT)");
            st.execute("INSERT INTO CUPTI_ACTIVITY_KIND_KERNEL VALUES (1000, 3000, 0, 1, 5, 7, 42, 1234 << 24, 1, 0,"
                    + " NULL, 0, 0, 64, 128, 1, 1, 256, 1, 1, 0, 4096, 0, 0, 9, NULL, NULL, NULL, 'x'),"
                    + " (4000, 4500, 0, 1, NULL, 7, 43, 1234 << 24, 1, 0, NULL, 0, 0, 64, 2, 1, 1, 32, 1, 1, 0, 0,"
                    + " 0, 0, 10, NULL, 77, NULL, NULL)");
            st.execute("CREATE TABLE ENUM_NSYS_EVENT_CLASS (id INTEGER PRIMARY KEY, name TEXT, label TEXT)");
            st.execute(
                    "INSERT INTO ENUM_NSYS_EVENT_CLASS VALUES (0, 'TRACE_PROCESS_EVENT_CUDA_RUNTIME', 'rt'),"
                            + " (1, 'TRACE_PROCESS_EVENT_CUDA_DRIVER', 'drv'), (67, 'TRACE_PROCESS_EVENT_CUDABACKTRACE', 'bt')");
            st.execute("CREATE TABLE CUPTI_ACTIVITY_KIND_RUNTIME (start INTEGER NOT NULL, end INTEGER NOT NULL,"
                    + " eventClass INTEGER NOT NULL, globalTid INTEGER, correlationId INTEGER, nameId INTEGER NOT"
                    + " NULL, returnValue INTEGER NOT NULL, callchainId INTEGER)");
            st.execute("INSERT INTO CUPTI_ACTIVITY_KIND_RUNTIME VALUES (900, 950, 0, (1234 << 24) | 55, 42, 2, 0,"
                    + " NULL), (900, 950, 67, (1234 << 24) | 55, 42, 2, 0, 3), (3900, 3950, 1, (1234 << 24) | 55,"
                    + " 43, 5, 0, NULL)");
            // a schema where push/pop ranges are not 59: the reader must resolve by name
            st.execute("CREATE TABLE ENUM_NSYS_EVENT_TYPE (id INTEGER PRIMARY KEY, name TEXT, label TEXT)");
            st.execute("INSERT INTO ENUM_NSYS_EVENT_TYPE VALUES (34, 'NvtxMark', 'm'), (159, 'NvtxPushPopRange', 'p'),"
                    + " (160, 'NvtxStartEndRange', 's')");
            st.execute("CREATE TABLE NVTX_EVENTS (start INTEGER NOT NULL, end INTEGER, eventType INTEGER NOT NULL,"
                    + " rangeId INTEGER, category INTEGER, color INTEGER, text TEXT, globalTid INTEGER,"
                    + " endGlobalTid INTEGER, textId INTEGER, domainId INTEGER)");
            st.execute("INSERT INTO NVTX_EVENTS VALUES (800, 5000, 159, NULL, 2, NULL, NULL, (1234 << 24) | 55,"
                    + " NULL, 3, 0), (850, 1100, 160, 1, 1, NULL, 'load', (1234 << 24) | 55, NULL, NULL, 0),"
                    + " (870, NULL, 34, NULL, NULL, NULL, 'a mark', (1234 << 24) | 55, NULL, NULL, 0)");
            st.execute("CREATE TABLE ThreadNames (nameId INTEGER NOT NULL, priority INTEGER, globalTid INTEGER)");
            st.execute("INSERT INTO ThreadNames VALUES (4, 0, (1234 << 24) | 55)");
        }
        try (TraceReader r = TraceReader.open(f)) {
            assertThat(r.isNsysExport()).isTrue();
            RunInfo run = r.run("1");
            assertThat(run.name()).isEqualTo("report1.sqlite");
            assertThat(run.variant()).isEqualTo("nsys");
            assertThat(run.status()).isEqualTo(RunStatus.COMPLETE);
            assertThat(run.synthetic()).isFalse();
            assertThat(run.startNs()).isEqualTo(800);
            assertThat(run.endNs()).isEqualTo(5000);
            RunTrace t = r.load(1);
            assertThat(t.device().hasMeasuredBandwidth()).isFalse();
            assertThat(t.kernels()).extracting(KernelEvent::name).containsExactly("gemm_kernel", "gemm_kernel");
            KernelEvent k = t.kernels().get(1);
            assertThat(k.demangledName()).isEqualTo("void gemm_kernel<64>(float*)");
            assertThat(k.graphNodeId()).isEqualTo(77);
            assertThat(k.correlationId()).isEqualTo(43);
            assertThat(k.grid().x()).isEqualTo(2);
            assertThat(k.attribution()).isNull();
            assertThat(t.kernels().get(0).graphNodeId()).isZero();
            assertThat(t.apiCalls()).hasSize(2); // the backtrace row is not a call
            assertThat(t.apiCalls().get(0).kind()).isEqualTo(ApiKind.RUNTIME);
            assertThat(t.apiCalls().get(1).kind()).isEqualTo(ApiKind.DRIVER);
            assertThat(t.apiCalls().get(1).name()).isEqualTo("cuLaunchKernel");
            assertThat(t.ranges()).extracting(RangeEvent::text).containsExactly("forward", "load");
            assertThat(t.ranges()).allSatisfy(rg -> assertThat(rg.level()).isNull());
            assertThat(t.threadNames()).containsEntry((1234L << 24) | 55, "main thread");
            assertThat(t.memcpys()).isEmpty();
            assertThat(r.devices()).isEmpty();
        }
    }
}
