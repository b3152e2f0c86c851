package org.fusescope.kernels.cuda;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Element-wise equality of large arrays that reports the first difference. AssertJ's
 * containsExactly describes a mismatch in time quadratic in the length, which hangs on a million
 * elements.
 */
public final class ArrayAssertions {
    private ArrayAssertions() {}

    public static void assertSameFloats(String what, float[] expected, float[] actual) {
        assertThat(actual.length).as("%s length", what).isEqualTo(expected.length);
        int mismatches = 0;
        int first = -1;
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToIntBits(expected[i]) != Float.floatToIntBits(actual[i])) {
                mismatches++;
                first = first < 0 ? i : first;
            }
        }
        assertThat(mismatches)
                .as(
                        "%s: %d of %d elements differ, first at %d: expected %s, got %s",
                        what,
                        mismatches,
                        expected.length,
                        first,
                        first < 0 ? "" : expected[first],
                        first < 0 ? "" : actual[first])
                .isZero();
    }
}
