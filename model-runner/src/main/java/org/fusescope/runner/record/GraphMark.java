package org.fusescope.runner.record;

/** The CPU interval (ns, the records' clock) around one graph replay, and the step it was. */
public record GraphMark(int step, long startNs, long endNs) {
    public boolean contains(long timeNs) {
        return timeNs >= startNs && timeNs <= endNs;
    }
}
