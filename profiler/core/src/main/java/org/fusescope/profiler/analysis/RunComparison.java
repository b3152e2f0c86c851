package org.fusescope.profiler.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusescope.profiler.model.RunTrace;

/**
 * Compares a baseline run (e.g. unfused) with a candidate (e.g. fused). Kernels are matched by
 * fusion group, so the unfused {@code residual_add + rmsnorm} meet the fused {@code
 * fused_add_rmsnorm} that replaced them in group {@code add_rmsnorm}. Every per-group value is per
 * decode step (totals divided by the run's step count), so runs with different step counts compare;
 * kernels outside any step (warm-up) are left out. A group's GPU time is its median over the steps,
 * judged against the spread over the steps by {@link NoiseRule}: faster or slower only beyond the
 * noise. A group only one run has says where its work went ({@link MovedWork}). Also compares the
 * step-total medians (the times with verdicts) and pairs the numeric checks. Immutable and thread-safe.
 */
public final class RunComparison {
    private final int baselineSteps;
    private final int candidateSteps;
    private final List<GroupComparison> groups;
    private final List<MetricComparison> stepTotals;
    private final List<CheckPair> checks;

    private RunComparison(
            int baselineSteps,
            int candidateSteps,
            List<GroupComparison> groups,
            List<MetricComparison> stepTotals,
            List<CheckPair> checks) {
        this.baselineSteps = baselineSteps;
        this.candidateSteps = candidateSteps;
        this.groups = List.copyOf(groups);
        this.stepTotals = List.copyOf(stepTotals);
        this.checks = List.copyOf(checks);
    }

    /** Compares with {@link ComparisonOptions#DEFAULTS}. */
    public static RunComparison of(RunTrace baseline, RunTrace candidate) {
        return of(baseline, candidate, ComparisonOptions.DEFAULTS);
    }

    public static RunComparison of(RunTrace baseline, RunTrace candidate, ComparisonOptions options) {
        StepIndex baseIndex = new StepIndex(baseline, new LaunchIndex(baseline));
        StepIndex candIndex = new StepIndex(candidate, new LaunchIndex(candidate));
        int baseSteps = Math.max(1, baseIndex.steps().size());
        int candSteps = Math.max(1, candIndex.steps().size());
        Map<String, GroupUsage> base = GroupUsage.perStep(baseIndex);
        Map<String, GroupUsage> cand = GroupUsage.perStep(candIndex);
        Set<String> names = new LinkedHashSet<>(base.keySet());
        names.addAll(cand.keySet());
        List<GroupComparison> groups = new ArrayList<>();
        for (String name : names) {
            groups.add(compare(name, base, cand, baseSteps, candSteps, options));
        }
        groups.sort(Comparator.comparingDouble((GroupComparison g) -> Math.abs(g.deltaNs()))
                .reversed()
                .thenComparing(GroupComparison::group));
        return new RunComparison(
                baseSteps,
                candSteps,
                groups,
                StepComparison.compare(StepTotals.of(baseline), StepTotals.of(candidate), options),
                StepComparison.pairChecks(baseline.checks(), candidate.checks()));
    }

    private static GroupComparison compare(
            String group,
            Map<String, GroupUsage> base,
            Map<String, GroupUsage> cand,
            int baseSteps,
            int candSteps,
            ComparisonOptions options) {
        GroupUsage b = base.getOrDefault(group, GroupUsage.absent(group, baseSteps));
        GroupUsage c = cand.getOrDefault(group, GroupUsage.absent(group, candSteps));
        Verdict verdict;
        String movedWork = "";
        if (!base.containsKey(group)) {
            verdict = NoiseRule.onlyIn(ChangeKind.ADDED, b.stepNs(), c.stepNs());
            movedWork = MovedWork.added(group, base, cand);
        } else if (!cand.containsKey(group)) {
            verdict = NoiseRule.onlyIn(ChangeKind.REMOVED, b.stepNs(), c.stepNs());
            movedWork = MovedWork.removed(group, base, cand);
        } else {
            verdict = NoiseRule.judge(b.stepNs(), c.stepNs(), options);
        }
        return new GroupComparison(
                group, b.ops(), c.ops(), b.launches(), c.launches(), b.bytes(), c.bytes(), verdict, movedWork);
    }

    /** Steps the baseline's per-step values were divided by (at least 1). */
    public int baselineSteps() {
        return baselineSteps;
    }

    /** Steps the candidate's per-step values were divided by (at least 1). */
    public int candidateSteps() {
        return candidateSteps;
    }

    /** Per fusion group, by |Δ time| descending, then group name. */
    public List<GroupComparison> groups() {
        return groups;
    }

    /** Median GPU busy, wall, launches, bytes and GPU gaps of both runs. */
    public List<MetricComparison> stepTotals() {
        return stepTotals;
    }

    /** The numeric checks of both runs side by side. */
    public List<CheckPair> checks() {
        return checks;
    }

    /** The verdict on a step-total time: its medians, spread over the steps and bootstrap interval. */
    public Verdict stepVerdict(StepMetric metric) {
        return stepTotals.stream()
                .filter(m -> m.metric().equals(metric.label()))
                .findFirst()
                .orElseThrow()
                .verdict();
    }

    /** The group table and the step-totals table, in that order. */
    public List<ResultTable> toTables() {
        return List.of(ComparisonTables.groups(groups), ComparisonTables.stepTotals(stepTotals));
    }

    /** One row per step-total time and per fusion group: the verdict, medians, IQRs, interval and moved work. */
    public ResultTable verdictsTable() {
        return ComparisonTables.verdicts(baselineSteps, candidateSteps, stepTotals, groups);
    }

    /** The numeric checks of both runs as a table. */
    public ResultTable checksTable() {
        return ComparisonTables.checks(checks);
    }
}
