package org.fusescope.kernels.reference;

import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.LinearAttentionDims;

/**
 * Reference of {@code gated_delta_rule.cu}: one decode step of the gated delta rule per (token,
 * value head), float64 inside, the state rounded to fp32 and the output to bf16 where the kernel
 * stores them.
 */
public final class GatedDeltaRuleReference {
    /** Above this softplus returns its argument (as torch's and FLA's softplus do). */
    static final double SOFTPLUS_THRESHOLD = 20;

    private GatedDeltaRuleReference() {}

    /**
     * @param o {@code [tokens, Hv·Dv]} bf16 values
     * @param state {@code [tokens, Hv, Dk, Dv]} the new state, fp32 values (a fresh array)
     */
    public record Result(float[] o, float[] state) {}

    /**
     * For token t and value head h with key head {@code kh = h / (Hv/Hk)}: {@code q̂ = q/√(Σq² + eps) ·
     * Dk^-½}, {@code k̂ = k/√(Σk² + eps)}, {@code g = -exp(A_log[h])·softplus(a + dt_bias[h])}, {@code
     * β = sigmoid(b)}; {@code S = S·exp(g)}; {@code v' = β(v − Sᵀk̂)}; {@code S = S + k̂ v'ᵀ}; {@code o = Sᵀq̂}.
     *
     * @param in q, k, v, b, a of the step (z is not read)
     * @param aLog {@code [Hv]} A_log
     * @param dtBias {@code [Hv]}
     * @param state {@code [tokens, Hv, Dk, Dv]}, {@code S[i, j]} at {@code i·Dv + j}; not modified
     * @param eps the q/k L2-norm epsilon (1e-6)
     */
    public static Result apply(
            GdnPacked in, float[] aLog, float[] dtBias, float[] state, int tokens, LinearAttentionDims s, float eps) {
        Args.positive("tokens", tokens);
        in.check(tokens, s);
        Args.length("aLog", aLog, s.valueHeads(), Args.dims("Hv", s.valueHeads()));
        Args.length("dtBias", dtBias, s.valueHeads(), Args.dims("Hv", s.valueHeads()));
        long headState = (long) s.keyDim() * s.valueDim();
        Args.length(
                "state",
                state,
                tokens * s.valueHeads() * headState,
                Args.dims("tokens", tokens, "Hv", s.valueHeads(), "Dk", s.keyDim(), "Dv", s.valueDim()));
        float[] o = new float[tokens * s.vDim()];
        float[] next = new float[state.length];
        for (int t = 0; t < tokens; t++) {
            for (int h = 0; h < s.valueHeads(); h++) {
                head(in, aLog, dtBias, state, next, o, t, h, s, eps);
            }
        }
        return new Result(o, next);
    }

    private static void head(
            GdnPacked in,
            float[] aLog,
            float[] dtBias,
            float[] state,
            float[] next,
            float[] o,
            int t,
            int h,
            LinearAttentionDims s,
            float eps) {
        int dk = s.keyDim();
        int dv = s.valueDim();
        int keyHead = h / (s.valueHeads() / s.keyHeads());
        int keyAt = t * s.qkDim() + keyHead * dk;
        double[] qn = l2Normalized(in.q(), keyAt, dk, eps, 1.0 / Math.sqrt(dk));
        double[] kn = l2Normalized(in.k(), keyAt, dk, eps, 1.0);
        int gate = t * s.valueHeads() + h;
        double decay = Math.exp(-Math.exp(aLog[h]) * softplus((double) in.a()[gate] + dtBias[h]));
        double beta = Activations.sigmoid(in.b()[gate]);
        int base = (t * s.valueHeads() + h) * dk * dv;
        int outAt = t * s.vDim() + h * dv;
        double[] column = new double[dk];
        for (int j = 0; j < dv; j++) {
            double kv = 0;
            for (int i = 0; i < dk; i++) {
                column[i] = state[base + i * dv + j] * decay;
                kv += column[i] * kn[i];
            }
            double delta = beta * (in.v()[outAt + j] - kv);
            double acc = 0;
            for (int i = 0; i < dk; i++) {
                column[i] += kn[i] * delta;
                next[base + i * dv + j] = (float) column[i];
                acc += column[i] * qn[i];
            }
            o[outAt + j] = Bf16Round.round(acc);
        }
    }

    /** {@code x[from, from+n) · scale / √(Σx² + eps)}. */
    static double[] l2Normalized(float[] x, int from, int n, float eps, double scale) {
        double ss = 0;
        for (int i = 0; i < n; i++) {
            ss += (double) x[from + i] * x[from + i];
        }
        double inv = scale / Math.sqrt(ss + eps);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = x[from + i] * inv;
        }
        return out;
    }

    /** {@code log(1 + e^x)}, or x above {@value #SOFTPLUS_THRESHOLD}. */
    static double softplus(double x) {
        return x > SOFTPLUS_THRESHOLD ? x : Math.log1p(Math.exp(x));
    }
}
