package org.fusescope.runner.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.fusescope.kernels.cuda.Bf16;
import org.fusescope.kernels.shape.AttentionDims;
import org.fusescope.kernels.shape.LinearAttentionDims;
import org.fusescope.profiler.ops.Fusion;
import org.fusescope.runner.model.AttentionWeights;
import org.fusescope.runner.model.LinearAttentionWeights;
import org.fusescope.runner.model.ModelConfig;
import org.fusescope.runner.model.RoutingScenario;
import org.fusescope.runner.model.SyntheticWeights;
import org.fusescope.runner.step.DecodeContext;
import org.fusescope.runner.step.InitialDecodeState;
import org.fusescope.runner.step.StepSpec;
import org.junit.jupiter.api.Test;

/**
 * The mixer reference (a chain of the kernels' references) against the layer math of docs/kernels.md
 * written out here once more, per request, in double with no intermediate rounding, in HuggingFace's
 * weight layouts: the two agree to bf16 precision, which checks the chain's layouts and state handling.
 */
class MixerReferenceTest {
    private static final ModelConfig TINY = ModelConfig.preset("tiny");
    private static final int M = 3;
    private static final StepSpec SPEC = new StepSpec(
            TINY,
            Fusion.parseVariant("unfused"),
            M,
            4,
            RoutingScenario.parse("router"),
            7,
            new DecodeContext(40, 1),
            true);

    @Test
    void gatedDeltaNetLayerMatchesTheLayerMath() {
        LinearAttentionWeights w = (LinearAttentionWeights) SyntheticWeights.mixer(TINY, 1, 7);
        MixerReference.Result ref = MixerReference.compute(SPEC, w, M);
        double[] expected = new double[M * TINY.hidden()];
        for (int t = 0; t < M; t++) {
            System.arraycopy(linearAttention(w, t), 0, expected, t * TINY.hidden(), TINY.hidden());
        }
        assertClose(ref.out(), expected);
    }

    @Test
    void attentionLayerMatchesTheLayerMath() {
        AttentionWeights w = (AttentionWeights) SyntheticWeights.mixer(TINY, 3, 7);
        MixerReference.Result ref = MixerReference.compute(SPEC, w, M);
        double[] expected = new double[M * TINY.hidden()];
        for (int t = 0; t < M; t++) {
            System.arraycopy(attention(w, t), 0, expected, t * TINY.hidden(), TINY.hidden());
        }
        assertClose(ref.out(), expected);
    }

    @Test
    void theResidualIsTheInputsSum() {
        MixerReference.Result ref = MixerReference.compute(SPEC, SyntheticWeights.mixer(TINY, 0, 7), 2);
        float[] hidden = Bf16.toFloats(SPEC.initialHidden());
        float[] residual = Bf16.toFloats(SPEC.initialResidual());
        for (int i = 0; i < ref.residual().length; i++) {
            assertThat(ref.residual()[i]).isEqualTo(Bf16.round(hidden[i] + residual[i]));
        }
    }

