package org.fusescope.app.run;

/**
 * How a {@code fusescope run} child process ended. Immutable.
 *
 * @param exitCode the process's exit status (0 = success; after a stop, whatever the kill left)
 * @param reason why it failed: the runner's error message, else its first error line; empty on
 *     success; {@value #STOPPED} after a stop
 * @param stopped true when the user stopped it
 */
public record RunEnd(int exitCode, String reason, boolean stopped) {
    /** The reason of a run the user stopped. */
    public static final String STOPPED = "stopped by the user";

    /** True when the runner finished on its own and reported success. */
    public boolean succeeded() {
        return exitCode == 0 && !stopped;
    }
}
