package org.fusescope.app.run;

import java.util.concurrent.CompletableFuture;
import javafx.concurrent.Task;

/**
 * A running {@code fusescope run} as a JavaFX {@link Task}, for task-progress views: its progress
 * and message follow the runner's progress lines, cancelling it stops the child process, and it
 * succeeds with the {@link RunEnd} once the process has ended. It does no work itself: {@link
 * #call} waits for the process, so run it on its own thread, not on a shared worker.
 */
public final class RunTask extends Task<RunEnd> {
    private final CompletableFuture<RunEnd> end = new CompletableFuture<>();
    private final Runnable stop;

    /**
     * @param title what is running, e.g. {@code fusescope run → out.sqlite}
     * @param stop stops the child process (called on the FX thread when the task is cancelled)
     */
    public RunTask(String title, Runnable stop) {
        this.stop = stop;
        updateTitle(title);
        updateMessage("starting");
        updateProgress(-1, 1);
    }

    /** Follows a progress line of the runner; any thread. */
    public void report(RunProgress p) {
        updateMessage(p.describe());
        updateProgress(p.fraction() < 0 ? -1 : p.fraction(), 1);
    }

    /** The process ended; any thread. */
    public void finish(RunEnd runEnd) {
        end.complete(runEnd);
    }

    @Override
    protected RunEnd call() throws Exception {
        return end.get();
    }

    @Override
    protected void cancelled() {
        stop.run();
    }
}
