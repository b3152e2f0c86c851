package org.fusescope.profiler.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Everything recorded for one run, in memory: what the analyses and exports work on. Event lists
 * are sorted by start time. Immutable and thread-safe.
 *
 * @param threadNames names of the CPU threads, by serialized thread id
 */
public record RunTrace(
        RunInfo run,
        DeviceInfo device,
        List<KernelEvent> kernels,
        List<ApiCall> apiCalls,
        List<MemcpyEvent> memcpys,
        List<MemsetEvent> memsets,
        List<SyncEvent> syncs,
        List<RangeEvent> ranges,
        List<ExpertCounts> expertCounts,
        List<NumericCheck> checks,
        List<Problem> problems,
        Map<Long, String> threadNames) {
    public RunTrace {
        kernels = sorted(kernels, Comparator.comparingLong(KernelEvent::startNs));
        apiCalls = sorted(apiCalls, Comparator.comparingLong(ApiCall::startNs));
        memcpys = sorted(memcpys, Comparator.comparingLong(MemcpyEvent::startNs));
        memsets = sorted(memsets, Comparator.comparingLong(MemsetEvent::startNs));
        syncs = sorted(syncs, Comparator.comparingLong(SyncEvent::startNs));
        ranges = sorted(
                ranges,
                Comparator.comparingLong(RangeEvent::startNs)
                        .thenComparing(
                                Comparator.comparingLong(RangeEvent::endNs).reversed()));
        expertCounts = List.copyOf(expertCounts);
        checks = List.copyOf(checks);
        problems = List.copyOf(problems);
        threadNames = Map.copyOf(threadNames);
    }

    private static <T> List<T> sorted(List<T> events, Comparator<T> order) {
        List<T> copy = new ArrayList<>(events);
        copy.sort(order);
        return List.copyOf(copy);
    }

    /** A run with only kernels (and a launch per kernel is not implied); handy for analyses. */
    public static RunTrace ofKernels(RunInfo run, DeviceInfo device, List<KernelEvent> kernels) {
        return new RunTrace(
                run, device, kernels, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), Map.of());
    }
}
