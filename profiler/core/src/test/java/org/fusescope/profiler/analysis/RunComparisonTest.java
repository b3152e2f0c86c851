package org.fusescope.profiler.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.fusescope.profiler.model.KernelAttribution;
import org.fusescope.profiler.model.RunTrace;
import org.junit.jupiter.api.Test;

class RunComparisonTest {
    private static final long STEP = 1_000_000;

    private static KernelAttribution at(String op, String group, int step, long bytes) {
        return TraceFixture.attribution(op, group, step, bytes, 0, 0);
    }

    /** Two unfused steps, kernels back to back on one stream. */
    private static RunTrace baseline() {
        TraceFixture t = TraceFixture.trace();
        for (int s = 0; s < 2; s++) {
            long o = s * STEP;
            t.kernel(o, o + 3000, 1, 1, "residual_add", at("residual_add", "add_rmsnorm", s, 300))
                    .kernel(o + 3000, o + 5000, 1, 2, "rmsnorm", at("rmsnorm", "add_rmsnorm", s, 200))
                    .kernel(o + 5000, o + 15_000, 1, 3, "topk_softmax", at("topk_softmax", "topk_softmax", s, 0))
                    .kernel(o + 15_000, o + 19_000, 1, 4, "moe_align", at("moe_align", "moe_align", s, 0))
                    .kernel(o + 19_000, o + 119_000, 1, 5, "grouped_gemm", at("grouped_gemm", "grouped_gemm", s, 0))
                    .kernel(o + 119_000, o + 119_800, 1, 6, "sigmoid", at("sigmoid", "shared_gate", s, 0));
        }
        return t.check("moe_out vs cpu", 0, 0, 1e-3, 1e-3, 1e-2).build();
    }

    /** One fused step. */
    private static RunTrace candidate() {
        return TraceFixture.trace()
                .kernel(0, 2500, 1, 1, "fused_add_rmsnorm", at("fused_add_rmsnorm", "add_rmsnorm", 0, 300))
                .kernel(2500, 12_600, 1, 2, "topk_softmax", at("topk_softmax", "topk_softmax", 0, 0))
                .kernel(12_600, 17_100, 1, 3, "moe_align", at("moe_align", "moe_align", 0, 0))
                .kernel(17_100, 119_100, 1, 4, "grouped_gemm", at("grouped_gemm", "grouped_gemm", 0, 0))
                .kernel(
                        119_100,
                        120_100,
                        1,
                        5,
                        "append_shared_expert",
                        at("append_shared_expert", "shared_as_expert", 0, 0))
                .check("moe_out vs cpu", 0, 0, 2e-3, 2e-3, 1e-2)
                .check("fused vs unfused", 0, 0, 1e-4, 1e-4, 1e-2)
                .build();
    }

    @Test
    void fusedGroupReplacesTheUnfusedOpsPerStep() {
        RunComparison cmp = RunComparison.of(baseline(), candidate());
        assertThat(cmp.baselineSteps()).isEqualTo(2);
        assertThat(cmp.candidateSteps()).isEqualTo(1);

        GroupComparison add = cmp.groups().get(0);
        assertThat(add.group()).isEqualTo("add_rmsnorm");
        assertThat(add.baselineOps()).isEqualTo("residual_add + rmsnorm");
        assertThat(add.candidateOps()).isEqualTo("fused_add_rmsnorm");
        assertThat(add.baselineLaunches()).isEqualTo(2.0);
        assertThat(add.candidateLaunches()).isEqualTo(1.0);
        assertThat(add.launchesSaved()).isEqualTo(1.0);
        assertThat(add.baselineNs()).isEqualTo(5000.0);
        assertThat(add.candidateNs()).isEqualTo(2500.0);
        assertThat(add.deltaNs()).isEqualTo(-2500.0);
        assertThat(add.speedUp()).isEqualTo(2.0);
        assertThat(add.bytesSaved()).isEqualTo(200.0);
        assertThat(add.change()).isEqualTo(ChangeKind.FASTER);
    }

