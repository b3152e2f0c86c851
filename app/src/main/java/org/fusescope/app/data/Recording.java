package org.fusescope.app.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fusescope.profiler.model.MeasuredKernel;
import org.fusescope.profiler.model.RunInfo;

/**
 * An opened trace database: its file, a label for the explorer, and its runs. Immutable.
 *
 * @param label the file name, with {@code (synthetic)} or {@code (sample)} appended where it applies
 * @param synthetic true when every run was generated rather than measured
 * @param nsys true for a plain {@code nsys export} file
 * @param metadata the database's metadata (e.g. {@code fusescope.run.N.mixers})
 * @param measured Nsight Compute's counters by run id, then by kernel start (empty for runs without)
 */
public record Recording(
        Path file,
        String label,
        boolean synthetic,
        boolean nsys,
        List<RunInfo> runs,
        Map<String, String> metadata,
        Map<Long, Map<Long, MeasuredKernel>> measured) {
    public Recording {
        runs = List.copyOf(runs);
        metadata = Map.copyOf(metadata);
        measured = Map.copyOf(measured);
    }

    /** A recording without Nsight Compute counters. */
    public Recording(
            Path file,
            String label,
            boolean synthetic,
            boolean nsys,
            List<RunInfo> runs,
            Map<String, String> metadata) {
        this(file, label, synthetic, nsys, runs, metadata, Map.of());
    }

    /** What Nsight Compute measured for the run's kernel starting at {@code startNs}, or null. */
    public MeasuredKernel measured(long runId, long startNs) {
        return measured.getOrDefault(runId, Map.of()).get(startNs);
    }

    /** Every kernel of the run that Nsight Compute measured. */
    public List<MeasuredKernel> measured(long runId) {
        return List.copyOf(measured.getOrDefault(runId, Map.of()).values());
    }

    /** The run with this id, or null. */
    public RunInfo run(long id) {
        return runs.stream().filter(r -> r.id() == id).findFirst().orElse(null);
    }
}
