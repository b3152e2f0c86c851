package org.fusescope.runner.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunMetadata;
import org.fusescope.profiler.store.TraceReader;
import org.fusescope.runner.record.StepTiming;

/**
 * The reference of {@code run --overhead-reference process}: the same runs recorded first by a child {@code
 * fusescope run --trace none}, a process CUPTI never attaches to, with the parent's step timing, and each run's
 * median step time read back from the child's database. The in-run overhead compares with steps of the traced
 * process while CUPTI is paused, and on the H100 that process runs eager steps ≈ 4 µs and graph replays ≈ 1.5 µs
 * slower than one without CUPTI (benchmarks/h100/overhead.md); this reference has no such bias. Stateless.
 */
final class NoCuptiReference {
    private NoCuptiReference() {}

    /** What the child is told besides the run's own options: no CUPTI, the parent's step timing. */
    static List<String> settings(StepTiming timing) {
        return List.of("--trace", "none", "--step-timing", timing.name().toLowerCase(Locale.ROOT));
    }

    /**
     * Records {@code runOptions} in a child without CUPTI, next to {@code out} (its files removed afterwards).
     *
     * @return by run name, the median step time without CUPTI (ns)
     * @throws IllegalStateException when the child fails, with its last lines
     */
    static Map<String, Double> measure(List<String> runOptions, StepTiming timing, Path out, PrintWriter err)
            throws IOException, InterruptedException {
        Path parent = out.toAbsolutePath().getParent();
        Path work = Files.createTempDirectory(parent, ".no-cupti-");
        try {
            Path db = work.resolve("no-cupti.sqlite");
            ChildRun.run(
                    err,
                    "fusescope",
                    "the same runs in a process without CUPTI (--overhead-reference process)",
                    ChildRun.command(runOptions, settings(timing), db),
                    work.resolve("no-cupti.log"));
            return stepNsByRun(db);
        } finally {
            ChildRun.deleteTree(work);
        }
    }

    /** By run name, each run's median traced step time in {@code database} (a --trace none run: no CUPTI), ns. */
    static Map<String, Double> stepNsByRun(Path database) {
        Map<String, Double> byName = new HashMap<>();
        try (TraceReader reader = TraceReader.open(database)) {
            Map<String, String> metadata = reader.metadata();
            for (RunInfo run : reader.runs()) {
                String value = metadata.get(RunMetadata.key(run.id(), RunMetadata.STEP_GPU_NS_TRACED));
                if (value != null && !value.isBlank()) {
                    byName.put(run.name(), Double.parseDouble(value));
                }
            }
        }
        return byName;
    }
}
