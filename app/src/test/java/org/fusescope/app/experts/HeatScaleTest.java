package org.fusescope.app.experts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.fusescope.app.Golden;
import org.fusescope.app.data.OpenRun;
import org.fusescope.app.data.RecordingService;
import org.fusescope.app.data.Selection;
import org.fusescope.profiler.analysis.RoutedExperts;
import org.junit.jupiter.api.Test;

/** The heat map's colour scale spans the routed experts; the shared expert is set apart and clipped. */
class HeatScaleTest {
    @Test
    void theScaleSpansTheRoutedExpertsAndClipsTheSharedOne() {
        double[][] means = {{1, 2, 0, 30}, {3, 0, 1, 28}};
        HeatScale scale = HeatScale.of(means, 3);
        assertThat(scale.max()).isEqualTo(3);
        assertThat(scale.shared()).isTrue();
        assertThat(scale.sharedMax()).isEqualTo(30);
        assertThat(scale.sharedClipped()).isTrue();
        assertThat(scale.position(1.5)).isEqualTo(0.5);
        assertThat(scale.position(3)).isEqualTo(1);
        assertThat(scale.position(30)).isEqualTo(1);
        assertThat(scale.clipped(28)).isTrue();
        assertThat(scale.clipped(3)).isFalse();
    }

    @Test
    void withoutASharedColumnEveryColumnIsRouted() {
        HeatScale scale = HeatScale.of(new double[][] {{1, 4}, {2, 0}}, 2);
        assertThat(scale.max()).isEqualTo(4);
        assertThat(scale.shared()).isFalse();
        assertThat(scale.sharedClipped()).isFalse();
        assertThat(HeatScale.of(new double[0][], 0).position(5)).isZero();
    }

    @Test
    void aFusedRunScalesOnItsRoutedExpertsAndAnUnfusedRunOnAll() {
        try (RecordingService service = new RecordingService()) {
            OpenRun fused = Golden.run(service, 6); // fused b=16 graph: shared expert appended as expert E
            ExpertLoadViewModel vm = new ExpertLoadViewModel(new Selection());
            vm.show(fused, ExpertLoadViewModel.analyze(fused));
            int counts = vm.bars().size();
            assertThat(fused.info().fusions()).contains(RoutedExperts.SHARED_AS_EXPERT);
            assertThat(vm.routedExperts()).isEqualTo(counts - 1);
            assertThat(vm.shared(counts - 1)).isTrue();
            assertThat(vm.shared(0)).isFalse();
            double[][] map = vm.heatMap();
            double routedMax = Arrays.stream(map)
                    .flatMapToDouble(row -> Arrays.stream(row, 0, counts - 1))
                    .max()
                    .orElseThrow();
            double sharedMax =
                    Arrays.stream(map).mapToDouble(row -> row[counts - 1]).max().orElseThrow();
            HeatScale scale = vm.heatScale();
            assertThat(scale.max()).isEqualTo(routedMax);
            assertThat(scale.sharedMax()).isEqualTo(sharedMax);
            assertThat(sharedMax).as("the shared expert would set the scale").isGreaterThan(routedMax);
            assertThat(scale.sharedClipped()).isTrue();
            assertThat(scale.position(routedMax)).isCloseTo(1, within(1e-12));
            assertThat(vm.hot(counts - 1)).as("the shared expert is never hot").isFalse();

            OpenRun unfused = Golden.run(service, 5);
            vm.show(unfused, ExpertLoadViewModel.analyze(unfused));
            assertThat(vm.routedExperts()).isEqualTo(vm.bars().size()).isEqualTo(counts - 1);
            assertThat(vm.heatScale().shared()).isFalse();
        }
    }
}
