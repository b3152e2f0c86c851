package org.fusescope.kernels.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The per-row and whole-array relative errors, and the bounds they are held to. */
class RowErrorsTest {
    private static final int ROWS = 257;
    private static final int COLS = 8;

    /** {@code rows × cols} of values 1..cols per row (every row the same norm). */
    private static float[] reference(int rows, int cols) {
        float[] ref = new float[rows * cols];
        for (int i = 0; i < ref.length; i++) {
            ref[i] = 1 + i % cols;
        }
        return ref;
    }

    /** {@code ref} with row {@code row} (or every row when -1) scaled by {@code 1 + error}: that row's error. */
    private static float[] scaled(float[] ref, int row, double error) {
        float[] out = ref.clone();
        for (int i = 0; i < out.length; i++) {
            if (row < 0 || i / COLS == row) {
                out[i] = (float) (ref[i] * (1 + error));
            }
        }
        return out;
    }

    @Test
    void justOverTheBoundFailsAndJustUnderPassesForEveryRowAndTheWholeArray() {
        float[] ref = reference(ROWS, COLS);
        for (double bound : new double[] {RowErrors.BF16, RowErrors.FP32}) {
            RowErrors under = RowErrors.of(scaled(ref, -1, 0.99 * bound), ref, COLS);
            RowErrors over = RowErrors.of(scaled(ref, -1, 1.01 * bound), ref, COLS);
            assertThat(under.whole()).isCloseTo(0.99 * bound, org.assertj.core.data.Percentage.withPercentage(0.1));
            assertThat(under.within(bound)).as("0.99 × %s everywhere", bound).isTrue();
            assertThat(over.whole()).isGreaterThan(bound);
            assertThat(over.within(bound)).as("1.01 × %s everywhere", bound).isFalse();
        }
    }

    @Test
    void oneRowJustOverTheBoundFailsAlthoughTheWholeArrayIsFarWithin() {
        float[] ref = reference(ROWS, COLS);
        for (double bound : new double[] {RowErrors.BF16, RowErrors.FP32}) {
            RowErrors over = RowErrors.of(scaled(ref, 100, 1.01 * bound), ref, COLS);
            assertThat(over.whole()).isLessThan(bound / 10);
            assertThat(over.worstRowIndex()).isEqualTo(100);
            assertThat(over.worstRow()).isGreaterThan(bound);
            assertThat(over.within(bound)).isFalse();
            RowErrors under = RowErrors.of(scaled(ref, 100, 0.99 * bound), ref, COLS);
            assertThat(under.worstRowIndex()).isEqualTo(100);
            assertThat(under.within(bound)).isTrue();
        }
    }

    @Test
    void oneRowSixteenPercentOffAmong257FailsThoughTheWholeArrayErrorPasses() {
        float[] ref = reference(ROWS, COLS);
        RowErrors e = RowErrors.of(scaled(ref, 256, 0.16), ref, COLS);
        assertThat(e.whole()).as("whole-array error").isLessThan(RowErrors.BF16);
        assertThat(e.worstRow()).isCloseTo(0.16, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(e.worstRowIndex()).isEqualTo(256);
        assertThat(e.within(RowErrors.BF16)).isFalse();
        assertThat(e.firstBad() / COLS).isEqualTo(256);
        assertThat(e.firstBad() % COLS)
                .as("the largest difference is at the largest value")
                .isEqualTo(COLS - 1);
        assertThat(e.describe(RowErrors.BF16)).contains("row 256 of 257", "got 9.28", "expected 8.0");
    }

    @Test
    void aNonFiniteOutputIsAnInfiniteErrorInItsRowAndOverall() {
        float[] ref = reference(ROWS, COLS);
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            float[] out = ref.clone();
            out[5 * COLS + 3] = bad;
            RowErrors e = RowErrors.of(out, ref, COLS);
            assertThat(e.worstRow()).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(e.whole()).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(e.worstRowIndex()).isEqualTo(5);
            assertThat(e.firstBad()).isEqualTo(5 * COLS + 3);
            assertThat(e.within(RowErrors.BF16)).isFalse();
        }
    }

    @Test
    void zeroReferenceRowsPassOnlyWhenTheOutputIsZeroToo() {
        float[] ref = new float[2 * COLS];
        Arrays.fill(ref, 0, COLS, 1f);
        float[] out = ref.clone();
        assertThat(RowErrors.of(out, ref, COLS).within(0)).isTrue();
        out[COLS + 1] = 1e-30f;
        RowErrors e = RowErrors.of(out, ref, COLS);
        assertThat(e.worstRowIndex()).isEqualTo(1);
        assertThat(e.worstRow()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void rejectsMismatchedLengthsAndWidthsThatAreNotWholeRows() {
        assertThatThrownBy(() -> RowErrors.of(new float[4], new float[3], 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RowErrors.of(new float[6], new float[6], 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("divisor of 6");
    }
}
