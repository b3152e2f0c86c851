package org.fusescope.runner.step;

import java.util.Set;
import java.util.SplittableRandom;
import org.fusescope.kernels.ops.ModelDims;
import org.fusescope.kernels.ops.RandomFill;
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
 */
public record StepSpec(
        ModelConfig config,
        Set<Fusion> switches,
        int batch,
        int layers,
        RoutingScenario routing,
        long seed,
        DecodeContext context) {
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

    /** A step with the {@link DecodeContext#DEFAULT default context}. */
    public StepSpec(
            ModelConfig config, Set<Fusion> switches, int batch, int layers, RoutingScenario routing, long seed) {
        this(config, switches, batch, layers, routing, seed, DecodeContext.DEFAULT);
    }

    public boolean sharedAsExpert() {
        return switches.contains(Fusion.SHARED_AS_EXPERT);
    }

    /** The kernels' sizes, with K' = K + 1 when the shared expert runs as expert E. */
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
