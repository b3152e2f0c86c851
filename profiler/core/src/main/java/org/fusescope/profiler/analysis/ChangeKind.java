package org.fusescope.profiler.analysis;

/** How a fusion group changed from the baseline run to the candidate run. */
public enum ChangeKind {
    /** Only the candidate has the group. */
    ADDED,
    /** Only the baseline has the group. */
    REMOVED,
    /** GPU time per step went down beyond both thresholds. */
    FASTER,
    /** GPU time per step went up beyond both thresholds. */
    SLOWER,
    /** Within the relative threshold or the absolute floor. */
    UNCHANGED
}
