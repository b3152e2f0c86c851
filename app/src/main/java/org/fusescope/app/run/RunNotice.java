package org.fusescope.app.run;

/**
 * What the workbench tells the user when a run has ended, or could not start (a notification popup). Immutable.
 *
 * @param kind whether it worked
 * @param title one short line, e.g. {@code Run finished}
 * @param text what happened: {@code opened …} after a success, the reason line after a failure
 */
public record RunNotice(Kind kind, String title, String text) {
    /** How a run ended, for the popup's icon. */
    public enum Kind {
        SUCCEEDED,
        STOPPED,
        FAILED
    }
}
