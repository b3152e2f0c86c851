package org.fusescope.runner.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.fusescope.kernels.cuda.Bf16;
import org.fusescope.profiler.model.NumericCheck;
import org.fusescope.profiler.ops.Fusion;
import org.fusescope.profiler.ops.LayerType;
import org.fusescope.runner.model.MixerWeights;
import org.fusescope.runner.model.WeightSource;
import org.fusescope.runner.record.MixerOutputs;
import org.fusescope.runner.record.StepDevice;
import org.fusescope.runner.step.DecoderStepPlan;
import org.fusescope.runner.step.StepSpec;

/**
 * Checks the mixer blocks of a whole-decoder-layer step: the first gated-delta-net layer and the first
 * attention layer among the step's layers each run once unfused and once fused from the step's initial
 * inputs and decode state ({@link StepDevice#runMixerOnce}), compared with each other and with {@link
 * MixerReference} on the first {@value BlockVerifier#MAX_TOKENS} requests. Each comparison is two checks,
 * the whole array and its worst request ({@link BlockVerifier#checks}); relative error ‖out − ref‖ / ‖ref‖
 * within {@value BlockVerifier#TOLERANCE} passes (bf16 outputs). The MoE blocks are {@link BlockVerifier}'s.
 */
public final class MixerVerifier {
    private MixerVerifier() {}

    /** The checks at {@code spec}'s batch (none for a MoE-blocks-only step); {@code spec}'s switches are ignored. */
    public static List<NumericCheck> verify(StepDevice device, WeightSource weights, StepSpec spec) {
        List<NumericCheck> checks = new ArrayList<>();
        if (!spec.mixers()) {
            return checks;
        }
        for (LayerType type : LayerType.values()) {
            firstLayer(spec, type).ifPresent(layer -> checks.addAll(layer(device, weights.mixer(layer), spec)));
        }
        return checks;
    }

    static Optional<Integer> firstLayer(StepSpec spec, LayerType type) {
        return IntStream.range(0, spec.layers())
                .filter(l -> spec.config().layerType(l) == type)
                .boxed()
                .findFirst();
    }

    private static List<NumericCheck> layer(StepDevice device, MixerWeights w, StepSpec spec) {
        int layer = w.layer();
        StepSpec upTo = spec.with(Fusion.parseVariant("unfused"), layer + 1);
        MixerOutputs unfused = device.runMixerOnce(upTo, layer);
        MixerOutputs fused = device.runMixerOnce(upTo.with(Fusion.parseVariant("fused"), layer + 1), layer);
        int tokens = Math.min(spec.batch(), BlockVerifier.MAX_TOKENS);
        int n = tokens * spec.config().hidden();
        MixerReference.Result ref = MixerReference.compute(spec, w, tokens);
        String name = "layer " + layer + " "
                + (w.type() == LayerType.LINEAR_ATTENTION
                        ? DecoderStepPlan.LINEAR_ATTENTION_BLOCK
                        : DecoderStepPlan.ATTENTION_BLOCK);
        String cpu = " vs cpu (" + tokens + " of " + spec.batch() + " tokens)";
        int h = spec.config().hidden();
        double bound = BlockVerifier.TOLERANCE;
        List<NumericCheck> checks = new ArrayList<>();
        checks.addAll(BlockVerifier.checks(
                name + " out unfused" + cpu, BlockVerifier.head(unfused.hidden(), n), ref.out(), h, bound));
        checks.addAll(BlockVerifier.checks(
                name + " out fused" + cpu, BlockVerifier.head(fused.hidden(), n), ref.out(), h, bound));
        checks.addAll(BlockVerifier.checks(
                name + " residual fused" + cpu, BlockVerifier.head(fused.residual(), n), ref.residual(), h, bound));
        checks.addAll(BlockVerifier.checks(
                name + " out fused vs unfused",
                Bf16.toFloats(fused.hidden()),
                Bf16.toFloats(unfused.hidden()),
                h,
                bound));
        return checks;
    }
}
