package org.fusescope.runner.step;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.fusescope.kernels.ops.RandomFill;
import org.fusescope.kernels.shape.ModelDims;
import org.fusescope.profiler.ops.Fusion;
import org.fusescope.profiler.ops.Op;
import org.fusescope.runner.model.ModelConfig;
import org.fusescope.runner.model.RoutingScenario;

/**
 * What one decode step computes: the model, the fusion switches, the batch, how many layers, who routes
 * and the attention layers' context. Immutable.
 *
 * @param batch M, tokens in the decode batch (one per request)
 * @param layers decoder layers per step (layers 0..L-1 of the model), each with its MoE block
 * @param seed seeds the synthetic weights, the step's input activations and scenario routing
 * @param context the tokens each request already holds in its KV cache, and how decode attention splits them
 * @param mixers true: each of the L layers is a whole decoder layer (its gated-delta-net or attention
 *     mixer, then its MoE block, {@link DecoderStepPlan}); false: each layer is its MoE block only (the
 *     step {@code fusescope run} recorded before the mixers existed, {@code --mixers none})
 */
public record StepSpec(
        ModelConfig config,
        Set<Fusion> switches,
        int batch,
        int layers,
        RoutingScenario routing,
        long seed,
        DecodeContext context,
        boolean mixers) {
    public StepSpec {
        switches = Set.copyOf(switches);
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1, not " + batch);
        }
        if (layers < 1 || layers > config.layers()) {
            throw new IllegalArgumentException(
                    "layers must be in 1.." + config.layers() + " for " + config.name() + ", not " + layers);
        }
        if (switches.contains(Fusion.SHARED_AS_EXPERT)) {
            config.validateSharedAsExpert();
        }
        if (context == null) {
            throw new IllegalArgumentException("the decode context is required");
        }
    }

    /** A MoE-blocks-only step with the {@link DecodeContext#DEFAULT default context}. */
    public StepSpec(
            ModelConfig config, Set<Fusion> switches, int batch, int layers, RoutingScenario routing, long seed) {
        this(config, switches, batch, layers, routing, seed, DecodeContext.DEFAULT, false);
    }

    /** A MoE-blocks-only step with {@code context}. */
    public StepSpec(
            ModelConfig config,
            Set<Fusion> switches,
            int batch,
            int layers,
            RoutingScenario routing,
            long seed,
            DecodeContext context) {
        this(config, switches, batch, layers, routing, seed, context, false);
    }

    /** The same step with other switches and {@code layers} layers. */
    public StepSpec with(Set<Fusion> otherSwitches, int otherLayers) {
        return new StepSpec(config, otherSwitches, batch, otherLayers, routing, seed, context, mixers);
    }

    /** The same step with another decode context. */
    public StepSpec with(DecodeContext otherContext) {
        return new StepSpec(config, switches, batch, layers, routing, seed, otherContext, mixers);
    }

    /**
     * The layers the step launches, in order: whole decoder layers ({@link DecoderStepPlan}) with
     * mixers, else layer l's MoE block alone (one {@value DecoderStepPlan#MOE_BLOCK} block per layer).
     */
    public List<LayerPlan> layerPlans() {
        if (mixers) {
            return DecoderStepPlan.of(this);
        }
        BlockPlan moe = new BlockPlan(DecoderStepPlan.MOE_BLOCK, moeLaunches());
        return IntStream.range(0, layers)
                .mapToObj(l -> new LayerPlan(l, config.layerType(l), List.of(moe)))
                .toList();
    }

    /**
     * The layer range's text: {@code layer 3 (attention)} with mixers (the type named), {@code layer 3}
     * for a MoE-blocks-only step (as recorded before the mixers existed).
     */
    public String layerRangeName(LayerPlan layer) {
        return mixers ? layer.rangeName() : "layer " + layer.layer();
    }

    public boolean sharedAsExpert() {
        return switches.contains(Fusion.SHARED_AS_EXPERT);
    }

    /** The kernels' sizes, with K' = K + 1 when the shared expert runs as expert E. */
    /** The launches of one MoE block of this step ({@link MoeBlockPlan}, at this batch and K'). */
    public List<Op> moeLaunches() {
        return MoeBlockPlan.launches(switches, batch, dims().slotsPerToken());
    }

    public ModelDims dims() {
        return config.dims(sharedAsExpert());
    }

    /** M·K': slots in the expert tables. */
    public int slots() {
        return batch * dims().slotsPerToken();
    }

    /** The step's input hidden states {@code [M, H]} (bf16 bits), the same for every variant. */
    public short[] initialHidden() {
        return RandomFill.bf16(new SplittableRandom(seed ^ 0x41D0L), (long) batch * config.hidden(), 1.0);
    }

    /** The residual stream entering layer 0 {@code [M, H]} (bf16 bits), the same for every variant. */
    public short[] initialResidual() {
        return RandomFill.bf16(new SplittableRandom(seed ^ 0x7E51DL), (long) batch * config.hidden(), 1.0);
    }
}
