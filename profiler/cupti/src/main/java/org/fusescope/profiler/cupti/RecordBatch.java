package org.fusescope.profiler.cupti;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fusescope.profiler.model.ApiCall;
import org.fusescope.profiler.model.ApiKind;
import org.fusescope.profiler.model.Dim3;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.MemcpyEvent;
import org.fusescope.profiler.model.MemsetEvent;
import org.fusescope.profiler.model.Problem;
import org.fusescope.profiler.model.Severity;
import org.fusescope.profiler.model.SyncEvent;

/**
 * Builds the {@link ActivityBatch} of one buffer from the raw field values of CUPTI records, as the
 * record structs hold them (unsigned 32-bit ids in {@code int}, small enums in {@code byte}/{@code
 * short}). Times in ns, sizes in bytes. A record without a start, or ending before it starts (an
 * incomplete record of a forced flush), is left out and reported as one {@code incomplete-records}
 * problem. Synchronization records carry no device: it is the device of their context, learned from
 * the kernel, copy and set records into {@code contextDevices} (kept across buffers), else 0.
 *
 * <p>Not thread-safe: one buffer is read by one thread.
 */
public final class RecordBatch {
    private final Map<Integer, Integer> contextDevices;
    private final List<KernelEvent> kernels = new ArrayList<>();
    private final List<ApiCall> apiCalls = new ArrayList<>();
    private final List<MemcpyEvent> memcpys = new ArrayList<>();
    private final List<MemsetEvent> memsets = new ArrayList<>();
    private final List<SyncEvent> syncs = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private long overheadNs;
    private long incomplete;
    private long lastEndNs = -1;

    /** @param contextDevices context id → device id, updated by this batch; owned by the caller's thread */
    public RecordBatch(Map<Integer, Integer> contextDevices) {
        this.contextDevices = contextDevices;
    }

    /** Adds a kernel ({@code CUpti_ActivityKernel*}); the name is the record's, see {@link KernelNames}. */
    public void kernel(
            long startNs,
            long endNs,
            int deviceId,
            int contextId,
            int streamId,
            int correlationId,
            String name,
            Dim3 grid,
            Dim3 block,
            short registersPerThread,
            int staticShared,
            int dynamicShared,
            int localMemoryTotal,
            long graphNodeId) {
        if (complete(startNs, endNs)) {
            contextDevices.put(contextId, deviceId);
            kernels.add(new KernelEvent(
                    startNs,
                    endNs,
                    deviceId,
                    contextId,
                    streamId,
                    Integer.toUnsignedLong(correlationId),
                    KernelNames.shortName(name),
                    KernelNames.fullName(name),
                    grid,
                    block,
                    Short.toUnsignedInt(registersPerThread),
                    staticShared,
                    dynamicShared,
                    Integer.toUnsignedLong(localMemoryTotal),
                    graphNodeId,
                    null));
        }
    }

    /** Adds a runtime or driver API call ({@code CUpti_ActivityAPI}) whose callback id resolved to {@code name}. */
    public void apiCall(
            ApiKind kind,
            String name,
            long startNs,
            long endNs,
            int processId,
            int threadId,
            int correlationId,
            int returnValue) {
        if (complete(startNs, endNs)) {
            apiCalls.add(new ApiCall(
                    startNs,
                    endNs,
                    GlobalIds.tid(processId, threadId),
                    Integer.toUnsignedLong(correlationId),
                    name,
                    returnValue,
                    kind));
        }
    }

    /** Adds a copy ({@code CUpti_ActivityMemcpy*}); kinds as the record's unsigned bytes. */
    public void memcpy(
            long startNs,
            long endNs,
            int deviceId,
            int contextId,
            int streamId,
            int correlationId,
            long bytes,
            byte copyKind,
            byte srcKind,
            byte dstKind) {
        if (complete(startNs, endNs)) {
            contextDevices.put(contextId, deviceId);
            memcpys.add(new MemcpyEvent(
                    startNs,
                    endNs,
                    deviceId,
                    contextId,
                    streamId,
                    Integer.toUnsignedLong(correlationId),
                    bytes,
                    CuptiEnums.copyKind(Byte.toUnsignedInt(copyKind)),
                    CuptiEnums.memoryKind(Byte.toUnsignedInt(srcKind)),
                    CuptiEnums.memoryKind(Byte.toUnsignedInt(dstKind))));
        }
    }

    /** Adds a set ({@code CUpti_ActivityMemset*}). */
    public void memset(
            long startNs,
            long endNs,
            int deviceId,
            int contextId,
            int streamId,
            int correlationId,
            int value,
            long bytes,
            short memoryKind) {
        if (complete(startNs, endNs)) {
            contextDevices.put(contextId, deviceId);
            memsets.add(new MemsetEvent(
                    startNs,
                    endNs,
                    deviceId,
                    contextId,
                    streamId,
                    Integer.toUnsignedLong(correlationId),
                    value,
                    bytes,
                    CuptiEnums.memoryKind(Short.toUnsignedInt(memoryKind))));
        }
    }

    /** Adds a synchronization ({@code CUpti_ActivitySynchronization*}); stream and event may be the invalid -1. */
    public void sync(long startNs, long endNs, int contextId, int streamId, int correlationId, int type, int eventId) {
        if (complete(startNs, endNs)) {
            syncs.add(new SyncEvent(
                    startNs,
                    endNs,
                    contextDevices.getOrDefault(contextId, 0),
                    contextId,
                    streamId,
                    Integer.toUnsignedLong(correlationId),
                    CuptiEnums.syncType(type),
                    CuptiEnums.optionalId(eventId)));
        }
    }

    /** Adds the duration of a CUPTI overhead record to the batch's overhead. */
    public void overhead(long startNs, long endNs) {
        if (endNs > startNs) {
            overheadNs += endNs - startNs;
        }
    }

    /** Reports records CUPTI dropped for want of buffer space (nothing when {@code count} is 0). */
    public void dropped(long count) {
        if (count > 0) {
            problems.add(new Problem(
                    Severity.WARNING,
                    "dropped-records",
                    "CUPTI dropped " + count + " activity records for want of buffer space",
                    -1,
                    -1,
                    lastEndNs));
        }
    }

    /** Adds a problem found while reading the buffer. */
    public void problem(Problem problem) {
        problems.add(problem);
    }

    /** The batch so far, with an {@code incomplete-records} problem when records were left out. */
    public ActivityBatch build() {
        List<Problem> all = new ArrayList<>(problems);
        if (incomplete > 0) {
            all.add(new Problem(
                    Severity.WARNING,
                    "incomplete-records",
                    incomplete + " CUPTI activity records without a valid start and end were left out",
                    -1,
                    -1,
                    lastEndNs));
        }
        return new ActivityBatch(kernels, apiCalls, memcpys, memsets, syncs, all, overheadNs);
    }

    private boolean complete(long startNs, long endNs) {
        if (startNs <= 0 || endNs < startNs) {
            incomplete++;
            return false;
        }
        lastEndNs = Math.max(lastEndNs, endNs);
        return true;
    }
}
