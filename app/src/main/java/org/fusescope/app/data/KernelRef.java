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
        // the timeline's count: the full trace may still be loading
        if (index < 0 || index >= run.timeline().kernelCount()) {
            throw new IllegalArgumentException(
                    "no kernel " + index + " in run " + run.info().name());
        }
    }

    /** The kernel's short name, known at once (from the timeline's columns). */
    public String name() {
        return run.timeline().columns().kernels().name(index);
    }

    /** The kernel; blocks until the run's full trace is loaded (see {@link OpenRun#trace()}). */
    public KernelEvent kernel() {
        return run.trace().kernels().get(index);
    }

    public RunTrace trace() {
        return run.trace();
    }
}
