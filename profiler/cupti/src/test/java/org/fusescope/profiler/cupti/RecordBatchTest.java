package org.fusescope.profiler.cupti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.fusescope.profiler.model.ApiKind;
import org.fusescope.profiler.model.Dim3;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.MemcpyKind;
import org.fusescope.profiler.model.MemoryKind;
import org.fusescope.profiler.model.Severity;
import org.fusescope.profiler.model.SyncType;
import org.junit.jupiter.api.Test;

class RecordBatchTest {
    private final Map<Integer, Integer> contexts = new HashMap<>();

    @Test
    void kernelFieldsAreCopiedWithUnsignedValuesAndShortNames() {
        RecordBatch batch = new RecordBatch(contexts);
        batch.kernel(
                100, 250, 1, 7, 13, -2, "_Z3fooPf", new Dim3(4, 2, 1), Dim3.of(64), (short) 0xFFFF, 1024, 512, -1, 0);
        KernelEvent k = batch.build().kernels().get(0);
        assertEquals("foo", k.name());
        assertEquals("_Z3fooPf", k.demangledName());
        assertEquals(0xFFFFFFFEL, k.correlationId());
        assertEquals(65535, k.registersPerThread());
        assertEquals(0xFFFFFFFFL, k.localMemoryTotal());
        assertEquals(new Dim3(4, 2, 1), k.grid());
        assertEquals(150, k.durationNs());
        assertEquals(1, contexts.get(7));
    }

    @Test
    void apiCallsCarryTheGlobalThreadId() {
        RecordBatch batch = new RecordBatch(contexts);
        batch.apiCall(ApiKind.DRIVER, "cuLaunchKernel", 10, 20, 4242, 0x1234567, 9, 0);
        var call = batch.build().apiCalls().get(0);
        assertEquals((4242L << 24) | 0x234567, call.globalTid());
        assertEquals(GlobalIds.tid(4242, 0x1234567), call.globalTid());
        assertEquals(4242L << 24, GlobalIds.pid(4242));
        assertTrue(call.isLaunch());
        assertEquals("cbid:307", ApiNames.fallback(307));
    }

    @Test
    void copiesSetsAndSyncsMapCuptiEnumsToNsysOnes() {
        RecordBatch batch = new RecordBatch(contexts);
        batch.memcpy(1, 2, 0, 3, 7, 5, 4096, (byte) 1, (byte) 1, (byte) 3);
        batch.memset(3, 4, 0, 3, 7, 6, 0xFF, 2048, (short) 3);
        batch.sync(5, 6, 3, -1, 8, 4, -1);
        batch.sync(5, 6, 99, 7, 9, 1, 12);
        ActivityBatch built = batch.build();
        assertEquals(MemcpyKind.HTOD, built.memcpys().get(0).copyKind());
        assertEquals(MemoryKind.PAGEABLE, built.memcpys().get(0).srcKind());
        assertEquals(MemoryKind.DEVICE, built.memcpys().get(0).dstKind());
        assertEquals(MemoryKind.DEVICE, built.memsets().get(0).memKind());
        assertEquals(MemoryKind.UNKNOWN, CuptiEnums.memoryKind(0));
        assertEquals(MemoryKind.MANAGED_STATIC, CuptiEnums.memoryKind(7));
        assertEquals(SyncType.CONTEXT_SYNCHRONIZE, built.syncs().get(0).syncType());
        assertEquals(-1, built.syncs().get(0).streamId());
        assertEquals(-1, built.syncs().get(0).eventId());
        assertEquals(12, built.syncs().get(1).eventId());
        assertEquals(0, built.syncs().get(1).deviceId(), "unknown context: device 0");
        assertEquals(4, built.size());
    }

    @Test
    void incompleteAndDroppedRecordsBecomeProblemsAndOverheadIsSummed() {
        RecordBatch batch = new RecordBatch(contexts);
        batch.kernel(0, 0, 0, 1, 1, 1, "k", Dim3.of(1), Dim3.of(1), (short) 1, 0, 0, 0, 0);
        batch.memset(10, 5, 0, 1, 1, 2, 0, 8, (short) 3);
        batch.overhead(100, 160);
        batch.overhead(200, 240);
        batch.dropped(0);
        batch.dropped(17);
        ActivityBatch built = batch.build();
        assertEquals(0, built.size());
        assertEquals(100, built.overheadNs());
        assertEquals(2, built.problems().size());
        assertEquals("dropped-records", built.problems().get(0).code());
        assertEquals(Severity.WARNING, built.problems().get(0).severity());
        assertTrue(built.problems().get(0).message().contains("17"));
        assertEquals("incomplete-records", built.problems().get(1).code());
    }
}
