package org.fusescope.kernels.ops;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The GPU tests' comparison helper on host arrays (no GPU): bounds by dtype, per row and whole. */
class CompareTest {
    private static final int ROWS = 257;
    private static final int COLS = 16;

    private static float[] ref() {
        float[] ref = new float[ROWS * COLS];
        for (int i = 0; i < ref.length; i++) {
            ref[i] = (float) Math.sin(i + 1.0) + 2;
        }
        return ref;
    }

    /** Row {@code row} (every row when -1) of {@code ref} scaled by {@code 1 + error}. */
    private static float[] off(float[] ref, int row, double error) {
        float[] out = ref.clone();
        for (int i = 0; i < out.length; i++) {
            if (row < 0 || i / COLS == row) {
                out[i] = (float) (ref[i] * (1 + error));
            }
        }
        return out;
    }

    @Test
    void bf16OutputsAreHeldTo1em2PerRowAndWhole() {
        float[] ref = ref();
        assertThatCode(() -> Compare.assertClose("all under", off(ref, -1, 0.99e-2), ref, COLS))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Compare.assertClose("all over", off(ref, -1, 1.01e-2), ref, COLS))
                .hasMessageStartingWith("all over: relative error 0.0101 whole");
        assertThatCode(() -> Compare.assertClose("row under", off(ref, 7, 0.99e-2), ref, COLS))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Compare.assertClose("row over", off(ref, 7, 1.01e-2), ref, COLS))
                .hasMessageContaining("0.0101 in row 7 of 257");
    }

    @Test
    void oneBadRowAmong257FailsThoughTheWholeArrayIsWithinTheBound() {
        float[] ref = ref();
        float[] out = off(ref, 200, 0.16);
        assertThatCode(() -> Compare.assertClose("whole only", out, ref, out.length))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Compare.assertClose("per token", out, ref, COLS))
                .hasMessageContaining("in row 200 of 257")
                .hasMessageContaining("(row 200, column");
    }

    @Test
    void fp32OutputsAreHeldTo1em4() {
        float[] ref = ref();
        assertThatCode(() -> Compare.assertCloseF32("under", off(ref, 3, 0.99e-4), ref, COLS))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Compare.assertCloseF32("over", off(ref, 3, 1.01e-4), ref, COLS))
                .hasMessageContaining("in row 3 of 257 (bound 1e-04)");
        assertThatCode(() -> Compare.assertClose("the same error as bf16", off(ref, 3, 1.01e-4), ref, COLS))
                .doesNotThrowAnyException();
    }

    @Test
    void aPoisonedElementFailsWithItsPlace() {
        float[] ref = ref();
        float[] out = ref.clone();
        out[9 * COLS + 4] = Float.NaN;
        assertThatThrownBy(() -> Compare.assertClose("nan", out, ref, COLS))
                .hasMessageContaining("relative error Infinity whole")
                .hasMessageContaining("(row 9, column 4): got NaN");
    }
}
