package org.fusescope.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.fusescope.app.Golden;
import org.fusescope.app.data.RecordingService;
import org.fusescope.app.data.Selection;
import org.fusescope.assets.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareViewModelTest {
    @Test
    void fusedAddRmsNormIsFasterAndTheTimelinesShareATimeScale() {
        try (RecordingService service = new RecordingService()) {
            var recording = service.open(Golden.file());
            CompareViewModel vm = CompareViewModel.load(service, recording, 7, recording, 8, new Selection());
            List<Object> row = vm.groups().rows().stream()
                    .filter(r -> "add_rmsnorm".equals(r.get(0)))
                    .findFirst()
                    .orElseThrow();
            int speedUp = vm.groups()
                    .columns()
                    .indexOf(vm.groups().columns().stream()
                            .filter(c -> c.name().equals("Speed-up"))
                            .findFirst()
                            .orElseThrow());
            assertThat((Double) row.get(speedUp)).isGreaterThan(1.0);
            assertThat(vm.rowStyle(row)).isEqualTo("fs-faster");
            assertThat(vm.stepTotals().rows()).isNotEmpty();
            assertThat(vm.title()).isEqualTo("unfused b=16 eager ↔ fused b=16 eager");

            vm.showStep(2);
            vm.topTimeline().zoomIn();
            vm.topTimeline().panRight();
            double topOffset = vm.topTimeline().window().startNs() - stepStart(vm.topTimeline(), 2);
            double bottomOffset = vm.bottomTimeline().window().startNs() - stepStart(vm.bottomTimeline(), 2);
            assertThat(bottomOffset).isCloseTo(topOffset, org.assertj.core.api.Assertions.within(1e-6));
            assertThat(vm.bottomTimeline().window().spanNs())
                    .isEqualTo(vm.topTimeline().window().spanNs());
        }
    }

    private static double stepStart(org.fusescope.app.timeline.TimelineViewModel timeline, int step) {
        return org.fusescope.profiler.analysis.StepSpans.of(timeline.run().trace()).stream()
                .filter(s -> s.step() == step)
                .findFirst()
                .orElseThrow()
                .startNs();
    }

    @Test
    void aGroupsVerdictTextCarriesItsSpreadAndTheStepColumnsFollowTheStep() {
        try (RecordingService service = new RecordingService()) {
            var recording = service.open(Golden.file());
            CompareViewModel vm = CompareViewModel.load(service, recording, 7, recording, 8, new Selection());
            vm.selectGroup("shared_expert");
            assertThat(vm.selectedVerdict())
                    .startsWith("shared_expert: removed — ")
                    .endsWith("its work moved into grouped_gemm1, silu_and_mul, grouped_gemm2 (shared_as_expert)");
            assertThat(vm.topTimeline().highlighted()).isNotEmpty();
            assertThat(vm.bottomTimeline().highlighted()).isEmpty();
            assertThat(vm.connectors())
                    .filteredOn(CompareViewModel.Connector::selected)
                    .isNotEmpty();
            vm.showStep(1);
            assertThat(vm.groups().columns()).extracting(c -> c.name()).contains("Step 1 Baseline");
            assertThat(vm.summary()).startsWith("Step wall: ");
        }
    }

    @Test
    void theLayerTypesTableSplitsTheFourLayerSampleIntoLinearAttentionAndAttention(@TempDir Path dir) {
        try (RecordingService service = new RecordingService()) {
            var recording = service.open(Samples.copyTo(Samples.H100_LAYERS4, dir));
            long unfused = recording.runs().stream()
                    .filter(r -> r.name().equals("unfused b=16 graph"))
                    .findFirst()
                    .orElseThrow()
                    .id();
            long fused = recording.runs().stream()
                    .filter(r -> r.name().equals("fused b=16 graph"))
                    .findFirst()
                    .orElseThrow()
                    .id();
            CompareViewModel vm = CompareViewModel.load(service, recording, unfused, recording, fused, new Selection());

            assertThat(vm.layerTypes().rows())
                    .extracting(r -> r.get(0))
                    .containsExactly("linear attention (3 layers)", "attention (1 layer)");
            for (List<Object> row : vm.layerTypes().rows()) {
                assertThat((Double) row.get(3)).as(row.toString()).isPositive().isLessThan((Double) row.get(2));
            }
        }
    }

    @Test
    void theSummaryGivesTheSpeedUpWithoutTracingWhenBothRunsWereTimedUntraced(@TempDir Path dir) {
        try (RecordingService service = new RecordingService()) {
            var recording = service.open(Samples.copyTo(Samples.H100_MOE, dir));
            CompareViewModel vm = CompareViewModel.load(service, recording, 1, recording, 2, new Selection());
            // the sample stores each run's step time without CUPTI: unfused b=1 graph 68.0 µs, fused 39.3 µs
            assertThat(vm.untraced().reference()).isEqualTo("no CUPTI");
            assertThat(vm.summary())
                    .startsWith("Step wall: ")
                    .endsWith("   ·   Without tracing (no CUPTI): 68.0 → 39.3 µs, 1.73× (traced 1.84×)");
            CompareViewModel golden = CompareViewModel.load(
                    service, service.open(Golden.file()), 7, service.open(Golden.file()), 8, new Selection());
            assertThat(golden.untraced())
                    .as("a recording that stores no untraced steps")
                    .isNull();
            assertThat(golden.summary()).doesNotContain("Without tracing");
        }
    }

    @Test
    void aMoeOnlyRecordingHasMoeBlockLayers() {
        try (RecordingService service = new RecordingService()) {
            var recording = service.open(Golden.file());
            CompareViewModel vm = CompareViewModel.load(service, recording, 7, recording, 8, new Selection());
            assertThat(vm.layerTypes().rows()).extracting(r -> r.get(0)).allSatisfy(label -> assertThat((String) label)
                    .startsWith("MoE block"));
        }
    }
}
