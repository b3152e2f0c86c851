package org.fusescope.profiler.synthetic;

import java.util.ArrayList;
import java.util.List;
import org.fusescope.profiler.model.ApiCall;
import org.fusescope.profiler.model.ApiKind;
import org.fusescope.profiler.model.ExpertCounts;
import org.fusescope.profiler.model.KernelAttribution;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.MemcpyEvent;
import org.fusescope.profiler.model.MemcpyKind;
import org.fusescope.profiler.model.MemoryKind;
import org.fusescope.profiler.model.MemsetEvent;
import org.fusescope.profiler.model.NumericCheck;
import org.fusescope.profiler.model.RangeEvent;
import org.fusescope.profiler.model.RangeLevel;
import org.fusescope.profiler.model.SyncEvent;
import org.fusescope.profiler.model.SyncType;

/**
 * The growing event lists of one generated run, with the ids CUPTI would assign: correlation ids
 * count up from {@code runId << 32} (unique across the runs of a recording, as CUPTI's are within a
 * process), all work goes to device 0, context 1, stream 7, from one CPU thread. Not thread-safe.
 */
final class TraceSink {
    static final int DEVICE = 0;
    static final int CONTEXT = 1;
    static final int STREAM = 7;

    final List<KernelEvent> kernels = new ArrayList<>();
    final List<ApiCall> apiCalls = new ArrayList<>();
    final List<MemcpyEvent> memcpys = new ArrayList<>();
    final List<MemsetEvent> memsets = new ArrayList<>();
    final List<SyncEvent> syncs = new ArrayList<>();
    final List<RangeEvent> ranges = new ArrayList<>();
    final List<ExpertCounts> counts = new ArrayList<>();
    final List<NumericCheck> checks = new ArrayList<>();
    private final long globalTid;
    private long nextCorrelation;
    private long lastEndNs;

    TraceSink(long runId, long globalTid) {
        this.globalTid = globalTid;
        this.nextCorrelation = (runId << 32) + 1;
    }

    long globalTid() {
        return globalTid;
    }

    /** The end (ns) of the latest-ending event so far. */
    long lastEndNs() {
        return lastEndNs;
    }

    long newCorrelation() {
        return nextCorrelation++;
    }

    /** Adds a driver API call on the run's thread and returns its end (ns). */
    long api(long startNs, long durationNs, long correlationId, String name) {
        long end = startNs + durationNs;
        apiCalls.add(new ApiCall(startNs, end, globalTid, correlationId, name, 0, ApiKind.DRIVER));
        return seen(end);
    }

    void range(long startNs, long endNs, String text, RangeLevel level) {
        ranges.add(new RangeEvent(startNs, endNs, text, level, globalTid));
        seen(endNs);
    }

    /** Adds the kernel of {@code op} and returns its end (ns). */
    long kernel(
            SyntheticKernel op,
            LaunchShapes shapes,
            ModelShape model,
            long startNs,
            long durationNs,
            long correlationId,
            long graphNodeId,
            KernelAttribution attribution) {
        long end = startNs + durationNs;
        kernels.add(new KernelEvent(
                startNs,
                end,
                DEVICE,
                CONTEXT,
                STREAM,
                correlationId,
                op.kernelName(),
                op.kernelName(),
                shapes.grid(op),
                shapes.block(op),
                op.registers(),
                LaunchShapes.staticSharedMemory(op, model),
                LaunchShapes.dynamicSharedMemory(op),
                0L,
                graphNodeId,
                attribution));
        return seen(end);
    }

    /** Adds the zeroing of {@code bytes} of expert counters and returns its end (ns). */
    long memset(long startNs, long durationNs, long correlationId, long bytes) {
        long end = startNs + durationNs;
        memsets.add(new MemsetEvent(startNs, end, DEVICE, CONTEXT, STREAM, correlationId, 0, bytes, MemoryKind.DEVICE));
        return seen(end);
    }

    /** Adds a device-to-pinned-host copy and returns its end (ns). */
    long memcpyDtoH(long startNs, long durationNs, long correlationId, long bytes) {
        long end = startNs + durationNs;
        memcpys.add(new MemcpyEvent(
                startNs,
                end,
                DEVICE,
                CONTEXT,
                STREAM,
                correlationId,
                bytes,
                MemcpyKind.DTOH,
                MemoryKind.DEVICE,
                MemoryKind.PINNED));
        return seen(end);
    }

    void streamSync(long startNs, long endNs, long correlationId) {
        syncs.add(
                new SyncEvent(startNs, endNs, DEVICE, CONTEXT, STREAM, correlationId, SyncType.STREAM_SYNCHRONIZE, -1));
        seen(endNs);
    }

    private long seen(long endNs) {
        lastEndNs = Math.max(lastEndNs, endNs);
        return endNs;
    }
}