    @Test
    void classificationAndOrderByAbsoluteDelta() {
        List<GroupComparison> groups = RunComparison.of(baseline(), candidate()).groups();
        assertThat(groups)
                .extracting(GroupComparison::group)
                .containsExactly(
                        "add_rmsnorm", "grouped_gemm", "shared_as_expert", "shared_gate", "moe_align", "topk_softmax");
        assertThat(groups)
                .extracting(GroupComparison::change)
                .containsExactly(
                        ChangeKind.FASTER,
                        ChangeKind.WITHIN_NOISE, // +2000 ns is beyond the floor but only 2 %
                        ChangeKind.ADDED,
                        ChangeKind.REMOVED,
                        ChangeKind.SLOWER, // +500 ns, 12.5 %
                        ChangeKind.WITHIN_NOISE); // +100 ns is under the 200 ns floor
        GroupComparison removed = groups.get(3);
        assertThat(removed.candidateOps()).isEmpty();
        assertThat(removed.deltaNs()).isEqualTo(-800.0);
        assertThat(removed.speedUp()).isNaN();
    }

    @Test
    void stricterOptionsChangeTheClassification() {
        List<GroupComparison> groups = RunComparison.of(baseline(), candidate(), new ComparisonOptions(0.01, 50))
                .groups();
        assertThat(groups.get(1).change()).isEqualTo(ChangeKind.SLOWER); // grouped_gemm, 2 % > 1 %
        assertThat(groups.get(5).change()).isEqualTo(ChangeKind.WITHIN_NOISE); // topk 1 % is not beyond 1 %
    }

    @Test
    void stepTotalsAndChecksSideBySide() {
        RunComparison cmp = RunComparison.of(baseline(), candidate());
        MetricComparison busy = cmp.stepTotals().get(0);
        assertThat(busy.metric()).isEqualTo("GPU busy");
        assertThat(busy.baseline()).isEqualTo(119_800.0);
        assertThat(busy.candidate()).isEqualTo(120_100.0);
        assertThat(busy.delta()).isEqualTo(300.0);
        assertThat(busy.speedUp()).isCloseTo(119_800.0 / 120_100.0, within(1e-12));
        MetricComparison kernels = cmp.stepTotals().get(2);
        assertThat(kernels.baseline()).isEqualTo(6.0);
        assertThat(kernels.candidate()).isEqualTo(5.0);

        assertThat(cmp.checks()).hasSize(2);
        CheckPair moe = cmp.checks().get(0);
        assertThat(moe.baseline().relNorm()).isEqualTo(1e-3);
        assertThat(moe.candidate().relNorm()).isEqualTo(2e-3);
        assertThat(cmp.checks().get(1).baseline()).isNull();
        assertThat(cmp.checksTable().value(1, "Baseline Passed")).isNull();
        assertThat(cmp.checksTable().value(1, "Candidate Passed")).isEqualTo("yes");
    }

    @Test
    void tables() {
        List<ResultTable> tables = RunComparison.of(baseline(), candidate()).toTables();
        assertThat(tables).hasSize(2);
        ResultTable groups = tables.get(0);
        assertThat(groups.value(0, "Baseline Ops")).isEqualTo("residual_add + rmsnorm");
        assertThat(groups.value(0, "Speed-up")).isEqualTo(2.0);
        assertThat(groups.value(0, "Change")).isEqualTo("FASTER");
        assertThat(tables.get(1).value(0, "Metric")).isEqualTo("GPU busy");
    }

    @Test
    void kernelsWithoutAttributionMatchByName() {
        RunTrace a = TraceFixture.trace().kernel(0, 1000, 1, 1, "k").build();
        RunTrace b = TraceFixture.trace()
                .kernel(0, 400, 1, 1, "k")
                .kernel(400, 500, 1, 2, "other")
                .build();
        List<GroupComparison> groups = RunComparison.of(a, b).groups();
        assertThat(groups).extracting(GroupComparison::group).containsExactly("k", "other");
        assertThat(groups.get(0).change()).isEqualTo(ChangeKind.FASTER);
        assertThat(groups.get(0).speedUp()).isEqualTo(2.5);
        assertThat(groups.get(1).change()).isEqualTo(ChangeKind.ADDED);
    }

