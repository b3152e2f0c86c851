package org.fusescope.app.run;

/**
 * One progress line of {@code fusescope run --progress json}. Fields the runner left out are null
 * (text) or -1 (numbers). Immutable.
 *
 * @param phase calibrate, prepare, warmup, measure, verify, write, done or error
 * @param runIndex the run's 1-based index (the runner writes 0 outside a run)
 * @param step the measured step just finished, 0-based
 * @param fraction overall progress 0..1
 */
public record RunProgress(
        String phase, String run, int runIndex, int runs, int step, int steps, double fraction, String message) {
    /** The runner finished successfully. */
    public boolean done() {
        return "done".equals(phase);
    }

    /** The runner reported a failure; {@link #message()} says why. */
    public boolean error() {
        return "error".equals(phase);
    }

    /** A status-bar line, e.g. {@code measure fused b=64 graph (run 3/12, step 5/20)}, counting from 1. */
    public String describe() {
        StringBuilder b = new StringBuilder(phase);
        if (run != null) {
            b.append(' ').append(run);
        }
        if (runIndex >= 1 && runs > 0) {
            b.append(" (run ").append(runIndex).append('/').append(runs);
            b.append(step >= 0 && steps > 0 ? ", step " + (step + 1) + "/" + steps + ")" : ")");
        }
        if (message != null && !message.isEmpty()) {
            b.append(": ").append(message);
        }
        return b.toString();
    }
}
