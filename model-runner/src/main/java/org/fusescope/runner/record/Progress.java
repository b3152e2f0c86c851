package org.fusescope.runner.record;

/**
 * Where the recorder reports how far it got: a terminal bar, JSON lines for the workbench, or
 * nothing. Called on the recording thread.
 */
@FunctionalInterface
public interface Progress {
    /** Nothing is reported. */
    Progress NONE = e -> {};

    void update(ProgressEvent event);
}
