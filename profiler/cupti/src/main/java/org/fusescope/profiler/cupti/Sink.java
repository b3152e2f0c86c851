package org.fusescope.profiler.cupti;

/**
 * Where an {@link ActivityCollector} delivers its records: a recorder adapts it to a {@code
 * TraceWriter} (API calls before kernels, so that launches need not be synthesized), a test collects
 * them. Called on the collector's one writer thread only, never on a CUPTI thread, one batch at a
 * time in the order CUPTI completed the buffers; it may block (e.g. on SQLite) without stalling CUPTI.
 * An exception it throws is kept and rethrown by {@link ActivityCollector#close()}; later batches are
 * then dropped.
 */
@FunctionalInterface
public interface Sink {
    /** Takes the records of one buffer (never an empty batch). */
    void accept(ActivityBatch batch);
}
