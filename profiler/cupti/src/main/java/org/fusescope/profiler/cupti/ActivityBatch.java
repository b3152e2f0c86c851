package org.fusescope.profiler.cupti;

import java.util.List;
import org.fusescope.profiler.model.ApiCall;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.MemcpyEvent;
import org.fusescope.profiler.model.MemsetEvent;
import org.fusescope.profiler.model.Problem;
import org.fusescope.profiler.model.SyncEvent;

/**
 * The model records translated from one CUPTI activity buffer (in buffer order), with the problems
 * found while reading it. Immutable; the lists are unmodifiable.
 *
 * @param overheadNs the CUPTI overhead (sum of OVERHEAD record durations) in this buffer, ns
 */
public record ActivityBatch(
        List<KernelEvent> kernels,
        List<ApiCall> apiCalls,
        List<MemcpyEvent> memcpys,
        List<MemsetEvent> memsets,
        List<SyncEvent> syncs,
        List<Problem> problems,
        long overheadNs) {
    public ActivityBatch {
        kernels = List.copyOf(kernels);
        apiCalls = List.copyOf(apiCalls);
        memcpys = List.copyOf(memcpys);
        memsets = List.copyOf(memsets);
        syncs = List.copyOf(syncs);
        problems = List.copyOf(problems);
    }

    /** A batch holding only problems. */
    static ActivityBatch ofProblems(List<Problem> problems) {
        return new ActivityBatch(List.of(), List.of(), List.of(), List.of(), List.of(), problems, 0);
    }

    /** Records in the batch (problems not counted). */
    public int size() {
        return kernels.size() + apiCalls.size() + memcpys.size() + memsets.size() + syncs.size();
    }

    public boolean isEmpty() {
        return size() == 0 && problems.isEmpty();
    }
}
