package org.fusescope.runner.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.RunTrace;
import org.fusescope.profiler.ops.Fusion;
import org.fusescope.profiler.ops.Op;
import org.fusescope.profiler.synthetic.SyntheticSpec;
import org.fusescope.profiler.synthetic.SyntheticTraceGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Synthetic traces and real runs must name ops and fusion groups alike, or comparisons break. */
class PlanMatchesSyntheticTracesTest {
    /**
     * The synthetic {@code fused} keeps the kernels of the golden recording (whose kernel summary nsys
     * checked): the runner's {@code fused} before topk_wide and align_shared_counts joined it.
     */
    @ParameterizedTest
    @CsvSource({"unfused,unfused", "fused,fused-topk_wide-align_shared_counts"})
    void oneLayerOfOneStepHasThePlansKernelsOpsAndGroups(String synthetic, String variant) {
        List<KernelEvent> layer0 = layer0(synthetic);
        List<Op> plan = plan(variant);
        assertThat(layer0)
                .extracting(k -> k.attribution().op())
                .containsExactlyElementsOf(plan.stream().map(Op::opName).toList());
        assertThat(layer0)
                .extracting(k -> k.attribution().fusionGroup())
                .containsExactlyElementsOf(plan.stream().map(Op::fusionGroup).toList());
        assertThat(layer0)
                .extracting(k -> k.attribution().fused())
                .containsExactlyElementsOf(plan.stream().map(Op::fused).toList());
    }

    /** Comparisons go by fusion group, and the synthetic fused has the groups of the runner's fused. */
    @ParameterizedTest
    @ValueSource(strings = {"unfused", "fused"})
    void oneLayerOfOneStepHasThePlansGroups(String variant) {
        assertThat(layer0(variant))
                .extracting(k -> k.attribution().fusionGroup())
                .containsExactlyElementsOf(
                        plan(variant).stream().map(Op::fusionGroup).toList());
    }

    private static List<KernelEvent> layer0(String variant) {
        RunTrace trace = SyntheticTraceGenerator.generate(SyntheticSpec.tiny(4, variant, SyntheticSpec.EAGER));
        return trace.kernels().stream()
                .filter(k -> k.attribution().step() == 0 && k.attribution().layer() == 0)
                .toList();
    }

    /** The plan's launches less the counts' zeroing, which the synthetic runs keep as a memset (as recordings had it). */
    private static List<Op> plan(String variant) {
        return MoeBlockPlan.launches(Fusion.parseVariant(variant)).stream()
                .filter(l -> l != Op.MEMSET_EXPERT_TOKEN_NUM)
                .toList();
    }
}
