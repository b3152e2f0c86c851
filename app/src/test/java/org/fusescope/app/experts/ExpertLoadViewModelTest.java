package org.fusescope.app.experts;

import static org.assertj.core.api.Assertions.assertThat;

import org.fusescope.app.Golden;
import org.fusescope.app.data.OpenRun;
import org.fusescope.app.data.Recording;
import org.fusescope.app.data.RecordingService;
import org.fusescope.app.data.SampleRecordings;
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
                    .isEqualTo(max >= 2 && max >= 2 * vm.current().mean());
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

    @Test
    void atOneTokenNoExpertIsHotAndTheTopListSharesTheTokensEvenly() {
        try (RecordingService service = new RecordingService()) {
            OpenRun run = Golden.run(service, 1); // unfused b=1 graph: E = 16, K = 4
            ExpertLoadViewModel vm = new ExpertLoadViewModel(new Selection());
            vm.show(run, ExpertLoadViewModel.analyze(run));
            assertThat(vm.routedLoad().mean()).isEqualTo(4.0 / 16);
            assertThat(vm.hotThreshold()).isEqualTo(2);
            assertThat(java.util.stream.IntStream.range(0, vm.bars().size()).filter(vm::hot))
                    .isEmpty();
            assertThat(vm.topExperts()).hasSize(4).allSatisfy(e -> {
                assertThat(e.count()).isEqualTo(1);
                assertThat(e.share()).isEqualTo(0.25);
                assertThat(vm.bars().get(e.expert())).isEqualTo(1);
            });
            assertThat(vm.hotRule()).contains("≥ 2 tokens").contains("M·K/E = 0.25");
        }
    }

    @Test
    void theBundledSampleAtOneTokenAndSixteen() {
        SampleRecordings.Sample sample = SampleRecordings.firstStart();
        assertThat(sample.bundled()).isTrue();
        try (RecordingService service = new RecordingService()) {
            Recording recording = service.open(sample.file());
            OpenRun one = service.load(recording, 2); // fused b=1 graph: E = 512, K = 10, shared expert appended
            ExpertLoadViewModel vm = new ExpertLoadViewModel(new Selection());
            vm.show(one, ExpertLoadViewModel.analyze(one));
            assertThat(vm.routedExperts()).isEqualTo(512);
            assertThat(vm.hotThreshold()).isEqualTo(2);
            assertThat(java.util.stream.IntStream.range(0, vm.bars().size()).filter(vm::hot))
                    .as("one token visits 10 different experts: none gets two")
                    .isEmpty();
            assertThat(vm.topExperts()).hasSize(10).allSatisfy(e -> assertThat(e.share())
                    .isEqualTo(0.1));
            assertThat(vm.topExperts())
                    .extracting(ExpertShare::expert)
                    .doesNotContain(512)
                    .isSorted();
            assertThat(vm.shared(512)).isTrue();
            assertThat(vm.describe(512)).startsWith("shared expert (S, id 512): 1 token,");
            int first = vm.topExperts().get(0).expert();
            assertThat(vm.describe(first)).isEqualTo("expert " + first + ": 1 token, 10.0 % of 10 routed tokens");

            OpenRun sixteen = service.load(recording, 6); // fused b=16 graph: mean 160 / 512
            vm.show(sixteen, ExpertLoadViewModel.analyze(sixteen));
            RoutedLoad routed = vm.routedLoad();
            assertThat(routed.total()).isEqualTo(160);
            assertThat(vm.hotThreshold()).isEqualTo(2);
            java.util.List<ExpertShare> top = vm.topExperts();
            assertThat(top).hasSize(10);
            assertThat(top.get(0).count()).isEqualTo(routed.max());
            assertThat(top).extracting(ExpertShare::count).isSortedAccordingTo(java.util.Comparator.reverseOrder());
            assertThat(top).allSatisfy(e -> assertThat(e.share()).isEqualTo(e.count() / 160.0));
            long hot = java.util.stream.IntStream.range(0, vm.bars().size())
                    .filter(vm::hot)
                    .count();
            long twoOrMore =
                    vm.bars().subList(0, 512).stream().filter(c -> c >= 2).count();
            assertThat(hot).isEqualTo(twoOrMore).isLessThan(routed.touched());
        }
    }
}
