package org.fusescope.kernels.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

/** Test helpers: bf16-ulp comparisons and random bf16 tensors. */
final class Bf16Assertions {
    private Bf16Assertions() {}

    /** The spacing of bf16 values at {@code x} (2^16 float ulps). */
    static double bf16Ulp(float x) {
        return Math.ulp(Math.max(Math.abs(x), Float.MIN_NORMAL)) * 65536.0;
    }

    /** Element by element, within {@code ulps} bf16 ulps of the larger magnitude. */
    static void assertWithinUlps(float[] actual, float[] expected, double ulps) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            float big = Math.max(Math.abs(actual[i]), Math.abs(expected[i]));
            assertThat((double) Math.abs(actual[i] - expected[i]))
                    .as("element %d: %s vs %s", i, actual[i], expected[i])
                    .isLessThanOrEqualTo(ulps * bf16Ulp(big));
        }
    }

    /** Uniform in [-scale, scale), rounded to bf16. */
    static float[] randomBf16(Random random, int n, double scale) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = Bf16Round.round((random.nextDouble() * 2 - 1) * scale);
        }
        return out;
    }
}
