package org.fusescope.app.problems;

import org.fusescope.app.data.Recording;
import org.fusescope.profiler.model.Severity;

/**
 * One line of the Problems tool window and where it leads.
 *
 * @param recording the recording it concerns, or null (e.g. a file that could not be opened)
 * @param runId the run it concerns, or -1
 * @param timeNs where on the run's timeline it belongs (ns), or -1
 * @param layer the layer it concerns, or -1
 * @param step the decode step it concerns, or -1
 */
public record ProblemItem(
        Severity severity,
        String where,
        String code,
        String message,
        Recording recording,
        long runId,
        long timeNs,
        int layer,
        int step) {
    /** A problem of a whole run, or of a time in it, with no layer or step. */
    public ProblemItem(
            Severity severity,
            String where,
            String code,
            String message,
            Recording recording,
            long runId,
            long timeNs) {
        this(severity, where, code, message, recording, runId, timeNs, -1, -1);
    }

    /** True when navigating to it can open a run. */
    public boolean navigable() {
        return recording != null && runId >= 0;
    }
}
