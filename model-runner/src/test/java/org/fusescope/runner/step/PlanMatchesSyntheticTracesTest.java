package org.fusescope.runner.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.RunTrace;
import org.fusescope.profiler.ops.Fusion;
import org.fusescope.profiler.ops.LaunchKind;
import org.fusescope.profiler.ops.Op;
import org.fusescope.profiler.synthetic.SyntheticSpec;
import org.fusescope.profiler.synthetic.SyntheticTraceGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Synthetic traces and real runs must name ops and fusion groups alike, or comparisons break. */
class PlanMatchesSyntheticTracesTest {
    @ParameterizedTest
    @ValueSource(strings = {"unfused", "fused"})
    void oneLayerOfOneStepHasThePlansKernelsOpsAndGroups(String variant) {
        RunTrace trace = SyntheticTraceGenerator.generate(SyntheticSpec.tiny(4, variant, SyntheticSpec.EAGER));
        List<KernelEvent> layer0 = trace.kernels().stream()
                .filter(k -> k.attribution().step() == 0 && k.attribution().layer() == 0)
                .toList();
        List<Op> plan = MoeBlockPlan.launches(Fusion.parseVariant(variant)).stream()
                .filter(l -> l.kind() != LaunchKind.MEMSET)
                .toList();
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
}
