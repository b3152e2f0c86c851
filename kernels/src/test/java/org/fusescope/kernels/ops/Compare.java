package org.fusescope.kernels.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.fusescope.kernels.cuda.Bf16;
import org.fusescope.kernels.cuda.DeviceBuffer;

/** Result checks for large arrays (loops, first difference reported) and downloads. */
final class Compare {
    static final double TOLERANCE = 1e-2;

    private Compare() {}

    /** ‖out − ref‖₂ / ‖ref‖₂; a NaN or infinite output (an unwritten, poisoned element) gives +∞. */
    static double relativeError(float[] out, float[] ref) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < ref.length; i++) {
            if (!Float.isFinite(out[i])) {
                return Double.POSITIVE_INFINITY;
            }
            double d = (double) out[i] - ref[i];
            diff += d * d;
            norm += (double) ref[i] * ref[i];
        }
        return norm == 0 ? (diff == 0 ? 0 : Double.POSITIVE_INFINITY) : Math.sqrt(diff / norm);
    }

    /** Relative error below {@link #TOLERANCE}, reporting the first non-finite or largest difference. */
    static void assertClose(String what, float[] out, float[] ref) {
        assertThat(out.length).as("%s length", what).isEqualTo(ref.length);
        double err = relativeError(out, ref);
        if (!(err < TOLERANCE)) {
            int worst = 0;
            for (int i = 0; i < ref.length; i++) {
                if (!Float.isFinite(out[i])) {
                    worst = i;
                    break;
                }
                if (Math.abs(out[i] - ref[i]) > Math.abs(out[worst] - ref[worst])) {
                    worst = i;
                }
            }
            throw new AssertionError(String.format(
                    "%s: relative error %.3g >= %.0g; at %d of %d: got %s, expected %s",
                    what, err, TOLERANCE, worst, ref.length, out[worst], ref[worst]));
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