    private static void assertClose(float[] out, double[] expected) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < expected.length; i++) {
            diff += (out[i] - expected[i]) * (out[i] - expected[i]);
            norm += expected[i] * expected[i];
        }
        assertThat(norm).as("not trivially zero").isGreaterThan(0);
        assertThat(Math.sqrt(diff / norm)).as("‖ref − math‖ / ‖math‖").isLessThan(1e-2);
    }

    /** The normed input of request t: {@code (h + r) / rms · (1 + w)}. */
    private static double[] normedInput(short[] norm, int t) {
        int h = TINY.hidden();
        short[] hidden = SPEC.initialHidden();
        short[] residual = SPEC.initialResidual();
        double[] x = new double[h];
        double sumSq = 0;
        for (int i = 0; i < h; i++) {
            x[i] = Bf16.toFloat(hidden[t * h + i]) + Bf16.toFloat(residual[t * h + i]);
            sumSq += x[i] * x[i];
        }
        double scale = 1 / Math.sqrt(sumSq / h + TINY.rmsNormEps());
        for (int i = 0; i < h; i++) {
            x[i] *= scale * (1 + Bf16.toFloat(norm[i]));
        }
        return x;
    }

    private static double[] linearAttention(LinearAttentionWeights w, int t) {
        LinearAttentionDims c = TINY.linear();
        int hk = c.keyHeads();
        int hv = c.valueHeads();
        int dk = c.keyDim();
        int dv = c.valueDim();
        int width = c.convKernel();
        double[] p = matVec(w.inProj(), normedInput(w.inputNorm(), t), c.projectionDim());
        int convDim = c.convDim();
        short[] convState = InitialDecodeState.convState(SPEC, w.layer(), t);
        double[] conv = new double[convDim];
        for (int ch = 0; ch < convDim; ch++) {
            double u = p[ch] * Bf16.toFloat(w.conv()[ch * width + width - 1]);
            for (int i = 0; i < width - 1; i++) {
                u += Bf16.toFloat(convState[ch * (width - 1) + i]) * Bf16.toFloat(w.conv()[ch * width + i]);
            }
            conv[ch] = silu(u);
        }
        float[] state = InitialDecodeState.recurrentState(SPEC, w.layer(), t);
        double[] gated = new double[hv * dv];
        for (int h = 0; h < hv; h++) {
            int kh = h / (hv / hk);
            double[] q = l2Normed(conv, kh * dk, dk, 1 / Math.sqrt(dk));
            double[] k = l2Normed(conv, hk * dk + kh * dk, dk, 1);
            int vAt = 2 * hk * dk + h * dv;
            double a = p[convDim + hv * dv + hv + h];
            double b = p[convDim + hv * dv + h];
            double g = -Math.exp(Bf16.toFloat(w.aLog()[h])) * Math.log1p(Math.exp(a + Bf16.toFloat(w.dtBias()[h])));
            double beta = 1 / (1 + Math.exp(-b));
            double[][] s = new double[dk][dv];
            for (int i = 0; i < dk; i++) {
                for (int j = 0; j < dv; j++) {
                    s[i][j] = state[(h * dk + i) * dv + j] * Math.exp(g);
                }
            }
            double[] o = new double[dv];
            for (int j = 0; j < dv; j++) {
                double sk = 0;
                for (int i = 0; i < dk; i++) {
                    sk += s[i][j] * k[i];
                }
                double vPrime = beta * (conv[vAt + j] - sk);
                for (int i = 0; i < dk; i++) {
                    s[i][j] += k[i] * vPrime;
                    o[j] += s[i][j] * q[i];
                }
            }
            double sumSq = 0;
            for (double x : o) {
                sumSq += x * x;
            }
            double scale = 1 / Math.sqrt(sumSq / dv + TINY.rmsNormEps());
            for (int j = 0; j < dv; j++) {
                double z = p[convDim + h * dv + j];
                gated[h * dv + j] = o[j] * scale * Bf16.toFloat(w.norm()[j]) * silu(z);
            }
        }
        return matVec(w.outProj(), gated, TINY.hidden());
    }

    private static double[] attention(AttentionWeights w, int t) {
        AttentionDims c = TINY.attention();
        int hq = c.queryHeads();
        int hkv = c.kvHeads();
        int d = c.headDim();
        double[] y = normedInput(w.inputNorm(), t);
        double[] qg = matVec(w.qGateProj(), y, 2 * hq * d);
        double[] k = matVec(w.kProj(), y, hkv * d);
        double[] v = matVec(w.vProj(), y, hkv * d);
        int position = SPEC.context().tokens();
        int slots = SPEC.context().attendedTokens();
        short[] keys = InitialDecodeState.keys(SPEC, w.layer(), t);
        short[] values = InitialDecodeState.values(SPEC, w.layer(), t);
        double[] gated = new double[hq * d];
        for (int h = 0; h < hq; h++) {
            int g = h / (hq / hkv);
            double[] q = rope(rmsNormed(qg, h * d, d, w.qNorm()), position);
            double[] newKey = rope(rmsNormed(k, g * d, d, w.kNorm()), position);
            double[] scores = new double[slots];
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < slots; j++) {
                double s = 0;
                for (int i = 0; i < d; i++) {
                    double key = j == position ? newKey[i] : Bf16.toFloat(keys[(g * slots + j) * d + i]);
                    s += q[i] * key;
                }
                scores[j] = s / Math.sqrt(d);
                max = Math.max(max, scores[j]);
            }
            double sum = 0;
            for (int j = 0; j < slots; j++) {
                scores[j] = Math.exp(scores[j] - max);
                sum += scores[j];
            }
            for (int i = 0; i < d; i++) {
                double o = 0;
                for (int j = 0; j < slots; j++) {
                    double value = j == position ? v[g * d + i] : Bf16.toFloat(values[(g * slots + j) * d + i]);
                    o += scores[j] / sum * value;
                }
                double gate = 1 / (1 + Math.exp(-qg[hq * d + h * d + i]));
                gated[h * d + i] = o * gate;
            }
        }
        return matVec(w.oProj(), gated, TINY.hidden());
    }

    /** HuggingFace rotate_half on the first R dims: dim i pairs with i + R/2, angle = pos / θ^(2i/R). */
    private static double[] rope(double[] x, int position) {
        int r = TINY.attention().rotaryDim();
        double[] out = x.clone();
        for (int i = 0; i < r / 2; i++) {
            double angle = position / Math.pow(TINY.attention().ropeTheta(), 2.0 * i / r);
            out[i] = x[i] * Math.cos(angle) - x[i + r / 2] * Math.sin(angle);
            out[i + r / 2] = x[i + r / 2] * Math.cos(angle) + x[i] * Math.sin(angle);
        }
        return out;
    }

    private static double[] rmsNormed(double[] x, int from, int n, short[] w) {
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            sumSq += x[from + i] * x[from + i];
        }
        double scale = 1 / Math.sqrt(sumSq / n + TINY.rmsNormEps());
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = x[from + i] * scale * (1 + Bf16.toFloat(w[i]));
        }
        return out;
    }

    private static double[] l2Normed(double[] x, int from, int n, double scale) {
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            sumSq += x[from + i] * x[from + i];
        }
        double inv = scale / Math.sqrt(sumSq + 1e-6);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = x[from + i] * inv;
        }
        return out;
    }

    private static double silu(double x) {
        return x / (1 + Math.exp(-x));
    }

    /** {@code w [rows, x.length] · x}. */
    private static double[] matVec(short[] w, double[] x, int rows) {
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < x.length; i++) {
                out[r] += Bf16.toFloat(w[r * x.length + i]) * x[i];
            }
        }
        return out;
    }
}
