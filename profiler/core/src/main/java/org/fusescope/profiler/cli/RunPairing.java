package org.fusescope.profiler.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fusescope.profiler.model.RunInfo;

/** Pairs each fused run with the unfused run of the same batch, mode and layers. */
final class RunPairing {
    static final String UNFUSED = "unfused";

    private RunPairing() {}

    /** The fused/unfused pairs among {@code runs} of one database; empty when there are none. */
    static List<RunInfo[]> pairsIfAny(List<RunInfo> runs) {
        return matches(runs, runs);
    }

    /**
     * The pairs {baseline, candidate}: every candidate run that is not unfused, with the unfused
     * baseline run of equal batch, mode and layers. Two single-run databases pair with each other.
     */
    static List<RunInfo[]> pair(
            List<RunInfo> baselines, List<RunInfo> candidates, Path baselineFile, Path candidateFile) {
        List<RunInfo[]> pairs = matches(baselines, candidates);
        if (pairs.isEmpty() && !baselineFile.equals(candidateFile) && baselines.size() == 1 && candidates.size() == 1) {
            pairs.add(new RunInfo[] {baselines.get(0), candidates.get(0)});
        }
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("no fused run in " + candidateFile
                    + " has an unfused run of the same batch, mode and layers in " + baselineFile
                    + "; name the two runs with --runs A,B");
        }
        return pairs;
    }

    private static List<RunInfo[]> matches(List<RunInfo> baselines, List<RunInfo> candidates) {
        List<RunInfo[]> pairs = new ArrayList<>();
        for (RunInfo candidate : candidates) {
            if (candidate.variant().equals(UNFUSED)) {
                continue;
            }
            for (RunInfo baseline : baselines) {
                if (baseline.variant().equals(UNFUSED)
                        && baseline.batch() == candidate.batch()
                        && baseline.mode().equals(candidate.mode())
                        && baseline.layers() == candidate.layers()) {
                    pairs.add(new RunInfo[] {baseline, candidate});
                    break;
                }
            }
        }
        return pairs;
    }
}
