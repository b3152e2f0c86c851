package org.fusescope.profiler.cupti;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.fusescope.profiler.model.ApiCall;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.MemcpyEvent;
import org.fusescope.profiler.model.MemcpyKind;
import org.fusescope.profiler.model.MemsetEvent;
import org.fusescope.profiler.model.Problem;
import org.fusescope.profiler.model.SyncEvent;

/** Test-only: every record a test sink received, merged over batches. Not thread-safe. */
final class Received {
    final List<KernelEvent> kernels = new ArrayList<>();
    final List<ApiCall> apiCalls = new ArrayList<>();
    final List<MemcpyEvent> memcpys = new ArrayList<>();
    final List<MemsetEvent> memsets = new ArrayList<>();
    final List<SyncEvent> syncs = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();

    static Received of(List<ActivityBatch> batches) {
        Received all = new Received();
        for (ActivityBatch b : batches) {
            all.kernels.addAll(b.kernels());
            all.apiCalls.addAll(b.apiCalls());
            all.memcpys.addAll(b.memcpys());
            all.memsets.addAll(b.memsets());
            all.syncs.addAll(b.syncs());
            all.problems.addAll(b.problems());
        }
        return all;
    }

    List<ApiCall> launchesOf(KernelEvent kernel) {
        return apiCalls.stream()
                .filter(a -> a.correlationId() == kernel.correlationId() && a.isLaunch())
                .collect(Collectors.toList());
    }

    List<MemcpyEvent> copies(MemcpyKind kind, long bytes) {
        return memcpys.stream()
                .filter(m -> m.copyKind() == kind && m.bytes() == bytes)
                .collect(Collectors.toList());
    }

    /** Whether each kernel starts after the previous one ends (kernels in launch order). */
    static boolean increasing(List<KernelEvent> kernels) {
        for (int i = 1; i < kernels.size(); i++) {
            if (kernels.get(i).startNs() < kernels.get(i - 1).endNs()) {
                return false;
            }
        }
        return true;
    }

    String summary() {
        StringBuilder out = new StringBuilder();
        out.append("kernels=")
                .append(kernels.size())
                .append(" apiCalls=")
                .append(apiCalls.size())
                .append(" memcpys=")
                .append(memcpys.size())
                .append(" memsets=")
                .append(memsets.size())
                .append(" syncs=")
                .append(syncs.size())
                .append(" problems=")
                .append(problems);
        kernels.stream().limit(3).forEach(k -> out.append("\n  ").append(k));
        apiCalls.stream().map(ApiCall::name).distinct().forEach(n -> out.append("\n  api ")
                .append(n));
        memcpys.forEach(m -> out.append("\n  ").append(m).append(" api=").append(callsWith(m.correlationId())));
        memsets.forEach(m -> out.append("\n  ").append(m).append(" api=").append(callsWith(m.correlationId())));
        syncs.forEach(s -> out.append("\n  ").append(s));
        return out.toString();
    }

    private List<String> callsWith(long correlationId) {
        return apiCalls.stream()
                .filter(a -> a.correlationId() == correlationId)
                .map(ApiCall::name)
                .collect(Collectors.toList());
    }
}
