package org.fusescope.profiler.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.fusescope.profiler.model.RunTrace;
import org.junit.jupiter.api.Test;

class ExpertLoadTest {
    private static RunTrace trace() {
        return TraceFixture.trace()
                .counts(1, 0, 0, 0)
                .counts(0, 1, 3, 3, 3, 3)
                .counts(0, 0, 5, 0, 17, 1)
                .build();
    }

    @Test
    void perLayerAndStepWithPaddingWaste() {
        ExpertLoad load = ExpertLoad.of(trace(), 8);
        assertThat(load.rows()).extracting(ExpertLoadRow::layer).containsExactly(0, 0, 1);
        ExpertLoadRow r = load.rows().get(0);
        assertThat(r.step()).isZero();
        assertThat(r.tokensPerExpert()).containsExactly(5, 0, 17, 1);
        assertThat(r.total()).isEqualTo(23);
        assertThat(r.touched()).isEqualTo(3);
        assertThat(r.max()).isEqualTo(17);
        assertThat(r.mean()).isEqualTo(5.75);
        assertThat(r.imbalance()).isCloseTo(17 / 5.75, within(1e-12));
        // 5 -> 8, 17 -> 24, 1 -> 8; the idle expert pads nothing
        assertThat(r.paddedRows()).isEqualTo(40);
        assertThat(r.paddingWasteRows()).isEqualTo(17);
        assertThat(r.paddingWasteFraction()).isEqualTo(17.0 / 40);

        ExpertLoadRow even = load.rows().get(1);
        assertThat(even.paddedRows()).isEqualTo(32);
        assertThat(even.paddingWasteRows()).isEqualTo(20);
        assertThat(even.imbalance()).isEqualTo(1.0);

        ExpertLoadRow idle = load.rows().get(2);
        assertThat(idle.imbalance()).isNaN();
        assertThat(idle.paddingWasteFraction()).isZero();
    }

    @Test
    void layerSummaryAveragesOverSteps() {
        LayerLoadRow layer = ExpertLoad.of(trace(), 8).layers().get(0);
        assertThat(layer.layer()).isZero();
        assertThat(layer.steps()).isEqualTo(2);
        assertThat(layer.meanTokensPerExpert()).containsExactly(4.0, 1.5, 10.0, 2.0);
        assertThat(layer.meanTotal()).isEqualTo(17.5);
        assertThat(layer.touched()).isEqualTo(4);
        assertThat(layer.max()).isEqualTo(10.0);
        assertThat(layer.mean()).isEqualTo(4.375);
        assertThat(layer.imbalance()).isCloseTo(10 / 4.375, within(1e-12));
        assertThat(layer.meanPaddingWasteRows()).isEqualTo(18.5);
        assertThat(layer.paddingWasteFraction()).isEqualTo(37.0 / 72);
    }

    @Test
    void tileHeightOneWastesNothingAndTablesHaveOneRowEach() {
        ExpertLoad load = ExpertLoad.of(trace(), 1);
        assertThat(load.rows()).allSatisfy(r -> assertThat(r.paddingWasteRows()).isZero());
        assertThat(load.toTable().rows()).hasSize(3);
        assertThat(load.layerTable().rows()).hasSize(2);
        assertThat(ExpertLoad.of(trace(), 8).toTable().value(0, "Waste")).isEqualTo(42.5);
        assertThatThrownBy(() -> ExpertLoad.of(trace(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSharedExpertAppendedAsExpertEIsNotRoutedAndLeavesTheImbalanceAlone() {
        // 3 routed experts and the shared one (every token: 6 slots) under shared_as_expert
        RunTrace fused = TraceFixture.trace()
                .fusions("add_rmsnorm", RoutedExperts.SHARED_AS_EXPERT)
                .counts(0, 0, 4, 2, 0, 6)
                .counts(0, 1, 2, 2, 2, 6)
                .build();
        ExpertLoad load = ExpertLoad.of(fused, 8);
        ExpertLoadRow r = load.rows().get(0);
        assertThat(r.total()).isEqualTo(12);
        assertThat(r.touched()).isEqualTo(2);
        assertThat(r.max()).isEqualTo(4);
        assertThat(r.mean()).isEqualTo(2.0);
        assertThat(r.imbalance()).isEqualTo(2.0);
        assertThat(r.paddedRows())
                .as("the shared expert's rows are computed too")
                .isEqualTo(24);
        LayerLoadRow layer = load.layers().get(0);
        assertThat(layer.max()).isEqualTo(3.0);
        assertThat(layer.mean()).isEqualTo(2.0);
        assertThat(layer.touched()).isEqualTo(3);
        assertThat(layer.imbalance()).isEqualTo(1.5);
    }

    @Test
    void withoutSharedAsExpertEveryCountIsRouted() {
        RunTrace plain = TraceFixture.trace().counts(0, 0, 1, 1, 1, 5).build();
        assertThat(ExpertLoad.of(plain, 8).rows().get(0).max())
                .as("no shared expert: all 4 are routed")
                .isEqualTo(5);
    }
}
