package org.fusescope.runner.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.fusescope.profiler.model.NumericCheck;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.store.RecordingChecks;

/**
 * What {@code run --verify} says once the runs are recorded: one line for all checks (each batch's checks are
 * stored with every run of that batch, and counted once here) with the worst of them, and one line per check
 * outside its tolerance. Stateless.
 */
final class VerifySummary {
    private VerifySummary() {}

    /** The checks recorded in {@code db} for its {@code runs}, by batch (those of the batch's first run). */
    static Map<Integer, List<NumericCheck>> read(Path db, List<RunInfo> runs) {
        Map<Integer, Long> firstRun = new TreeMap<>();
        for (RunInfo run : runs) {
            firstRun.putIfAbsent(run.batch(), run.id());
        }
        RecordingChecks checks = RecordingChecks.read(db, firstRun.values());
        Map<Integer, List<NumericCheck>> byBatch = new TreeMap<>();
        firstRun.forEach((batch, id) -> byBatch.put(batch, checks.checks(id)));
        return byBatch;
    }

    /** True when there are checks and every one is within its tolerance. */
    static boolean passed(Map<Integer, List<NumericCheck>> byBatch) {
        List<NumericCheck> all = byBatch.values().stream().flatMap(List::stream).toList();
        return !all.isEmpty() && all.stream().allMatch(NumericCheck::passed);
    }

    /** The summary line, then one line per check outside its tolerance (in batch order). */
    static List<String> lines(Map<Integer, List<NumericCheck>> checks) {
        Map<Integer, List<NumericCheck>> byBatch = new TreeMap<>(checks);
        int total = byBatch.values().stream().mapToInt(List::size).sum();
        String batches = byBatch.keySet().stream().map(String::valueOf).collect(Collectors.joining(", "));
        List<String> failed = new ArrayList<>();
        double worst = -1;
        String worstAt = "";
        for (Map.Entry<Integer, List<NumericCheck>> e : byBatch.entrySet()) {
            for (NumericCheck c : e.getValue()) {
                double share = c.relNorm() / c.tolerance();
                if (share > worst) {
                    worst = share;
                    worstAt = c.name() + " at batch " + e.getKey();
                }
                if (!c.passed()) {
                    failed.add(String.format(
                            Locale.ROOT,
                            "  batch %d: %s: relative error %.3g > tolerance %.3g (max |difference| %.3g)",
                            e.getKey(),
                            c.name(),
                            c.relNorm(),
                            c.tolerance(),
                            c.maxAbs()));
                }
            }
        }
        List<String> lines = new ArrayList<>();
        if (total == 0) {
            lines.add("--verify: no checks were recorded");
        } else if (failed.isEmpty()) {
            lines.add(String.format(
                    Locale.ROOT,
                    "--verify: %d checks at batch %s, all within tolerance (the worst, %s, at %.2f of its"
                            + " tolerance)",
                    total,
                    batches,
                    worstAt,
                    worst));
        } else {
            lines.add(String.format(
                    Locale.ROOT,
                    "--verify: %d of %d checks at batch %s outside their tolerance:",
                    failed.size(),
                    total,
                    batches));
            lines.addAll(failed);
        }
        return lines;
    }
}
