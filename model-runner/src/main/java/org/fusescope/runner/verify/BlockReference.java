package org.fusescope.runner.verify;

import java.util.stream.IntStream;
import org.fusescope.kernels.cuda.Bf16;
import org.fusescope.runner.model.MoeWeights;

/**
 * The unfused MoE block of one layer in plain Java, one token at a time (tokens are independent):
 * residual add, zero-centred RMSNorm, router logits, the K routed experts (gate/up, SiLU·up, down,
 * times the routing weight), the shared expert times sigmoid of its gate, summed. Accumulates in
 * double and rounds to bf16 where the kernels store bf16. The routing (ids and weights) is given, so
 * a near-tie in the router cannot make GPU and reference pick different experts. Stateless.
 */
public final class BlockReference {
    private BlockReference() {}

    /**
     * The block for tokens {@code 0..tokens-1}.
     *
     * @param hidden the block's input {@code [M, H]} (bf16 bits)
     * @param residual the residual entering the block {@code [M, H]} (bf16 bits)
     * @param ids the routed experts {@code [M, K]}
     * @param weights their routing weights {@code [M, K]}
     */
    public static Result compute(
            MoeWeights w, short[] hidden, short[] residual, int[] ids, float[] weights, int tokens, double eps) {
        int h = w.config().hidden();
        int e = w.config().experts();
        float[] out = new float[tokens * h];
        float[] newResidual = new float[tokens * h];
        float[] logits = new float[tokens * e];
        IntStream.range(0, tokens)
                .parallel()
                .forEach(t -> token(w, hidden, residual, ids, weights, eps, t, out, newResidual, logits));
        return new Result(out, newResidual, logits);
    }

    /** Outputs for the computed tokens: the block's output, the residual after its add, the router logits. */
    public record Result(float[] out, float[] residual, float[] logits) {}

    private static void token(
            MoeWeights w,
            short[] hidden,
            short[] residual,
            int[] ids,
            float[] weights,
            double eps,
            int t,
            float[] out,
            float[] newResidual,
            float[] logits) {
        int h = w.config().hidden();
        int k = w.config().topK();
        double[] r = new double[h];
        double sumSq = 0;
        for (int n = 0; n < h; n++) {
            r[n] = Bf16.round((float) (bf(hidden, t * h + n) + bf(residual, t * h + n)));
            sumSq += r[n] * r[n];
            newResidual[t * h + n] = (float) r[n];
        }
        double scale = 1 / Math.sqrt(sumSq / h + eps);
        double[] y = new double[h];
        for (int n = 0; n < h; n++) {
            y[n] = Bf16.round((float) (r[n] * scale * (1 + bf(w.norm(), n))));
        }
        for (int e = 0; e < w.config().experts(); e++) {
            logits[t * w.config().experts() + e] = (float) dot(y, w.router(), (long) e * h);
        }
        double[] moe = new double[h];
        for (int j = 0; j < k; j++) {
            int expert = ids[t * k + j];
            double[] down = expert(y, w.w13(), w.w2(), expert, w.config().inter());
            for (int n = 0; n < h; n++) {
                moe[n] += Bf16.round((float) (weights[t * k + j] * down[n]));
            }
        }
        double[] shared = expert(y, w.sharedW13(), w.sharedW2(), 0, w.config().sharedInter());
        double gate = Bf16.round((float) dot(y, w.sharedGate(), 0));
        double sigmoid = 1 / (1 + Math.exp(-gate));
        for (int n = 0; n < h; n++) {
            double gated = Bf16.round((float) (Bf16.round((float) shared[n]) * sigmoid));
            out[t * h + n] = Bf16.round((float) (Bf16.round((float) moe[n]) + gated));
        }
    }

    /** One expert's down projection of SiLU(gate)·up, before the routing weight ({@code [H]}). */
    private static double[] expert(double[] y, short[] w13, short[] w2, int expert, int inter) {
        int h = y.length;
        double[] act = new double[inter];
        long base = (long) expert * 2 * inter * h;
        for (int i = 0; i < inter; i++) {
            double gate = Bf16.round((float) dot(y, w13, base + (long) i * h));
            double up = Bf16.round((float) dot(y, w13, base + (long) (inter + i) * h));
            act[i] = Bf16.round((float) (gate / (1 + Math.exp(-gate)) * up));
        }
        double[] down = new double[h];
        long downBase = (long) expert * h * inter;
        for (int n = 0; n < h; n++) {
            down[n] = dot(act, w2, downBase + (long) n * inter);
        }
        return down;
    }

    private static double dot(double[] x, short[] bits, long offset) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * bf(bits, (int) (offset + i));
        }
        return s;
    }

    private static double bf(short[] bits, int i) {
        return Bf16.toFloat(bits[i]);
    }
}
