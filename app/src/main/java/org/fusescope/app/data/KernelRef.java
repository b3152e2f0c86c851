package org.fusescope.app.data;

import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.RunTrace;

/**
 * One kernel of one loaded run: what selection passes between the timeline, the statistics,
 * Properties and the roofline. Immutable.
 *
 * @param index the kernel's index in {@code trace.kernels()}
 */
public record KernelRef(OpenRun run, int index) {
    public KernelRef {
        if (index < 0 || index >= run.trace().kernels().size()) {
            throw new IllegalArgumentException(
                    "no kernel " + index + " in run " + run.trace().run().name());
        }
    }

    public KernelEvent kernel() {
        return run.trace().kernels().get(index);
    }

    public RunTrace trace() {
        return run.trace();
    }
}
