package org.fusescope.runner.step;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.fusescope.profiler.ops.Fusion;
import org.fusescope.profiler.ops.LayerType;
import org.fusescope.profiler.ops.Op;
import org.fusescope.runner.model.ModelConfig;

/**
 * Which launches a decode step of L decoder layers makes: layers 0..L-1 in the model's pattern (gated-
 * delta-net or full attention, by the config's layer types), each mixer followed by the layer's MoE
 * block. Every block starts with the residual add of the previous block's output and its RMSNorm, so
 * under {@code add_rmsnorm} one kernel also joins the MoE output of layer i to the input norm of layer
 * i + 1. Stateless and thread-safe.
 */
public final class DecoderStepPlan {
    /** The MoE block range's text. */
    public static final String MOE_BLOCK = "moe";
    /** The gated-delta-net mixer block range's text (HuggingFace's module name). */
    public static final String LINEAR_ATTENTION_BLOCK = "linear_attn";
    /** The full attention mixer block range's text (HuggingFace's module name). */
    public static final String ATTENTION_BLOCK = "self_attn";

    private DecoderStepPlan() {}

    /** The layers of {@code spec}'s step. */
    public static List<LayerPlan> of(StepSpec spec) {
        return of(spec.config(), spec.switches(), spec.batch(), spec.layers(), spec.context());
    }

    /**
     * Layers 0..{@code layers}-1 of {@code config}.
     *
     * @throws IllegalArgumentException when {@code layers} is outside 1..config.layers()
     */
    public static List<LayerPlan> of(
            ModelConfig config, Set<Fusion> switches, int batch, int layers, DecodeContext context) {
        if (layers < 1 || layers > config.layers()) {
            throw new IllegalArgumentException(
                    "layers must be in 1.." + config.layers() + " for " + config.name() + ", not " + layers);
        }
        int slotsPerToken =
                config.dims(switches.contains(Fusion.SHARED_AS_EXPERT)).slotsPerToken();
        List<Op> moe = MoeBlockPlan.launches(switches, batch, slotsPerToken);
        BlockPlan linear = new BlockPlan(LINEAR_ATTENTION_BLOCK, LinearAttentionPlan.launches(switches));
        BlockPlan attention = new BlockPlan(ATTENTION_BLOCK, AttentionPlan.launches(switches, context));
        return IntStream.range(0, layers)
                .mapToObj(layer -> {
                    LayerType type = config.layerType(layer);
                    BlockPlan mixer = type == LayerType.FULL_ATTENTION ? attention : linear;
                    return new LayerPlan(layer, type, List.of(mixer, new BlockPlan(MOE_BLOCK, moe)));
                })
                .toList();
    }

    /** Launches of the whole step. */
    public static int launchCount(List<LayerPlan> layers) {
        return layers.stream().mapToInt(l -> l.launches().size()).sum();
    }
}