    /** One step of the MoE expert path; with {@code sharedSeparately} the shared expert runs its own kernels. */
    private static RunTrace expertPath(boolean sharedSeparately) {
        List<String[]> ops = new java.util.ArrayList<>(List.of(
                new String[] {"grouped_gemm1", "grouped_gemm1"},
                new String[] {"silu_and_mul", "silu_and_mul"},
                new String[] {"grouped_gemm2", "grouped_gemm2"},
                new String[] {"moe_sum_reduce", "moe_sum_reduce"}));
        if (sharedSeparately) {
            ops.add(new String[] {"shared_expert_gemm_up", "shared_expert"});
            ops.add(new String[] {"shared_silu_and_mul", "shared_expert"});
            ops.add(new String[] {"shared_expert_gemm_down", "shared_expert"});
            ops.add(new String[] {"sigmoid", "shared_gate"});
        }
        return ops(ops.toArray(String[][]::new));
    }

    private static GroupComparison group(RunComparison cmp, String name) {
        return cmp.groups().stream()
                .filter(g -> g.group().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aRemovedGroupSaysWhichGroupsTookItsWork() {
        RunComparison cmp = RunComparison.of(expertPath(true), expertPath(false));
        GroupComparison shared = group(cmp, "shared_expert");
        assertThat(shared.change()).isEqualTo(ChangeKind.REMOVED);
        assertThat(shared.movedWork())
                .isEqualTo("moved into grouped_gemm1, silu_and_mul, grouped_gemm2 (shared_as_expert)");
        GroupComparison gate = group(cmp, "shared_gate");
        // The gate's sigmoid goes to append_shared_expert or topk_softmax_shared, neither of which runs here.
        assertThat(gate.movedWork()).isEmpty();
        assertThat(group(cmp, "grouped_gemm1").movedWork()).isEmpty();
        assertThat(cmp.verdictsTable().rows())
                .anySatisfy(row -> assertThat(row).startsWith("shared_expert", "removed"));

        GroupComparison added = group(RunComparison.of(expertPath(false), expertPath(true)), "shared_expert");
        assertThat(added.change()).isEqualTo(ChangeKind.ADDED);
        assertThat(added.movedWork())
                .isEqualTo("split out of grouped_gemm1, silu_and_mul, grouped_gemm2 (shared_as_expert off)");
    }

    @Test
    void theSharedGateMovesIntoTheWideTopkToo() {
        RunTrace unfused = ops(new String[] {"topk_softmax", "topk_softmax"}, new String[] {"sigmoid", "shared_gate"});
        RunTrace wide = ops(new String[] {"topk_softmax_shared_wide", "topk_softmax"});
        assertThat(group(RunComparison.of(unfused, wide), "shared_gate").movedWork())
                .isEqualTo("moved into topk_softmax (router_gate)");
    }

    /** One step launching {@code ops} ({op, group} pairs) in order, 1 µs each. */
    private static RunTrace ops(String[]... ops) {
        TraceFixture t = TraceFixture.trace();
        long at = 0;
        long corr = 1;
        for (String[] op : ops) {
            t.kernel(at, at + 1000, 1, corr++, op[0], at(op[0], op[1], 0, 0));
            at += 1000;
        }
        return t.build();
    }

    @Test
    void theVerdictsTableHasTheStepTimesThenTheGroups() {
        RunComparison cmp = RunComparison.of(baseline(), candidate());
        ResultTable verdicts = cmp.verdictsTable();
        assertThat(verdicts.rows())
                .extracting(r -> r.get(0))
                .startsWith("step GPU busy", "step Wall", "step GPU gaps", "step Launch overhead", "add_rmsnorm");
        assertThat(verdicts.value(4, "Verdict")).isEqualTo("faster");
        assertThat((Double) verdicts.value(4, "Change")).isEqualTo(-50.0);
        assertThat(verdicts.value(4, "Baseline Median")).isEqualTo(5000.0);
        assertThat(cmp.stepVerdict(StepMetric.GPU_BUSY).baseline().median()).isEqualTo(119_800.0);
    }
}
