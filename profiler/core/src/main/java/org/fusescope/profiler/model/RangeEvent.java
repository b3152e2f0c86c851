package org.fusescope.profiler.model;

/**
 * A CPU-side range marker (an NVTX push/pop range). Times in ns on the CUPTI clock.
 *
 * <p>The runner's ranges nest step → layer → block → op; their texts are {@code step 3},
 * {@code layer 0 moe}, {@code moe}, and the op name. Kernels launched inside a range belong to it.
 *
 * @param level the level of one of our ranges, or null for a range from a foreign trace
 * @param globalTid the thread that pushed the range
 */
public record RangeEvent(long startNs, long endNs, String text, RangeLevel level, long globalTid) {
    public RangeEvent {
        if (endNs < startNs) {
            throw new IllegalArgumentException("range '" + text + "' ends before it starts");
        }
        if (text == null) {
            text = "";
        }
    }

    public long durationNs() {
        return endNs - startNs;
    }

    /** True when {@code timeNs} lies in [start, end]. */
    public boolean contains(long timeNs) {
        return timeNs >= startNs && timeNs <= endNs;
    }
}
