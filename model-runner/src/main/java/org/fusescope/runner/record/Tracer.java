package org.fusescope.runner.record;

import org.fusescope.profiler.cupti.Sink;

/**
 * Where activity records come from: CUPTI on a GPU ({@code CuptiTracer}), a labelled fake in CPU
 * tests. Timestamps are on the records' clock (ns), so range markers line up with kernels.
 */
public interface Tracer extends AutoCloseable {
    /** Starts delivering records to {@code sink} (on a writer thread). */
    void start(Sink sink);

    /** Hands over every record so far and waits until the sink has them. */
    void flush();

    /** Stops recording (e.g. to time untraced steps) after flushing; {@link #resume} restarts it. */
    void pause();

    void resume();

    /** Now, on the records' clock (ns). */
    long timestampNs();

    /** What this tracer records (it may have fallen back to {@link TraceLevel#NONE}, see {@link #notice}). */
    default TraceLevel level() {
        return TraceLevel.FULL;
    }

    /** Why the tracer records less than it was asked to (one line with the remedy), or empty. */
    default java.util.Optional<String> notice() {
        return java.util.Optional.empty();
    }

    /** Stops and delivers the last records. */
    @Override
    void close();
}
