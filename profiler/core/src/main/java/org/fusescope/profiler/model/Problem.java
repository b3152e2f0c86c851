package org.fusescope.profiler.model;

/**
 * Something wrong found while recording: a broken invariant, dropped records, an unfinished run.
 *
 * @param code a stable short code, e.g. {@code expert-count-sum}, {@code dropped-records}
 * @param layer the layer it concerns, or -1
 * @param step the decode step it concerns, or -1
 * @param timeNs where on the timeline it belongs (ns), or -1
 */
public record Problem(Severity severity, String code, String message, int layer, int step, long timeNs) {
    public Problem {
        if (code == null || code.isBlank() || message == null) {
            throw new IllegalArgumentException("a problem needs a code and a message");
        }
    }
}
