package org.fusescope.profiler.analysis;

/**
 * What the values of a {@link Column} are and so how renderers format them.
 *
 * <p>Accepted cell values: {@link #TEXT} a {@code String}; {@link #INTEGER} and {@link #BYTES} a
 * whole number (stored as {@code Long}); {@link #DURATION_NS} a {@code Long} or a {@code Double}
 * (averages and medians of durations are fractional); {@link #DOUBLE} and {@link #PERCENT} a {@code
 * Double}, percentages in points (0..100). Any cell may be null (unknown), and NaN means unknown too.
 */
public enum ColumnKind {
    TEXT,
    INTEGER,
    DURATION_NS,
    BYTES,
    DOUBLE,
    PERCENT;

    /** True for every kind but {@link #TEXT}; numeric columns are right-aligned in text. */
    public boolean isNumeric() {
        return this != TEXT;
    }
}
