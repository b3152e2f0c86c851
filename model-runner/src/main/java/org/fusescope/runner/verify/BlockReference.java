package org.fusescope.runner.verify;

import java.util.stream.IntStream;
import org.fusescope.kernels.cuda.Bf16;
import org.fusescope.kernels.reference.TopkSoftmaxReference;
import org.fusescope.runner.model.MoeWeights;

/**
 * The unfused MoE block of one layer in plain Java, one token at a time (tokens are independent):
 * residual add, zero-centred RMSNorm, router logits, its own routing (softmax over the E experts, the
 * top K, renormalized when {@code norm_topk_prob} is on), the K routed experts (gate/up, SiLU·up, down,
 * times the routing weight), the shared expert times sigmoid of its gate, summed. Accumulates in double
 * and rounds to bf16 where the kernels store bf16. The stages are also public on their own ({@link
 * #front}, {@link #route}, {@link #experts}) so that a verifier can check the GPU's routing before the
 * expert math. Stateless.
 */
public final class BlockReference {
    private BlockReference() {}

    /**
     * The block up to the router, for tokens {@code 0..tokens-1}.
     *
     * @param residual the residual after the block's add {@code [tokens, H]} (bf16 values)
     * @param y the normed input of the experts {@code [tokens, H]} (bf16 values)
     * @param logits the router logits {@code [tokens, E]} (fp32, from double)
     * @param gate the shared expert's gate logit {@code [tokens]} (from double, not rounded)
     */
    public record Front(float[] residual, float[] y, float[] logits, float[] gate, int tokens) {}

    /**
     * A routing: {@code slots} (expert, weight) pairs per token.
     *
     * @param ids {@code [tokens, slots]} expert ids (the routed K, largest weight first, then the shared
     *     expert's id E when it was appended)
     * @param weights {@code [tokens, slots]} fp32 routing weights
     */
    public record Routing(int[] ids, float[] weights, int slots) {}

    /** Outputs for the computed tokens: the block's output, the residual after its add, the router logits, the routing. */
    public record Result(float[] out, float[] residual, float[] logits, Routing routing) {}

    /**
     * The whole block for tokens {@code 0..tokens-1}, routed by its own routing.
     *
     * @param hidden the block's input {@code [M, H]} (bf16 bits)
     * @param residual the residual entering the block {@code [M, H]} (bf16 bits)
     * @param renormalize the config's {@code norm_topk_prob}
     */
    public static Result compute(
            MoeWeights w, short[] hidden, short[] residual, int tokens, double eps, boolean renormalize) {
        Front f = front(w, hidden, residual, tokens, eps);
        Routing r = route(f.logits(), tokens, w.config().experts(), w.config().topK(), renormalize);
        return new Result(experts(w, f, r), f.residual(), f.logits(), r);
    }

    /** Residual add, RMSNorm, router logits and the shared expert's gate logit. */
    public static Front front(MoeWeights w, short[] hidden, short[] residual, int tokens, double eps) {
        int h = w.config().hidden();
        float[] newResidual = new float[tokens * h];
        float[] y = new float[tokens * h];
        IntStream.range(0, tokens).parallel().forEach(t -> {
            double sumSq = 0;
            for (int n = 0; n < h; n++) {
                float r = Bf16.round((float) (bf(hidden, t * h + n) + bf(residual, t * h + n)));
                newResidual[t * h + n] = r;
                sumSq += (double) r * r;
            }
            double scale = 1 / Math.sqrt(sumSq / h + eps);
            for (int n = 0; n < h; n++) {
                y[t * h + n] = Bf16.round((float) (newResidual[t * h + n] * scale * (1 + bf(w.norm(), n))));
            }
        });
        return new Front(newResidual, y, logits(w, y, tokens), gate(w, y, tokens), tokens);
    }

    /** The router logits {@code y · routerᵀ} in double, as fp32 ({@code [tokens, E]}), from any {@code y} (bf16 values). */
    public static float[] logits(MoeWeights w, float[] y, int tokens) {
        int h = w.config().hidden();
        int e = w.config().experts();
        float[] logits = new float[tokens * e];
        IntStream.range(0, tokens * e)
                .parallel()
                .forEach(i -> logits[i] = (float) dot(y, (i / e) * h, h, w.router(), (long) (i % e) * h));
        return logits;
    }

