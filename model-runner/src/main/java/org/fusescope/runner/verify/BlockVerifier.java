package org.fusescope.runner.verify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.fusescope.kernels.cuda.Bf16;
import org.fusescope.kernels.reference.RowErrors;
import org.fusescope.profiler.model.NumericCheck;
import org.fusescope.profiler.ops.Fusion;
import org.fusescope.runner.model.MoeWeights;
import org.fusescope.runner.record.BlockOutputs;
import org.fusescope.runner.record.StepDevice;
import org.fusescope.runner.step.StepSpec;

/**
 * Runs the first MoE layer once unfused and once fused from the same inputs and compares the outputs
 * with each other and with {@link BlockReference} on the first {@value #MAX_TOKENS} tokens (tokens
 * are independent, so a sample of them checks every kernel while the reference stays fast at full
 * model size). Each comparison gives two checks, the whole array and its worst token ({@link #checks}):
 * relative error ‖out − ref‖ / ‖ref‖ within {@value #TOLERANCE} passes for bf16 outputs, within {@link
 * RowErrors#FP32} for fp32 ones.
 */
public final class BlockVerifier {
    /** The bound on the relative error of bf16 outputs, whole and per token. */
    public static final double TOLERANCE = RowErrors.BF16;

    /** Tokens the CPU reference computes. */
    public static final int MAX_TOKENS = 16;

    private BlockVerifier() {}

    /**
     * The checks at {@code spec}'s batch; {@code spec}'s switches are ignored (both variants run).
     *
     * @param weights layer 0's weights, as uploaded
     */
    public static List<NumericCheck> verify(StepDevice device, MoeWeights weights, StepSpec spec) {
        StepSpec unfusedSpec = withSwitches(spec, Fusion.parseVariant("unfused"));
        StepSpec fusedSpec = withSwitches(spec, Fusion.parseVariant("fused"));
        BlockOutputs unfused = device.runLayerOnce(unfusedSpec);
        BlockOutputs fused = device.runLayerOnce(fusedSpec);
        int tokens = Math.min(spec.batch(), MAX_TOKENS);
        int h = spec.config().hidden();
        BlockReference.Result ref = BlockReference.compute(
                weights,
                spec.initialHidden(),
                spec.initialResidual(),
                unfused.ids(),
                unfused.weights(),
                tokens,
                spec.config().rmsNormEps());
        String cpu = " vs cpu (" + tokens + " of " + spec.batch() + " tokens)";
        List<NumericCheck> checks = new ArrayList<>();
        checks.addAll(checks("moe_out unfused" + cpu, head(unfused.hidden(), tokens * h), ref.out(), h, TOLERANCE));
        checks.addAll(checks("moe_out fused" + cpu, head(fused.hidden(), tokens * h), ref.out(), h, TOLERANCE));
        checks.addAll(checks("residual fused" + cpu, head(fused.residual(), tokens * h), ref.residual(), h, TOLERANCE));
        int e = spec.config().experts();
        float[] logits = new float[tokens * e];
        System.arraycopy(unfused.logits(), 0, logits, 0, logits.length);
        checks.addAll(checks("router_logits unfused" + cpu, logits, ref.logits(), e, TOLERANCE));
        checks.addAll(checks(
                "moe_out fused vs unfused",
                Bf16.toFloats(fused.hidden()),
                Bf16.toFloats(unfused.hidden()),
                h,
                TOLERANCE));
        return checks;
    }

    private static StepSpec withSwitches(StepSpec s, Set<Fusion> switches) {
        return new StepSpec(s.config(), switches, s.batch(), 1, s.routing(), s.seed(), s.context());
    }

    /** The first {@code n} of {@code bits} (bf16) as floats: the tokens the CPU reference computed. */
    static float[] head(short[] bits, int n) {
        return Bf16.toFloats(Arrays.copyOf(bits, n));
    }

    /**
     * {@code out} against {@code ref}, rows of {@code cols} elements (one row a token): two checks, the
     * whole array ({@code name}: max |out − ref| and ‖out − ref‖ / ‖ref‖) and its worst row ({@code name},
     * worst token N: that row's |out − ref| at its most different element and ‖out_r − ref_r‖ / ‖ref_r‖),
     * both held to {@code bound} ({@link RowErrors#BF16} for bf16 outputs, {@link RowErrors#FP32} for fp32
     * ones). A NaN or infinite output gives +∞.
     */
    static List<NumericCheck> checks(String name, float[] out, float[] ref, int cols, double bound) {
        RowErrors e = RowErrors.of(out, ref, cols);
        double rowAbs = Float.isFinite(e.outAt()) ? Math.abs((double) e.outAt() - e.refAt()) : Double.POSITIVE_INFINITY;
        return List.of(
                new NumericCheck(name, 0, 0, e.maxAbs(), e.whole(), bound),
                new NumericCheck(name + ", worst token " + e.worstRowIndex(), 0, 0, rowAbs, e.worstRow(), bound));
    }
}
