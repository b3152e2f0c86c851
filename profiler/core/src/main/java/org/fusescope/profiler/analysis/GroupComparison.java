package org.fusescope.profiler.analysis;

/**
 * One fusion group in both runs, per decode step: e.g. {@code residual_add + rmsnorm} (2 launches)
 * in the baseline against {@code fused_add_rmsnorm} (1 launch) in the candidate. Values of a run
 * that lacks the group are 0 and its ops are empty. Immutable.
 *
 * @param group the fusion group (the kernel name for kernels without attribution)
 * @param baselineOps the baseline's ops of the group, joined by {@code " + "}
 * @param candidateOps the candidate's ops of the group
 * @param baselineLaunches kernel launches per step in the baseline
 * @param candidateLaunches kernel launches per step in the candidate
 * @param baselineNs summed kernel duration per step in the baseline (ns)
 * @param candidateNs summed kernel duration per step in the candidate (ns)
 * @param baselineBytes bytes moved per step in the baseline
 * @param candidateBytes bytes moved per step in the candidate
 */
public record GroupComparison(
        String group,
        String baselineOps,
        String candidateOps,
        double baselineLaunches,
        double candidateLaunches,
        double baselineNs,
        double candidateNs,
        double baselineBytes,
        double candidateBytes,
        ChangeKind change) {
    /** Candidate − baseline GPU time per step (ns); negative when the candidate is faster. */
    public double deltaNs() {
        return candidateNs - baselineNs;
    }

    /** Baseline / candidate GPU time; NaN when the group is missing from either run. */
    public double speedUp() {
        return baselineNs > 0 && candidateNs > 0 ? baselineNs / candidateNs : Double.NaN;
    }

    /** Baseline − candidate launches per step. */
    public double launchesSaved() {
        return baselineLaunches - candidateLaunches;
    }

    /** Baseline − candidate bytes per step. */
    public double bytesSaved() {
        return baselineBytes - candidateBytes;
    }
}
