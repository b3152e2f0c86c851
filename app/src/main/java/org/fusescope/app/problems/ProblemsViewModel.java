package org.fusescope.app.problems;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.fusescope.app.data.Recording;
import org.fusescope.profiler.model.Problem;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunTrace;
import org.fusescope.profiler.model.Severity;

/**
 * The Problems tool window: invariant violations and dropped records a run recorded, incomplete
 * runs, and files that could not be opened. Use on the FX thread.
 */
public final class ProblemsViewModel {
    private final ObservableList<ProblemItem> items = FXCollections.observableArrayList();

    public ObservableList<ProblemItem> items() {
        return items;
    }

    /** Lists the incomplete runs of a newly opened recording. */
    public void recordingOpened(Recording recording) {
        items.removeIf(p -> p.recording() != null && p.recording().file().equals(recording.file()));
        for (RunInfo run : recording.runs()) {
            if (!run.isComplete()) {
                items.add(new ProblemItem(
                        Severity.WARNING,
                        recording.label() + " / " + run.name(),
                        "incomplete-run",
                        "run " + run.name() + " did not finish; it shows what was recorded",
                        recording,
                        run.id(),
                        run.startNs()));
            }
        }
    }

    /** Adds the problems a loaded run recorded (once per run). */
    public void runLoaded(Recording recording, RunTrace trace) {
        long id = trace.run().id();
        items.removeIf(p -> p.recording() != null
                && p.recording().file().equals(recording.file())
                && p.runId() == id
                && !p.code().equals("incomplete-run"));
        for (Problem p : trace.problems()) {
            items.add(new ProblemItem(
                    p.severity(),
                    recording.label() + " / " + trace.run().name() + where(p),
                    p.code(),
                    p.message(),
                    recording,
                    id,
                    p.timeNs()));
        }
    }

    /** A file or run that could not be read. */
    public void failed(String where, String message) {
        items.add(new ProblemItem(Severity.ERROR, where, "open-failed", message, null, -1, -1));
    }

    private static String where(Problem p) {
        return (p.layer() >= 0 ? " layer " + p.layer() : "") + (p.step() >= 0 ? " step " + p.step() : "");
    }
}
