package org.fusescope.app.data;

import org.fusescope.app.timeline.TimelineData;
import org.fusescope.profiler.model.RunTrace;

/**
 * A run loaded into memory with its timeline lanes, from the recording it belongs to. Immutable
 * and thread-safe.
 */
public record OpenRun(Recording recording, RunTrace trace, TimelineData timeline) {
    /** The label of editor tabs, e.g. {@code fused b=16 graph — recording.sqlite}. */
    public String title() {
        return trace.run().name() + " — " + recording.label();
    }

    /** The first kernel with exactly this name, or -1. */
    public int firstKernelNamed(String name) {
        for (int i = 0; i < trace.kernels().size(); i++) {
            if (trace.kernels().get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
