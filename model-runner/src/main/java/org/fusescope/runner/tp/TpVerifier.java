package org.fusescope.runner.tp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.fusescope.kernels.reference.RowErrors;
import org.fusescope.profiler.model.NumericCheck;
import org.fusescope.profiler.model.Problem;
import org.fusescope.profiler.model.Severity;
import org.fusescope.profiler.ops.LayerType;
import org.fusescope.runner.model.MixerWeights;
import org.fusescope.runner.model.MoeWeights;

/**
 * Compares a tensor-parallel layer step with the same layer on one rank (the unsharded weights, no
 * collective does anything), both in fp32 on the CPU: the residual after the mixer's output was
 * reduced and added, and the MoE block's output, each held to {@link RowErrors#FP32} whole and per
 * token. Each comparison is one {@link NumericCheck}; each that fails is also a {@link Problem} with
 * code {@value #CODE} naming the layer, the stage and the size of the mismatch. Stateless.
 */
public final class TpVerifier {
    /** The problem code of a tensor-parallel step that differs from the one-rank step. */
    public static final String CODE = "tp-mismatch";

    /** The bound: both steps are fp32 and differ only in the order of their sums. */
    public static final double TOLERANCE = RowErrors.FP32;

    /** The checks and the problems of one verification. */
    public record Result(List<NumericCheck> checks, List<Problem> problems) {
        public boolean passed() {
            return problems.isEmpty();
        }
    }

    private TpVerifier() {}

    /** Runs the layer on {@code plan}'s ranks with {@code reduction} and on one rank, and compares them. */
    public static Result verify(
            TpPlan plan, MixerWeights mixer, MoeWeights moe, TpLayerStep.Input in, TpReduction reduction) {
        TpLayerStep.Output tp = new TpLayerStep(plan, mixer, moe).run(in, reduction);
        TpLayerStep.Output one =
                new TpLayerStep(new TpPlan(plan.config(), 1), mixer, moe).run(in, TpReduction.ALL_REDUCE);
        String block = mixer.type() == LayerType.FULL_ATTENTION ? "self_attn" : "linear_attn";
        String run = "TP " + plan.ranks() + " " + reduction.label();
        int h = plan.config().hidden();
        List<NumericCheck> checks = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        compare(
                moe.layer(),
                block,
                run,
                "residual after the " + block + " output's reduction",
                tp.residual(),
                one.residual(),
                h,
                checks,
                problems);
        compare(moe.layer(), block, run, "moe_out", tp.out(), one.out(), h, checks, problems);
        return new Result(List.copyOf(checks), List.copyOf(problems));
    }

    private static void compare(
            int layer,
            String block,
            String run,
            String stage,
            float[] out,
            float[] ref,
            int h,
            List<NumericCheck> checks,
            List<Problem> problems) {
        RowErrors e = RowErrors.of(out, ref, h);
        checks.add(new NumericCheck(stage + " " + run + " vs 1 rank", layer, -1, e.maxAbs(), e.worst(), TOLERANCE));
        if (!e.within(TOLERANCE)) {
            String message = String.format(
                    Locale.ROOT,
                    "layer %d (%s), %s: %s differs from the one-rank step: relative error %.3g whole, %.3g in the"
                            + " worst row (%d); %d of %d rows beyond %.0e",
                    layer,
                    block,
                    run,
                    stage,
                    e.whole(),
                    e.worstRow(),
                    e.worstRowIndex(),
                    rowsBeyond(out, ref, h),
                    e.rows(),
                    TOLERANCE);
            problems.add(new Problem(Severity.ERROR, CODE, message, layer, -1, -1));
        }
    }

    /** Rows whose relative error is beyond {@link #TOLERANCE}. */
    static int rowsBeyond(float[] out, float[] ref, int h) {
        int bad = 0;
        for (int from = 0; from < ref.length; from += h) {
            RowErrors row =
                    RowErrors.of(Arrays.copyOfRange(out, from, from + h), Arrays.copyOfRange(ref, from, from + h), h);
            if (!row.within(TOLERANCE)) {
                bad++;
            }
        }
        return bad;
    }
}
