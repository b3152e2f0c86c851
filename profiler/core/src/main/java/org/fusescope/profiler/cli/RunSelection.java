package org.fusescope.profiler.cli;

import java.util.ArrayList;
import java.util.List;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.store.TraceReader;

/** Chooses runs of a database by id or exact name. */
final class RunSelection {
    private RunSelection() {}

    /** The runs named by {@code selectors} in that order, or every run when there are none. */
    static List<RunInfo> select(TraceReader reader, List<String> selectors) {
        if (selectors.isEmpty()) {
            return reader.runs();
        }
        List<RunInfo> chosen = new ArrayList<>();
        for (String selector : selectors) {
            chosen.add(reader.run(selector.trim()));
        }
        return chosen;
    }
}