    /** The shared expert's gate logit {@code y · gate} in double, as fp32, not rounded ({@code [tokens]}). */
    public static float[] gate(MoeWeights w, float[] y, int tokens) {
        int h = w.config().hidden();
        float[] gate = new float[tokens];
        for (int t = 0; t < tokens; t++) {
            gate[t] = (float) dot(y, t * h, h, w.sharedGate(), 0);
        }
        return gate;
    }

    /**
     * The routing the logits give: softmax over all {@code experts}, the top {@code topK} (ties to the
     * lower id), their weights renormalized to sum 1 when {@code renormalize}, else the softmax
     * probabilities.
     */
    public static Routing route(float[] logits, int tokens, int experts, int topK, boolean renormalize) {
        TopkSoftmaxReference.Result r = TopkSoftmaxReference.apply(logits, tokens, experts, topK, renormalize);
        return new Routing(r.ids(), r.weights(), topK);
    }

    /**
     * The weights the routing rule gives to the given experts {@code ids [tokens, topK]}: each one's
     * softmax probability over all {@code experts}, divided by the sum over the K when {@code
     * renormalize}.
     */
    public static float[] weigh(float[] logits, int[] ids, int tokens, int experts, int topK, boolean renormalize) {
        float[] weights = new float[tokens * topK];
        for (int t = 0; t < tokens; t++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int e = 0; e < experts; e++) {
                max = Math.max(max, logits[t * experts + e]);
            }
            double all = 0;
            for (int e = 0; e < experts; e++) {
                all += Math.exp(logits[t * experts + e] - max);
            }
            double chosen = 0;
            for (int j = 0; j < topK; j++) {
                chosen += Math.exp(logits[t * experts + ids[t * topK + j]] - max);
            }
            double denom = renormalize ? chosen : all;
            for (int j = 0; j < topK; j++) {
                weights[t * topK + j] = (float) (Math.exp(logits[t * experts + ids[t * topK + j]] - max) / denom);
            }
        }
        return weights;
    }

    /**
     * {@code routed} with the shared expert appended to every token as id {@code sharedId} (E) with
     * weight {@code sigmoid(gate[t])}: the fused variant's routing.
     */
    public static Routing withSharedExpert(Routing routed, float[] gate, int tokens, int sharedId) {
        int k = routed.slots();
        int kp = k + 1;
        int[] ids = new int[tokens * kp];
        float[] weights = new float[tokens * kp];
        for (int t = 0; t < tokens; t++) {
            System.arraycopy(routed.ids(), t * k, ids, t * kp, k);
            System.arraycopy(routed.weights(), t * k, weights, t * kp, k);
            ids[t * kp + k] = sharedId;
            weights[t * kp + k] = (float) (1 / (1 + Math.exp(-(double) gate[t])));
        }
        return new Routing(ids, weights, kp);
    }

    /**
     * The experts of the block from {@code f}: the K routed experts of {@code routed} (K slots per
     * token) times their weights, plus the shared expert times sigmoid of its bf16 gate, as the unfused
     * kernels store them ({@code [tokens, H]}, bf16 values).
     */
    public static float[] experts(MoeWeights w, Front f, Routing routed) {
        int h = w.config().hidden();
        float[] out = new float[f.tokens() * h];
        IntStream.range(0, f.tokens()).parallel().forEach(t -> token(w, f, routed, t, out));
        return out;
    }

    private static void token(MoeWeights w, Front f, Routing routed, int t, float[] out) {
        int h = w.config().hidden();
        int k = routed.slots();
        double[] y = new double[h];
        for (int n = 0; n < h; n++) {
            y[n] = f.y()[t * h + n];
        }
        double[] moe = new double[h];
        for (int j = 0; j < k; j++) {
            int expert = routed.ids()[t * k + j];
            double[] down = expert(y, w.w13(), w.w2(), expert, w.config().inter());
            for (int n = 0; n < h; n++) {
                moe[n] += Bf16.round((float) (routed.weights()[t * k + j] * down[n]));
            }
        }
        double[] shared = expert(y, w.sharedW13(), w.sharedW2(), 0, w.config().sharedInter());
        double gate = Bf16.round(f.gate()[t]);
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

    private static double dot(float[] x, int from, int n, short[] bits, long offset) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (double) x[from + i] * bf(bits, (int) (offset + i));
        }
        return s;
    }

    private static double bf(short[] bits, int i) {
        return Bf16.toFloat(bits[i]);
    }
}
