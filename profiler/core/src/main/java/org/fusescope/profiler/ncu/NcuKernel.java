package org.fusescope.profiler.ncu;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.fusescope.profiler.model.Dim3;

/**
 * One kernel launch as Nsight Compute profiled it.
 *
 * @param id ncu's launch id (its order of profiling)
 * @param name the kernel name as ncu printed it (demangled unless asked otherwise)
 * @param grid the grid
 * @param block the block
 * @param values the metrics it reported, in {@link NcuMetric#unit()} (absent: not collected or n/a)
 */
public record NcuKernel(int id, String name, Dim3 grid, Dim3 block, Map<NcuMetric, Double> values) {
    public NcuKernel {
        EnumMap<NcuMetric, Double> copy = new EnumMap<>(NcuMetric.class);
        copy.putAll(values);
        values = Collections.unmodifiableMap(copy);
    }

    /** The metric's value, or NaN when ncu gave none. */
    public double value(NcuMetric metric) {
        Double v = values.get(metric);
        return v == null ? Double.NaN : v;
    }
}
