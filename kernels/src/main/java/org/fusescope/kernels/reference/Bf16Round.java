package org.fusescope.kernels.reference;

/**
 * Rounds floats to the nearest bf16 value (round to nearest, ties to even) and back to float, as the
 * kernels' {@code __float2bfloat16_rn} does. Thread-safe, stateless.
 */
public final class Bf16Round {
    private Bf16Round() {}

    /**
     * The bf16 value nearest to {@code x}, as a float. NaN stays NaN; values past the largest bf16
     * round to infinity.
     */
    public static float round(float x) {
        if (Float.isNaN(x)) {
            return x;
        }
        int bits = Float.floatToRawIntBits(x);
        int lsb = (bits >>> 16) & 1;
        bits += 0x7FFF + lsb;
        return Float.intBitsToFloat(bits & 0xFFFF0000);
    }

    /** Rounds a double to float (as the kernels' fp32 accumulator holds it), then to bf16. */
    public static float round(double x) {
        return round((float) x);
    }

    /** A new array holding every element of {@code values} rounded to bf16. */
    public static float[] roundAll(float[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = round(values[i]);
        }
        return out;
    }

    /** Whether {@code x} is exactly representable in bf16. */
    public static boolean isBf16(float x) {
        return Float.isNaN(x) || (Float.floatToRawIntBits(x) & 0xFFFF) == 0;
    }
}
