package org.fusescope.profiler.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fusescope.profiler.model.ApiCall;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.RangeEvent;
import org.fusescope.profiler.model.RunTrace;

/** Joins kernels to the API calls that launched them by correlation id. Immutable. */
final class LaunchIndex {
    private final List<ApiCall> calls;
    private final long[] callStarts;
    private final Map<Long, ApiCall> launchByCorrelation = new HashMap<>();
    private final Map<Long, List<KernelEvent>> kernelsByCorrelation = new HashMap<>();

    LaunchIndex(RunTrace trace) {
        calls = trace.apiCalls();
        callStarts = calls.stream().mapToLong(ApiCall::startNs).toArray();
        for (ApiCall call : calls) {
            // Id 0 means the call launched nothing; a launch call wins over others sharing its id.
            if (call.correlationId() != 0) {
                ApiCall known = launchByCorrelation.get(call.correlationId());
                if (known == null || (!known.isLaunch() && call.isLaunch())) {
                    launchByCorrelation.put(call.correlationId(), call);
                }
            }
        }
        for (KernelEvent k : trace.kernels()) {
            kernelsByCorrelation
                    .computeIfAbsent(k.correlationId(), id -> new ArrayList<>())
                    .add(k);
        }
    }

    /** The call that launched the kernel, or null when the trace has none. */
    ApiCall launchOf(KernelEvent kernel) {
        return launchByCorrelation.get(kernel.correlationId());
    }

    /** Kernels launched by the call (all of a graph's kernels for a graph launch). */
    List<KernelEvent> kernelsOf(ApiCall call) {
        if (call.correlationId() == 0) {
            return List.of();
        }
        return kernelsByCorrelation.getOrDefault(call.correlationId(), List.of());
    }

    /** Calls that start inside the range (inclusive) on the range's thread, in start order. */
    List<ApiCall> callsIn(RangeEvent range) {
        List<ApiCall> inside = new ArrayList<>();
        for (int i = firstAtOrAfter(range.startNs()); i < calls.size(); i++) {
            ApiCall call = calls.get(i);
            if (call.startNs() > range.endNs()) {
                break;
            }
            if (call.globalTid() == range.globalTid()) {
                inside.add(call);
            }
        }
        return inside;
    }

    private int firstAtOrAfter(long timeNs) {
        int lo = 0;
        int hi = callStarts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (callStarts[mid] < timeNs) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
