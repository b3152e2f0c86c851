package org.fusescope.app.problems;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.fusescope.app.data.Recording;
import org.fusescope.profiler.model.NumericCheck;
import org.fusescope.profiler.model.Problem;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunTrace;
import org.fusescope.profiler.model.Severity;
import org.fusescope.profiler.store.RecordingChecks;

/**
 * The Problems tool window: invariant violations and dropped records the runs recorded, numeric
 * checks out of tolerance, incomplete runs, and files that could not be opened; with none, a line
 * that says what was checked. Use on the FX thread.
 */
public final class ProblemsViewModel {
    /** The code of a numeric check whose relative error exceeds its tolerance. */
    public static final String NUMERIC_CHECK = "numeric-check";

    private final ObservableList<ProblemItem> items = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper emptyState = new ReadOnlyStringWrapper(this, "emptyState");
    private final Map<Path, Recording> open = new LinkedHashMap<>();
    private final Map<Path, RecordingChecks> checked = new HashMap<>();

    public ProblemsViewModel() {
        refresh();
    }

    public ObservableList<ProblemItem> items() {
        return items;
    }

    /** What the window says while there is no problem, e.g. {@code No problems: 12 runs complete, …}. */
    public ReadOnlyStringProperty emptyStateProperty() {
        return emptyState.getReadOnlyProperty();
    }

    /** Lists the incomplete runs of a newly opened recording (its stored problems follow in {@link #recordingChecked}). */
    public void recordingOpened(Recording recording) {
        items.removeIf(p -> concerns(p, recording));
        open.put(recording.file(), recording);
        checked.remove(recording.file());
        for (RunInfo run : recording.runs()) {
            if (!run.isComplete()) {
                items.add(new ProblemItem(
                        Severity.WARNING,
                        recording.label() + " / " + run.name(),
                        "incomplete-run",
                        "run " + run.name() + " did not finish; it shows what was recorded",
                        recording,
                        run.id(),
                        -1));
            }
        }
        refresh();
    }

    /** Lists what every run of the recording stored: its problems and its numeric checks out of tolerance. */
    public void recordingChecked(Recording recording, RecordingChecks checks) {
        if (!open.containsKey(recording.file())) {
            return; // closed meanwhile
        }
        items.removeIf(p -> concerns(p, recording) && !p.code().equals("incomplete-run"));
        for (RunInfo run : recording.runs()) {
            checks.problems(run.id()).forEach(p -> items.add(item(recording, run, p)));
            checks.checks(run.id()).stream().filter(c -> !c.passed()).forEach(c -> items.add(item(recording, run, c)));
        }
        checked.put(recording.file(), checks);
        refresh();
    }

    /** Adds the problems a loaded run recorded, unless its recording's problems were read already. */
    public void runLoaded(Recording recording, RunTrace trace) {
        if (checked.containsKey(recording.file())) {
            return;
        }
        long id = trace.run().id();
        items.removeIf(
                p -> concerns(p, recording) && p.runId() == id && !p.code().equals("incomplete-run"));
        trace.problems().forEach(p -> items.add(item(recording, trace.run(), p)));
        refresh();
    }

    /** Forgets a closed recording and its problems. */
    public void recordingClosed(Recording recording) {
        items.removeIf(p -> concerns(p, recording));
        open.remove(recording.file());
        checked.remove(recording.file());
        refresh();
    }

    /** A file or run that could not be read. */
    public void failed(String where, String message) {
        items.add(new ProblemItem(Severity.ERROR, where, "open-failed", message, null, -1, -1));
        refresh();
    }

    private static boolean concerns(ProblemItem p, Recording recording) {
        return p.recording() != null && p.recording().file().equals(recording.file());
    }

    private static ProblemItem item(Recording recording, RunInfo run, Problem p) {
        return new ProblemItem(
                p.severity(),
                recording.label() + " / " + run.name() + where(p.layer(), p.step()),
                p.code(),
                p.message(),
                recording,
                run.id(),
                p.timeNs(),
                p.layer(),
                p.step());
    }

    private static ProblemItem item(Recording recording, RunInfo run, NumericCheck c) {
        return new ProblemItem(
                Severity.ERROR,
                recording.label() + " / " + run.name() + where(c.layer(), c.step()),
                NUMERIC_CHECK,
                String.format(
                        Locale.ROOT,
                        "%s: relative error %.3g exceeds the tolerance %.3g (max |diff| %.3g)",
                        c.name(),
                        c.relNorm(),
                        c.tolerance(),
                        c.maxAbs()),
                recording,
                run.id(),
                -1,
                c.layer(),
                c.step());
    }

    private static String where(int layer, int step) {
        return (layer >= 0 ? " layer " + layer : "") + (step >= 0 ? " step " + step : "");
    }

    private void refresh() {
        emptyState.set(describeNone());
    }

    /** The line shown while the list is empty, from what is open and what was checked. */
    private String describeNone() {
        if (open.isEmpty()) {
            return "No problems: no recording is open";
        }
        int runs = open.values().stream().mapToInt(r -> r.runs().size()).sum();
        String complete = runs + (runs == 1 ? " run" : " runs") + " complete";
        long unchecked =
                open.keySet().stream().filter(f -> !checked.containsKey(f)).count();
        if (unchecked > 0) {
            return "No problems so far: " + complete + "; reading the stored checks of " + unchecked
                    + (unchecked == 1 ? " recording …" : " recordings …");
        }
        if (checked.values().stream().noneMatch(RecordingChecks::recorded)) {
            return "No problems: " + complete + "; nsys exports record no invariant checks";
        }
        long numeric = checked.values().stream()
                .flatMap(c -> c.checks().values().stream())
                .mapToLong(java.util.List::size)
                .sum();
        return "No problems: " + complete + ", all invariant checks passed"
                + (numeric > 0 ? ", " + numeric + " numeric checks within tolerance" : "");
    }
}
