package org.fusescope.kernels.reference;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShapeValidationTest {
    @Test
    void wrongLengthNamesTheArgumentExpectedAndActual() {
        assertThatThrownBy(() -> ResidualAddReference.apply(new float[3], new float[4], 2, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x: expected length 4 [rows=2, cols=2] but was 3");
        assertThatThrownBy(() -> RmsNormReference.apply(new float[8], new float[3], 2, 4, 1e-6f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("w: expected length 4 [hidden=4] but was 3");
        assertThatThrownBy(() -> SiluAndMulReference.apply(new float[6], 2, 2))
                .hasMessage("h1: expected length 8 [rows=2, 2*inter=4] but was 6");
        assertThatThrownBy(() -> MoeSumReduceReference.apply(new float[10], 2, 2, 3))
                .hasMessage("h2: expected length 12 [tokens*topk=6, hidden=2] but was 10");
    }

    @Test
    void broadcastColumnsMustBeOneOrCols() {
        assertThatThrownBy(() -> MulReference.apply(new float[8], new float[4], 2, 4, 2))
                .hasMessage("bCols: expected 1 or 4 but was 2");
        assertThatThrownBy(() -> SigmoidMulReference.apply(new float[2], new float[8], 2, 4, 3))
                .hasMessage("gCols: expected 1 or 4 but was 3");
        assertThatThrownBy(() -> AddSharedExpertGateReference.apply(new float[8], new float[3], new float[8], 2, 4, 1))
                .hasMessage("g: expected length 2 [rows=2, gCols=1] but was 3");
    }

    @Test
    void nonPositiveSizesAndBadRoutingAreRejected() {
        assertThatThrownBy(() -> AddReference.apply(new float[0], new float[0], 0, 4, 4))
                .hasMessage("rows: expected >= 1 but was 0");
        assertThatThrownBy(() -> TopkSoftmaxReference.apply(new float[4], 1, 4, 5, true))
                .hasMessage("topk: expected <= experts (4) but was 5");
        assertThatThrownBy(() -> MoeAlignReference.apply(new int[] {0, 3}, new float[2], 3))
                .hasMessage("ids[1]: expected an expert id in [0, 3) but was 3");
        assertThatThrownBy(() -> MoeAlignReference.fromTables(new int[] {5}, new int[4], new float[4], 4))
                .hasMessage("count[0]: expected a value in [0, 4] but was 5");
    }

    @Test
    void groupedGemmsCheckWeightsAndTables() {
        MoeAlignReference.Result tables = MoeAlignReference.apply(new int[] {0, 1}, new float[] {1, 1}, 2);
        assertThatThrownBy(() -> GroupedGemm1Reference.apply(new float[4], new float[7], tables, 2, 2, 1, 1))
                .hasMessage("w13: expected length 8 [experts=2, 2*inter=2, hidden=2] but was 7");
        assertThatThrownBy(() -> GroupedGemm2Reference.apply(new float[2], new float[3], tables, 2, 2, 1))
                .hasMessage("w2: expected length 4 [experts=2, hidden=2, inter=1] but was 3");
        MoeAlignReference.Result bad =
                new MoeAlignReference.Result(new int[] {1}, new int[][] {{9}}, new float[][] {{1f}});
        assertThatThrownBy(() -> GroupedGemm2Reference.apply(new float[2], new float[2], bad, 2, 2, 1))
                .hasMessage("tables: expert 0 lists slot 9, expected one in [0, 2)");
    }
}
