package org.fusescope.profiler.export;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.fusescope.profiler.model.ApiCall;
import org.fusescope.profiler.model.RunTrace;

/** The time origin and the flow-id offsets of an export. */
final class TimeBase {
    private TimeBase() {}

    /** The earliest start (ns) of any event of any run; 0 when there are none. */
    static long earliestNs(List<RunTrace> runs) {
        long min = Long.MAX_VALUE;
        for (RunTrace t : runs) {
            // Lists are sorted by start, so the first element of each is its earliest.
            min = Stream.of(
                            t.kernels().isEmpty() ? null : t.kernels().get(0).startNs(),
                            t.apiCalls().isEmpty() ? null : t.apiCalls().get(0).startNs(),
                            t.memcpys().isEmpty() ? null : t.memcpys().get(0).startNs(),
                            t.memsets().isEmpty() ? null : t.memsets().get(0).startNs(),
                            t.syncs().isEmpty() ? null : t.syncs().get(0).startNs(),
                            t.ranges().isEmpty() ? null : t.ranges().get(0).startNs())
                    .filter(x -> x != null)
                    .mapToLong(Long::longValue)
                    .reduce(min, Math::min);
        }
        return min == Long.MAX_VALUE ? 0 : min;
    }

    /**
     * Per run, what to add to its correlation ids to make flow ids unique in the file: 0 for all
     * when the runs' launch correlation ranges are disjoint (as in one process, or synthetic runs),
     * else {@code i · (largest id + 1)} for run {@code i}.
     */
    static long[] flowIdOffsets(List<RunTrace> runs) {
        List<long[]> ranges = new ArrayList<>();
        long max = 0;
        for (RunTrace t : runs) {
            long lo = Long.MAX_VALUE;
            long hi = Long.MIN_VALUE;
            for (ApiCall a : t.apiCalls()) {
                lo = Math.min(lo, a.correlationId());
                hi = Math.max(hi, a.correlationId());
            }
            ranges.add(new long[] {lo, hi});
            max = Math.max(max, hi);
        }
        boolean overlap = false;
        for (int i = 0; i < ranges.size() && !overlap; i++) {
            for (int j = i + 1; j < ranges.size() && !overlap; j++) {
                long[] a = ranges.get(i);
                long[] b = ranges.get(j);
                overlap = a[0] <= a[1] && b[0] <= b[1] && a[0] <= b[1] && b[0] <= a[1];
            }
        }
        long[] offsets = new long[runs.size()];
        for (int i = 0; i < offsets.length && overlap; i++) {
            offsets[i] = i * (max + 1);
        }
        return offsets;
    }
}
