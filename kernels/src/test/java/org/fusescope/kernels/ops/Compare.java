package org.fusescope.kernels.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.fusescope.kernels.cuda.Bf16;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.reference.RowErrors;

/** Result checks for large arrays (loops, first difference reported) and downloads. */
final class Compare {
    /** The bound on bf16 outputs, per row and whole ({@link RowErrors#BF16}). */
    static final double TOLERANCE = RowErrors.BF16;

    /** The bound on fp32 outputs, per row and whole ({@link RowErrors#FP32}). */
    static final double F32_TOLERANCE = RowErrors.FP32;

    private Compare() {}

    /** ‖out − ref‖₂ / ‖ref‖₂; a NaN or infinite output (an unwritten, poisoned element) gives +∞. */
    static double relativeError(float[] out, float[] ref) {
        return RowErrors.of(out, ref, Math.max(1, ref.length)).whole();
    }

    /**
     * A bf16 output of rows of {@code cols} elements (one row a token, request or head): the whole
     * array and every row within {@link #TOLERANCE}; the failure names the worst row, its error and
     * its most different element.
     */
    static void assertClose(String what, float[] out, float[] ref, int cols) {
        assertWithin(what, out, ref, cols, TOLERANCE);
    }

    /** An fp32 output (top-k weights, an fp32 GEMM result) of rows of {@code cols}: within {@link #F32_TOLERANCE}. */
    static void assertCloseF32(String what, float[] out, float[] ref, int cols) {
        assertWithin(what, out, ref, cols, F32_TOLERANCE);
    }

    /** Whole array and every row of {@code cols} elements within {@code bound} (relative L2). */
    static void assertWithin(String what, float[] out, float[] ref, int cols, double bound) {
        assertThat(out.length).as("%s length", what).isEqualTo(ref.length);
        RowErrors e = RowErrors.of(out, ref, cols);
        if (!e.within(bound)) {
            throw new AssertionError(what + ": " + e.describe(bound));
        }
    }

    /** Exact equality, reporting the count of differences and the first one. */
    static void assertSameInts(String what, int[] expected, int[] actual) {
        assertThat(actual.length).as("%s length", what).isEqualTo(expected.length);
        int mismatches = 0;
        int first = -1;
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] != actual[i]) {
                mismatches++;
                first = first < 0 ? i : first;
            }
        }
        if (mismatches > 0) {
            throw new AssertionError(what + ": " + mismatches + " of " + expected.length + " differ, first at " + first
                    + ": expected " + expected[first] + ", got " + actual[first]);
        }
    }

    /** A bf16 buffer's values as floats. */
    static float[] bf16(DeviceBuffer b) {
        short[] bits = new short[Math.toIntExact(b.elementCount())];
        b.download(bits);
        return Bf16.toFloats(bits);
    }

    static float[] f32(DeviceBuffer b) {
        float[] v = new float[Math.toIntExact(b.elementCount())];
        b.download(v);
        return v;
    }

    static int[] i32(DeviceBuffer b) {
        int[] v = new int[Math.toIntExact(b.elementCount())];
        b.download(v);
        return v;
    }
}
