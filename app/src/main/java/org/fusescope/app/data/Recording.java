package org.fusescope.app.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fusescope.profiler.model.RunInfo;

/**
 * An opened trace database: its file, a label for the explorer, and its runs. Immutable.
 *
 * @param label the file name, with {@code (synthetic)} or {@code (sample)} appended where it applies
 * @param synthetic true when every run was generated rather than measured
 * @param nsys true for a plain {@code nsys export} file
 * @param metadata the database's metadata (e.g. {@code fusescope.run.N.mixers})
 */
public record Recording(
        Path file, String label, boolean synthetic, boolean nsys, List<RunInfo> runs, Map<String, String> metadata) {
    public Recording {
        runs = List.copyOf(runs);
        metadata = Map.copyOf(metadata);
    }

    /** The run with this id, or null. */
    public RunInfo run(long id) {
        return runs.stream().filter(r -> r.id() == id).findFirst().orElse(null);
    }
}
