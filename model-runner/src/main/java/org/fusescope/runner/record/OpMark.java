package org.fusescope.runner.record;

import org.fusescope.profiler.ops.Op;

/**
 * Where and when one launch was enqueued: the CPU interval (ns, the records' clock) around the call
 * that enqueued it, for eager steps; or just its place in a captured graph ({@code startNs = endNs =
 * -1}).
 *
 * @param step the decode step, or -1 for warm-up
 */
public record OpMark(Op launch, int layer, int step, long startNs, long endNs) {
    public boolean contains(long timeNs) {
        return timeNs >= startNs && timeNs <= endNs;
    }
}
