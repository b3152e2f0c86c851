package org.fusescope.runner.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fusescope.kernels.reference.RowErrors;
import org.fusescope.profiler.model.NumericCheck;
import org.junit.jupiter.api.Test;

/** The verifiers' comparison ({@link BlockVerifier#checks}): whole array and worst token, each against its bound. */
class VerifierChecksTest {
    private static final int TOKENS = 257;
    private static final int H = 32;

    private static float[] ref() {
        float[] ref = new float[TOKENS * H];
        for (int i = 0; i < ref.length; i++) {
            ref[i] = (float) Math.cos(0.37 * (i % H)) + 1.5f; // every token the same norm
        }
        return ref;
    }

    /** Token {@code token} (every token when -1) of {@code ref} scaled by {@code 1 + error}. */
    private static float[] off(float[] ref, int token, double error) {
        float[] out = ref.clone();
        for (int i = 0; i < out.length; i++) {
            if (token < 0 || i / H == token) {
                out[i] = (float) (ref[i] * (1 + error));
            }
        }
        return out;
    }

    @Test
    void twoChecksTheWholeArrayAndTheWorstTokenWithItsIndexAndTheBound() {
        float[] ref = ref();
        List<NumericCheck> c = BlockVerifier.checks("moe_out", off(ref, 42, 0.5e-2), ref, H, RowErrors.BF16);
        assertThat(c).extracting(NumericCheck::name).containsExactly("moe_out", "moe_out, worst token 42");
        assertThat(c).allSatisfy(k -> assertThat(k.tolerance()).isEqualTo(RowErrors.BF16));
        assertThat(c.get(1).relNorm()).isCloseTo(0.5e-2, org.assertj.core.data.Percentage.withPercentage(0.5));
        assertThat(c.get(0).relNorm()).isLessThan(0.5e-3);
    }

    @Test
    void justOverTheBoundFailsAndJustUnderPassesWholeAndPerToken() {
        float[] ref = ref();
        for (double bound : new double[] {RowErrors.BF16, RowErrors.FP32}) {
            assertThat(BlockVerifier.checks("all under", off(ref, -1, 0.99 * bound), ref, H, bound))
                    .allMatch(NumericCheck::passed);
            assertThat(BlockVerifier.checks("all over", off(ref, -1, 1.01 * bound), ref, H, bound))
                    .noneMatch(NumericCheck::passed);
            assertThat(BlockVerifier.checks("one under", off(ref, 9, 0.99 * bound), ref, H, bound))
                    .allMatch(NumericCheck::passed);
            List<NumericCheck> over = BlockVerifier.checks("one over", off(ref, 9, 1.01 * bound), ref, H, bound);
            assertThat(over.get(0).passed()).as("whole array").isTrue();
            assertThat(over.get(1).passed()).as("token 9").isFalse();
            assertThat(over.get(1).name()).isEqualTo("one over, worst token 9");
        }
    }

    @Test
    void oneTokenSixteenPercentOffAmong257FailsThoughTheWholeArrayPasses() {
        float[] ref = ref();
        List<NumericCheck> c = BlockVerifier.checks("out", off(ref, 256, 0.16), ref, H, RowErrors.BF16);
        assertThat(c.get(0).passed()).as("whole array, %s", c.get(0).relNorm()).isTrue();
        assertThat(c.get(1).passed()).isFalse();
        assertThat(c.get(1).name()).isEqualTo("out, worst token 256");
        assertThat(c.get(1).relNorm()).isCloseTo(0.16, org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void aNaNOutputFailsBothChecks() {
        float[] ref = ref();
        float[] out = ref.clone();
        out[3 * H + 1] = Float.NaN;
        List<NumericCheck> c = BlockVerifier.checks("nan", out, ref, H, RowErrors.BF16);
        assertThat(c).noneMatch(NumericCheck::passed);
        assertThat(c.get(1).name()).isEqualTo("nan, worst token 3");
        assertThat(c.get(1).relNorm()).isEqualTo(Double.POSITIVE_INFINITY);
    }
}
