package org.fusescope.runner.record;

/**
 * Turns the recorder's phases into {@link ProgressEvent}s with an overall fraction: each run counts
 * as its measured steps plus two (prepare and warm-up, write). Not thread-safe.
 */
final class ProgressTracker {
    private final Progress progress;
    private final int runs;
    private final int steps;
    private int runIndex;
    private int done;

    ProgressTracker(Progress progress, int runs, int steps) {
        this.progress = progress;
        this.runs = runs;
        this.steps = steps;
    }

    /** Moves to the next run. */
    void nextRun() {
        runIndex++;
    }

    /** Reports {@code phase}; a measure phase reports step {@code step} finished. */
    void phase(String phase, String run, int step) {
        if (phase.equals("measure") || phase.equals("write") || phase.equals("prepare")) {
            done++;
        }
        report(phase, run, step, null);
    }

    /** Reports a phase outside the runs (calibrate, verify, done, error) with a message. */
    void message(String phase, String message) {
        report(phase, null, -1, message);
    }

    private void report(String phase, String run, int step, String message) {
        double total = (double) runs * (steps + 2);
        double fraction = phase.equals("done") ? 1 : Math.min(1, done / total);
        progress.update(
                new ProgressEvent(phase, run, run == null ? 0 : runIndex, runs, step, steps, fraction, message));
    }
}
