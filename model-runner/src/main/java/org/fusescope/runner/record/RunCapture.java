package org.fusescope.runner.record;

import java.util.ArrayList;
import java.util.List;
import org.fusescope.profiler.cupti.ActivityBatch;
import org.fusescope.profiler.cupti.Sink;
import org.fusescope.profiler.model.ApiCall;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.MemcpyEvent;
import org.fusescope.profiler.model.MemsetEvent;
import org.fusescope.profiler.model.Problem;
import org.fusescope.profiler.model.SyncEvent;

/**
 * The records of the run being recorded, gathered on the tracer's writer thread; the recorder takes
 * them after a {@link Tracer#flush()}, attributes the kernels and writes everything at once, outside
 * the measured steps. Thread-safe (all methods synchronized).
 */
final class RunCapture implements Sink {
    private final List<KernelEvent> kernels = new ArrayList<>();
    private final List<ApiCall> apiCalls = new ArrayList<>();
    private final List<MemcpyEvent> memcpys = new ArrayList<>();
    private final List<MemsetEvent> memsets = new ArrayList<>();
    private final List<SyncEvent> syncs = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    @Override
    public synchronized void accept(ActivityBatch batch) {
        kernels.addAll(batch.kernels());
        apiCalls.addAll(batch.apiCalls());
        memcpys.addAll(batch.memcpys());
        memsets.addAll(batch.memsets());
        syncs.addAll(batch.syncs());
        problems.addAll(batch.problems());
    }

    /** Everything gathered so far, and forgets it. */
    synchronized Records take() {
        Records r = new Records(
                List.copyOf(kernels),
                List.copyOf(apiCalls),
                List.copyOf(memcpys),
                List.copyOf(memsets),
                List.copyOf(syncs),
                List.copyOf(problems));
        kernels.clear();
        apiCalls.clear();
        memcpys.clear();
        memsets.clear();
        syncs.clear();
        problems.clear();
        return r;
    }

    /** One run's records as the tracer delivered them. */
    record Records(
            List<KernelEvent> kernels,
            List<ApiCall> apiCalls,
            List<MemcpyEvent> memcpys,
            List<MemsetEvent> memsets,
            List<SyncEvent> syncs,
            List<Problem> problems) {
        /** The end (ns) of the latest event, or {@code fallback} when there is none later. */
        long lastEndNs(long fallback) {
            long end = fallback;
            for (KernelEvent k : kernels) {
                end = Math.max(end, k.endNs());
            }
            for (ApiCall a : apiCalls) {
                end = Math.max(end, a.endNs());
            }
            for (MemcpyEvent m : memcpys) {
                end = Math.max(end, m.endNs());
            }
            for (MemsetEvent m : memsets) {
                end = Math.max(end, m.endNs());
            }
            for (SyncEvent s : syncs) {
                end = Math.max(end, s.endNs());
            }
            return end;
        }
    }
}
