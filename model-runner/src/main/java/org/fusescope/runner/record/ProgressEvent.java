package org.fusescope.runner.record;

/**
 * One progress report; written by {@code --progress json} as one JSON object per line.
 *
 * @param phase calibrate, prepare, verify, warmup, measure, write, done or error
 * @param run the run's label, or null outside a run
 * @param runIndex 1-based index of the run, or 0 outside a run
 * @param runs runs in the recording
 * @param step the measured step just finished (0-based), or -1
 * @param steps measured steps per run
 * @param fraction how much of the whole recording is done, 0..1
 * @param message a human-readable line, or null
 */
public record ProgressEvent(
        String phase, String run, int runIndex, int runs, int step, int steps, double fraction, String message) {}
