package org.fusescope.app.explorer;

import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.fusescope.app.data.Recording;
import org.fusescope.profiler.model.RunInfo;

/**
 * The Runs explorer: open recordings and their runs, with the text shown for each. Use on the FX
 * thread.
 */
public final class RunsExplorerViewModel {
    /** A run of a recording, as a tree node. */
    public record RunNode(Recording recording, RunInfo run) {}

    private final ObservableList<Recording> recordings = FXCollections.observableArrayList();

    public ObservableList<Recording> recordings() {
        return recordings;
    }

    /** Adds a recording, replacing an earlier one of the same file. */
    public void add(Recording recording) {
        for (int i = 0; i < recordings.size(); i++) {
            if (recordings.get(i).file().equals(recording.file())) {
                recordings.set(i, recording);
                return;
            }
        }
        recordings.add(recording);
    }

    /** Removes a recording. */
    public void remove(Recording recording) {
        recordings.removeIf(r -> r.file().equals(recording.file()));
    }

    /** The line of a run node: name, then variant, batch, mode and status. */
    public static String describe(RunInfo run) {
        StringBuilder b = new StringBuilder(run.name()).append("   ");
        b.append(run.variant());
        if (run.batch() > 0) {
            b.append(" · b=").append(run.batch());
        }
        if (!run.mode().isEmpty()) {
            b.append(" · ").append(run.mode());
        }
        b.append(" · ").append(run.status().word().toLowerCase(Locale.ROOT));
        return b.toString();
    }

    /** The line of a recording node: its label and run count. */
    public static String describe(Recording recording) {
        return recording.label() + " (" + recording.runs().size()
                + (recording.runs().size() == 1 ? " run)" : " runs)");
    }
}
