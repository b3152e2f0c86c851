package org.fusescope.kernels.cuda;

/**
 * bfloat16 ⇄ float32 on the host. A bf16 is the upper 16 bits of a float32; converting a float
 * rounds to nearest, ties to even (what CUDA's {@code __float2bfloat16_rn} does), keeps infinities
 * and signed zeros, keeps subnormals (rounded like any other value) and turns every NaN into a
 * quiet NaN of the same sign. Stateless; safe from any thread.
 */
public final class Bf16 {
    private Bf16() {}

    /** The bf16 bits nearest to {@code value} (round to nearest even). */
    public static short fromFloat(float value) {
        int bits = Float.floatToRawIntBits(value);
        if (Float.isNaN(value)) {
            // a NaN whose payload lies only in the low 16 bits would truncate to infinity: set the quiet bit
            return (short) ((bits >>> 16) | 0x0040);
        }
        int lsb = (bits >>> 16) & 1;
        return (short) ((bits + 0x7FFF + lsb) >>> 16);
    }

    /** The float32 that the bf16 bits denote (exact). */
    public static float toFloat(short bf16) {
        return Float.intBitsToFloat((bf16 & 0xFFFF) << 16);
    }

    /** {@link #fromFloat} over an array. */
    public static short[] fromFloats(float[] values) {
        short[] out = new short[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = fromFloat(values[i]);
        }
        return out;
    }

    /** {@link #toFloat} over an array. */
    public static float[] toFloats(short[] bf16) {
        float[] out = new float[bf16.length];
        for (int i = 0; i < bf16.length; i++) {
            out[i] = toFloat(bf16[i]);
        }
        return out;
    }

    /** {@code toFloat(fromFloat(value))}: the value as a bf16 would hold it. */
    public static float round(float value) {
        return toFloat(fromFloat(value));
    }
}
