package org.fusescope.profiler.analysis;

/**
 * One fusion group in both runs, per decode step: e.g. {@code residual_add + rmsnorm} (2 launches)
 * in the baseline against {@code fused_add_rmsnorm} (1 launch) in the candidate. The group's GPU time
 * is the median over the steps, with its spread and verdict in {@link #verdict()}; launches and bytes
 * are totals divided by the steps. Values of a run that lacks the group are 0 and its ops are empty.
 * Immutable.
 *
 * @param group the fusion group (the kernel name for kernels without attribution)
 * @param baselineOps the baseline's ops of the group, joined by {@code " + "}
 * @param candidateOps the candidate's ops of the group
 * @param baselineLaunches kernel launches per step in the baseline
 * @param candidateLaunches kernel launches per step in the candidate
 * @param baselineBytes bytes moved per step in the baseline
 * @param candidateBytes bytes moved per step in the candidate
 * @param verdict the group's GPU time per step in both runs, its spread and the verdict
 * @param movedWork for a group only one run has, where its work went ("moved into grouped_gemm1, …
 *     (shared_as_expert)") or came from; else empty
 */
public record GroupComparison(
        String group,
        String baselineOps,
        String candidateOps,
        double baselineLaunches,
        double candidateLaunches,
        double baselineBytes,
        double candidateBytes,
        Verdict verdict,
        String movedWork) {
    /** The verdict: faster, slower, within noise, added or removed. */
    public ChangeKind change() {
        return verdict.change();
    }

    /** Median summed kernel duration per step in the baseline (ns). */
    public double baselineNs() {
        return verdict.baseline().median();
    }

    /** Median summed kernel duration per step in the candidate (ns). */
    public double candidateNs() {
        return verdict.candidate().median();
    }

    /** Candidate − baseline median GPU time per step (ns); negative when the candidate is faster. */
    public double deltaNs() {
        return verdict.delta();
    }

    /** Baseline / candidate median GPU time; NaN when the group is missing from either run. */
    public double speedUp() {
        return verdict.speedUp();
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
