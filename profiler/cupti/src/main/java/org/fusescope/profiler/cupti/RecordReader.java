package org.fusescope.profiler.cupti;

import static org.bytedeco.cuda.global.cupti.CUPTI_ACTIVITY_KIND_CONCURRENT_KERNEL;
import static org.bytedeco.cuda.global.cupti.CUPTI_ACTIVITY_KIND_DRIVER;
import static org.bytedeco.cuda.global.cupti.CUPTI_ACTIVITY_KIND_KERNEL;
import static org.bytedeco.cuda.global.cupti.CUPTI_ACTIVITY_KIND_MEMCPY;
import static org.bytedeco.cuda.global.cupti.CUPTI_ACTIVITY_KIND_MEMSET;
import static org.bytedeco.cuda.global.cupti.CUPTI_ACTIVITY_KIND_OVERHEAD;
import static org.bytedeco.cuda.global.cupti.CUPTI_ACTIVITY_KIND_RUNTIME;
import static org.bytedeco.cuda.global.cupti.CUPTI_ACTIVITY_KIND_SYNCHRONIZATION;
import static org.bytedeco.cuda.global.cupti.CUPTI_CB_DOMAIN_DRIVER_API;
import static org.bytedeco.cuda.global.cupti.CUPTI_CB_DOMAIN_RUNTIME_API;
import static org.bytedeco.cuda.global.cupti.CUPTI_ERROR_MAX_LIMIT_REACHED;
import static org.bytedeco.cuda.global.cupti.CUPTI_SUCCESS;
import static org.bytedeco.cuda.global.cupti.cuptiActivityGetNextRecord;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.bytedeco.cuda.cupti.CUpti_Activity;
import org.bytedeco.cuda.cupti.CUpti_ActivityAPI;
import org.bytedeco.cuda.cupti.CUpti_ActivityKernel11;
import org.bytedeco.cuda.cupti.CUpti_ActivityMemcpy6;
import org.bytedeco.cuda.cupti.CUpti_ActivityMemset4;
import org.bytedeco.cuda.cupti.CUpti_ActivityOverhead3;
import org.bytedeco.cuda.cupti.CUpti_ActivitySynchronization2;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.fusescope.profiler.model.ApiKind;
import org.fusescope.profiler.model.Dim3;
import org.fusescope.profiler.model.Problem;
import org.fusescope.profiler.model.Severity;

/**
 * Reads one completed CUPTI buffer into an {@link ActivityBatch}, copying every field out (the
 * buffer is freed, and kernel names live in CUPTI memory). Record layouts are those of CUDA 13.x:
 * Kernel11, API, Memcpy6, Memset4, Synchronization2, Overhead3; other kinds are skipped.
 *
 * <p>Not thread-safe: callers serialize {@link #read} (it keeps the context → device map and the
 * API-name cache across buffers).
 */
final class RecordReader {
    private final Map<Integer, Integer> contextDevices = new HashMap<>();
    private final ApiNames apiNames = new ApiNames();

    /** The records of {@code buffer[0, validSize)} plus a problem for {@code dropped} records. */
    ActivityBatch read(BytePointer buffer, long validSize, long dropped) {
        RecordBatch batch = new RecordBatch(contextDevices);
        CUpti_Activity record = new CUpti_Activity((Pointer) null); // NULL: start at the first record
        while (validSize > 0) {
            int result = cuptiActivityGetNextRecord(buffer, validSize, record); // writes the next address into record
            if (result == CUPTI_ERROR_MAX_LIMIT_REACHED) {
                break;
            }
            if (result != CUPTI_SUCCESS) {
                batch.problem(new Problem(
                        Severity.ERROR,
                        "cupti-buffer",
                        "cuptiActivityGetNextRecord failed: " + Cupti.resultString(result),
                        -1,
                        -1,
                        -1));
                break;
            }
            add(batch, record);
        }
        batch.dropped(dropped);
        return batch.build();
    }

    private void add(RecordBatch batch, CUpti_Activity record) {
        int kind = record.kind();
        if (kind == CUPTI_ACTIVITY_KIND_CONCURRENT_KERNEL || kind == CUPTI_ACTIVITY_KIND_KERNEL) {
            CUpti_ActivityKernel11 k = new CUpti_ActivityKernel11(record);
            BytePointer name = k.name();
            batch.kernel(
                    k.start(),
                    k.end(),
                    k.deviceId(),
                    k.contextId(),
                    k.streamId(),
                    k.correlationId(),
                    name == null || name.isNull() ? null : name.getString(StandardCharsets.UTF_8),
                    new Dim3(k.gridX(), k.gridY(), k.gridZ()),
                    new Dim3(k.blockX(), k.blockY(), k.blockZ()),
                    k.registersPerThread(),
                    k.staticSharedMemory(),
                    k.dynamicSharedMemory(),
                    k.localMemoryTotal(),
                    k.graphNodeId());
        } else if (kind == CUPTI_ACTIVITY_KIND_RUNTIME || kind == CUPTI_ACTIVITY_KIND_DRIVER) {
            CUpti_ActivityAPI a = new CUpti_ActivityAPI(record);
            boolean runtime = kind == CUPTI_ACTIVITY_KIND_RUNTIME;
            String name = apiNames.name(runtime ? CUPTI_CB_DOMAIN_RUNTIME_API : CUPTI_CB_DOMAIN_DRIVER_API, a.cbid());
            batch.apiCall(
                    runtime ? ApiKind.RUNTIME : ApiKind.DRIVER,
                    name,
                    a.start(),
                    a.end(),
                    a.processId(),
                    a.threadId(),
                    a.correlationId(),
                    a.returnValue());
        } else if (kind == CUPTI_ACTIVITY_KIND_MEMCPY) {
            CUpti_ActivityMemcpy6 m = new CUpti_ActivityMemcpy6(record);
            batch.memcpy(
                    m.start(),
                    m.end(),
                    m.deviceId(),
                    m.contextId(),
                    m.streamId(),
                    m.correlationId(),
                    m.bytes(),
                    m.copyKind(),
                    m.srcKind(),
                    m.dstKind());
        } else if (kind == CUPTI_ACTIVITY_KIND_MEMSET) {
            CUpti_ActivityMemset4 m = new CUpti_ActivityMemset4(record);
            batch.memset(
                    m.start(),
                    m.end(),
                    m.deviceId(),
                    m.contextId(),
                    m.streamId(),
                    m.correlationId(),
                    m.value(),
                    m.bytes(),
                    m.memoryKind());
        } else if (kind == CUPTI_ACTIVITY_KIND_SYNCHRONIZATION) {
            CUpti_ActivitySynchronization2 s = new CUpti_ActivitySynchronization2(record);
            batch.sync(s.start(), s.end(), s.contextId(), s.streamId(), s.correlationId(), s.type(), s.cudaEventId());
        } else if (kind == CUPTI_ACTIVITY_KIND_OVERHEAD) {
            CUpti_ActivityOverhead3 o = new CUpti_ActivityOverhead3(record);
            batch.overhead(o.start(), o.end());
        }
    }
}
