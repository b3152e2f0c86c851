package org.fusescope.profiler.analysis;

import org.fusescope.profiler.model.RangeLevel;

/**
 * The projected ranges of one text and level, aggregated. Immutable.
 *
 * @param level the range level, or null for ranges of a foreign trace
 * @param instances projected ranges with this text and level
 * @param kernels kernels over all instances
 * @param totalBusyNs summed GPU busy time of the instances (ns)
 * @param totalSpanNs summed projected span of the instances (ns)
 */
public record RangeAggregate(
        String text, RangeLevel level, int instances, long kernels, long totalBusyNs, long totalSpanNs) {
    /** Mean GPU busy time per instance (ns). */
    public double avgBusyNs() {
        return (double) totalBusyNs / instances;
    }

    /** Mean projected span per instance (ns). */
    public double avgSpanNs() {
        return (double) totalSpanNs / instances;
    }
}
