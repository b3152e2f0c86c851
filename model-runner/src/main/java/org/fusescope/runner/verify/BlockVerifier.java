package org.fusescope.runner.verify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.fusescope.kernels.cuda.Bf16;
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
 * model size). Relative error ‖out − ref‖ / ‖ref‖ within {@value #TOLERANCE} passes (bf16 outputs).
 */
public final class BlockVerifier {
    /** The bound on the relative error of bf16 outputs. */
    public static final double TOLERANCE = 1e-2;

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
        checks.add(check("moe_out unfused" + cpu, head(unfused.hidden(), tokens * h), ref.out()));
        checks.add(check("moe_out fused" + cpu, head(fused.hidden(), tokens * h), ref.out()));
        checks.add(check("residual fused" + cpu, head(fused.residual(), tokens * h), ref.residual()));
        int e = spec.config().experts();
        float[] logits = new float[tokens * e];
        System.arraycopy(unfused.logits(), 0, logits, 0, logits.length);
        checks.add(check("router_logits unfused" + cpu, logits, ref.logits()));
        checks.add(check("moe_out fused vs unfused", Bf16.toFloats(fused.hidden()), Bf16.toFloats(unfused.hidden())));
        return checks;
    }

    private static StepSpec withSwitches(StepSpec s, Set<Fusion> switches) {
        return new StepSpec(s.config(), switches, s.batch(), 1, s.routing(), s.seed(), s.context());
    }

    /** The first {@code n} of {@code bits} (bf16) as floats: the tokens the CPU reference computed. */
    static float[] head(short[] bits, int n) {
        return Bf16.toFloats(Arrays.copyOf(bits, n));
    }

    /** {@code out} against {@code ref}: max |out − ref| and ‖out − ref‖ / ‖ref‖. */
    static NumericCheck check(String name, float[] out, float[] ref) {
        double diff = 0;
        double norm = 0;
        double maxAbs = 0;
        for (int i = 0; i < ref.length; i++) {
            double d = (double) out[i] - ref[i];
            diff += d * d;
            norm += (double) ref[i] * ref[i];
            maxAbs = Math.max(maxAbs, Math.abs(d));
        }
        double rel = norm == 0 ? (diff == 0 ? 0 : Double.POSITIVE_INFINITY) : Math.sqrt(diff / norm);
        if (Double.isNaN(diff)) {
            rel = Double.NaN;
            maxAbs = Double.NaN;
        }
        return new NumericCheck(name, 0, 0, maxAbs, rel, TOLERANCE);
    }
}
