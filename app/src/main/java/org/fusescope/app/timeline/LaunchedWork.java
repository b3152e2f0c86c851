package org.fusescope.app.timeline;

import java.util.HashSet;
import java.util.Set;
import org.fusescope.profiler.store.TimelineColumns;

/**
 * The GPU work of a CPU range: the kernels whose launch call (same correlation id; every kernel of a
 * graph launch shares it) starts inside the range. They run after their launch, so a step's last
 * kernels often end well after the step's CPU range. Stateless.
 */
final class LaunchedWork {
    private LaunchedWork() {}

    /**
     * {start, end} (ns) of the range [{@code startNs}, {@code endNs}] together with every kernel
     * launched inside it; the range itself when it launched none (or the calls are not read yet).
     */
    static long[] span(TimelineColumns columns, long startNs, long endNs) {
        TimelineColumns.Calls calls = columns.calls();
        long[] callStarts = calls.starts();
        Set<Long> launched = new HashSet<>();
        for (int i = SortedTimes.lowerBound(callStarts, startNs, 0);
                i < callStarts.length && callStarts[i] <= endNs;
                i++) {
            launched.add(calls.correlations()[i]);
        }
        long start = startNs;
        long end = endNs;
        if (launched.isEmpty()) {
            return new long[] {start, end};
        }
        TimelineColumns.Kernels kernels = columns.kernels();
        long[] kernelStarts = kernels.starts();
        // a kernel starts after its launch call, which starts inside the range
        for (int k = SortedTimes.lowerBound(kernelStarts, startNs, 0); k < kernelStarts.length; k++) {
            if (launched.contains(kernels.correlations()[k])) {
                start = Math.min(start, kernelStarts[k]);
                end = Math.max(end, kernels.ends()[k]);
            }
        }
        return new long[] {start, end};
    }
}
