package org.fusescope.app.run;

/**
 * One progress line of {@code fusescope run --progress json}. Fields the runner left out are null
 * (text) or -1 (numbers). Immutable.
 *
 * @param phase calibrate, prepare, warmup, measure, verify, write, done or error
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

    /** A status-bar line, e.g. {@code measure fused b=64 graph (run 3/12, step 5/20)}. */
    public String describe() {
        StringBuilder b = new StringBuilder(phase);
        if (run != null) {
            b.append(' ').append(run);
        }
        if (runIndex >= 0 && runs > 0) {
            b.append(" (run ").append(runIndex + 1).append('/').append(runs);
            b.append(step >= 0 && steps > 0 ? ", step " + step + "/" + steps + ")" : ")");
        }
        if (message != null && !message.isEmpty()) {
            b.append(": ").append(message);
        }
        return b.toString();
    }
}
