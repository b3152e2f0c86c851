package org.fusescope.profiler.analysis;

import java.util.Locale;

/** How a per-step value (a fusion group's GPU time, a step total) changed from the baseline run to the candidate. */
public enum ChangeKind {
    /** Only the candidate has the group. */
    ADDED,
    /** Only the baseline has the group. */
    REMOVED,
    /** Lower beyond the noise: the interval of the change is below zero and the change passes the floor. */
    FASTER,
    /** Higher beyond the noise: the interval of the change is above zero and the change passes the floor. */
    SLOWER,
    /** The interval of the change holds zero, or the change is under the floor. */
    WITHIN_NOISE;

    /** The verdict in words: {@code faster}, {@code slower}, {@code within noise}, {@code added}, {@code removed}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
