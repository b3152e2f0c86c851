package org.fusescope.kernels.reference;

import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.LinearAttentionDims;

/**
 * Reference of {@code causal_conv1d_update.cu}: one decode step of the depthwise causal conv over the
 * q|k|v channels of the projection rows, with SiLU and the per-request state shifted by one.
 */
public final class CausalConv1dUpdateReference {
    private CausalConv1dUpdateReference() {}

    /**
     * @param y {@code [tokens, convDim]} the conv output, bf16 values
     * @param state {@code [tokens, convDim, W-1]} the new state (a fresh array)
     */
    public record Result(float[] y, float[] state) {}

    /**
     * {@code y[t,c] = bf16(silu(bias[c] + Σ_{i<W-1} state[t,c,i]·w[c,i] + x·w[c,W-1]))} with {@code x =
     * projection[t,c]}, float64 inside; the new state is {@code (state[t,c,1..W-2], x)}.
     *
     * @param projection {@code [tokens, projectionDim]} input-projection rows; the conv reads columns
     *     {@code [0, convDim)}
     * @param weight {@code [convDim, W]}, oldest tap first
     * @param bias {@code [convDim]} or null for none
     * @param state {@code [tokens, convDim, W-1]}, oldest column first; not modified
     */
    public static Result apply(
            float[] projection, float[] weight, float[] bias, float[] state, int tokens, LinearAttentionDims s) {
        checkConvInputs(projection, weight, bias, state, tokens, s);
        int c = s.convDim();
        float[] y = new float[tokens * c];
        float[] next = new float[state.length];
        for (int t = 0; t < tokens; t++) {
            for (int ch = 0; ch < c; ch++) {
                y[t * c + ch] = convolve(projection, weight, bias, state, t, ch, s);
                shift(projection, state, next, t, ch, s);
            }
        }
        return new Result(y, next);
    }

    /** The bf16-rounded SiLU of the conv of channel {@code ch} of token {@code t}. */
    static float convolve(
            float[] projection, float[] weight, float[] bias, float[] state, int t, int ch, LinearAttentionDims s) {
        int w = s.convKernel();
        int cols = s.stateCols();
        long stateBase = ((long) t * s.convDim() + ch) * cols;
        double acc = bias == null ? 0 : bias[ch];
        for (int i = 0; i < cols; i++) {
            acc += (double) state[(int) (stateBase + i)] * weight[ch * w + i];
        }
        acc += (double) projection[t * s.projectionDim() + ch] * weight[ch * w + w - 1];
        return Bf16Round.round(Activations.silu(acc));
    }

    /** Writes channel {@code ch} of token {@code t} of the shifted state into {@code next}. */
    static void shift(float[] projection, float[] state, float[] next, int t, int ch, LinearAttentionDims s) {
        int cols = s.stateCols();
        int base = (t * s.convDim() + ch) * cols;
        System.arraycopy(state, base + 1, next, base, cols - 1);
        next[base + cols - 1] = projection[t * s.projectionDim() + ch];
    }

    static void checkConvInputs(
            float[] projection, float[] weight, float[] bias, float[] state, int tokens, LinearAttentionDims s) {
        Args.positive("tokens", tokens);
        Args.length(
                "projection",
                projection,
                (long) tokens * s.projectionDim(),
                Args.dims("tokens", tokens, "projectionDim", s.projectionDim()));
        Args.length(
                "weight",
                weight,
                (long) s.convDim() * s.convKernel(),
                Args.dims("convDim", s.convDim(), "W", s.convKernel()));
        if (bias != null) {
            Args.length("bias", bias, s.convDim(), Args.dims("convDim", s.convDim()));
        }
        Args.length(
                "state",
                state,
                (long) tokens * s.convDim() * s.stateCols(),
                Args.dims("tokens", tokens, "convDim", s.convDim(), "W-1", s.stateCols()));
    }
}
