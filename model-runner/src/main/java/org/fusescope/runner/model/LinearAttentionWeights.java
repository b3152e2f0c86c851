package org.fusescope.runner.model;

import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.LinearAttentionDims;
import org.fusescope.profiler.ops.LayerType;

/**
 * One gated-delta-net layer's weights as bf16 bits, row-major, in the kernels' layout (docs/kernels.md,
 * gated-delta-net layer). Sizes: Hk key heads of Dk, Hv value heads of Dv, conv width W. Safe to share
 * between threads when the arrays are treated as read-only.
 *
 * @param inputNorm {@code [H]} ({@code input_layernorm.weight}, zero-centred: {@code 1 + w})
 * @param inProj {@code [projectionDim, H]}, rows {@code [q (Hk·Dk) | k (Hk·Dk) | v (Hv·Dv) | z (Hv·Dv) | b
 *     (Hv) | a (Hv)]}, heads in order within each section (HuggingFace's {@code in_proj_qkvz} and
 *     {@code in_proj_ba} regrouped, see {@link ProjectionLayouts})
 * @param conv {@code [convDim, W]} the depthwise causal convolution over the q, k, v channels ({@code
 *     conv1d.weight}, stored {@code [convDim, 1, W]})
 * @param dtBias {@code [Hv]} ({@code dt_bias}): {@code g = -exp(A_log)·softplus(a + dt_bias)}
 * @param aLog {@code [Hv]} ({@code A_log})
 * @param norm {@code [Dv]} the gated RMSNorm weight ({@code norm.weight}; plain {@code w}, not {@code 1 + w})
 * @param outProj {@code [H, Hv·Dv]} ({@code out_proj.weight})
 */
public record LinearAttentionWeights(
        ModelConfig config,
        int layer,
        short[] inputNorm,
        short[] inProj,
        short[] conv,
        short[] dtBias,
        short[] aLog,
        short[] norm,
        short[] outProj)
        implements MixerWeights {

    /** Checks the layer's type and every array's length against {@code config}. */
    public LinearAttentionWeights {
        config.checkLayer(layer, LayerType.LINEAR_ATTENTION);
        LinearAttentionDims c = config.linear();
        long h = config.hidden();
        long hv = c.valueHeads();
        Args.length("inputNorm", inputNorm, h, Args.dims("H", h));
        Args.length("inProj", inProj, c.projectionDim() * h, Args.dims("projectionDim", c.projectionDim(), "H", h));
        Args.length(
                "conv",
                conv,
                (long) c.convDim() * c.convKernel(),
                Args.dims("convDim", c.convDim(), "W", c.convKernel()));
        Args.length("dtBias", dtBias, hv, Args.dims("Hv", hv));
        Args.length("aLog", aLog, hv, Args.dims("Hv", hv));
        Args.length("norm", norm, c.valueDim(), Args.dims("Dv", c.valueDim()));
        Args.length("outProj", outProj, h * hv * c.valueDim(), Args.dims("H", h, "Hv*Dv", hv * c.valueDim()));
    }

    @Override
    public LayerType type() {
        return LayerType.LINEAR_ATTENTION;
    }

    /** A short description for logs, e.g. {@code LinearAttentionWeights[layer 0 of tiny]}. */
    @Override
    public String toString() {
        return "LinearAttentionWeights[layer " + layer + " of " + config.name() + "]";
    }
}
