package org.fusescope.app.experts;

import static org.assertj.core.api.Assertions.assertThat;

import org.fusescope.app.Golden;
import org.fusescope.app.data.OpenRun;
import org.fusescope.app.data.RecordingService;
import org.fusescope.app.data.Selection;
import org.junit.jupiter.api.Test;

class ExpertLoadViewModelTest {
    @Test
    void barsHotExpertsFiguresHeatMapAndGemmLink() {
        try (RecordingService service = new RecordingService()) {
            OpenRun run = Golden.run(service, 5); // unfused b=16 graph
            Selection selection = new Selection();
            ExpertLoadViewModel vm = new ExpertLoadViewModel(selection);
            vm.show(run, ExpertLoadViewModel.analyze(run));
            assertThat(vm.layers()).containsExactly(0, 1);
            assertThat(vm.steps()).isNotEmpty();
            int experts = run.trace().expertCounts().get(0).experts();
            assertThat(vm.bars()).hasSize(experts);
            assertThat(vm.bars().stream().mapToInt(Integer::intValue).sum())
                    .isEqualTo((int) vm.current().total());
            int max = vm.bars().stream().mapToInt(Integer::intValue).max().orElseThrow();
            assertThat(vm.hot(vm.bars().indexOf(max)))
                    .isEqualTo(max >= 2 * vm.current().mean());
            assertThat(vm.figures()).contains("imbalance").contains("layer 0");
            assertThat(vm.heatMap()).hasNumberOfRows(2);
            assertThat(vm.heatMap()[0]).hasSize(experts);

            vm.layerProperty().set(1);
            assertThat(vm.figures()).contains("layer 1");
            assertThat(vm.groupedGemmKernels()).isNotEmpty();
            assertThat(vm.selectGroupedGemm()).isTrue();
            assertThat(selection.kernel().kernel().attribution().layer()).isEqualTo(1);
            assertThat(selection.kernel().kernel().attribution().op()).startsWith("grouped_gemm");
        }
    }

    @Test
    void aFusedRunsFiguresLeaveTheSharedExpertOut() {
        try (RecordingService service = new RecordingService()) {
            OpenRun run = Golden.run(service, 6); // fused b=16 graph
            ExpertLoadViewModel vm = new ExpertLoadViewModel(new Selection());
            vm.show(run, ExpertLoadViewModel.analyze(run));
            RoutedLoad routed = vm.routedLoad();
            int e = vm.routedExperts();
            assertThat(routed.sharedSlots())
                    .as("one shared slot per token")
                    .isEqualTo(run.info().batch());
            assertThat(routed.total())
                    .isEqualTo(vm.bars().subList(0, e).stream()
                            .mapToInt(Integer::intValue)
                            .sum())
                    .isEqualTo(vm.current().total() - run.info().batch());
            assertThat(routed.max())
                    .isEqualTo(vm.bars().subList(0, e).stream()
                            .mapToInt(Integer::intValue)
                            .max()
                            .orElseThrow());
            assertThat(routed.imbalance())
                    .as("the report's figure, also without the shared expert")
                    .isEqualTo(vm.current().imbalance());
            assertThat(vm.figures())
                    .contains(routed.total() + " slots + " + run.info().batch() + " of the shared expert")
                    .contains("of " + e + " experts touched");
        }
    }
}
