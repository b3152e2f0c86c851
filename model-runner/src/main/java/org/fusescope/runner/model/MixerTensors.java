package org.fusescope.runner.model;

import org.fusescope.kernels.shape.AttentionDims;
import org.fusescope.kernels.shape.LinearAttentionDims;
import org.fusescope.profiler.ops.LayerType;

/**
 * Reads one decoder layer's mixer from a {@link Checkpoint} by HuggingFace's tensor names ({@code
 * model.layers.N.input_layernorm.weight}, {@code ...linear_attn.*} or {@code ...self_attn.*}) and
 * regroups the projections into the kernels' layout ({@link ProjectionLayouts}). Only that layer's
 * tensors are read. Stateless.
 */
final class MixerTensors {
    private MixerTensors() {}

    /** The mixer of layer {@code layer}, of the type the config gives it. */
    static MixerWeights read(Checkpoint checkpoint, ModelConfig config, int layer) {
        return switch (config.layerType(layer)) {
            case LINEAR_ATTENTION -> linearAttention(checkpoint, config, layer);
            case FULL_ATTENTION -> attention(checkpoint, config, layer);
        };
    }

    static LinearAttentionWeights linearAttention(Checkpoint checkpoint, ModelConfig config, int layer) {
        config.checkLayer(layer, LayerType.LINEAR_ATTENTION);
        LinearAttentionDims c = config.linear();
        int h = config.hidden();
        int hv = c.valueHeads();
        int valueRows = hv * c.valueDim();
        Reader r = new Reader(checkpoint, "model.layers." + layer + ".linear_attn.");
        short[] qkvz = r.read("in_proj_qkvz.weight", 2L * c.keyHeads() * c.keyDim() + 2L * valueRows, h);
        short[] ba = r.read("in_proj_ba.weight", 2L * hv, h);
        return new LinearAttentionWeights(
                config,
                layer,
                inputNorm(checkpoint, layer, h),
                ProjectionLayouts.gdnInProj(qkvz, ba, c),
                r.read("conv1d.weight", c.convDim(), 1, c.convKernel()),
                r.read("dt_bias", hv),
                r.read("A_log", hv),
                r.read("norm.weight", c.valueDim()),
                r.read("out_proj.weight", h, valueRows));
    }

    static AttentionWeights attention(Checkpoint checkpoint, ModelConfig config, int layer) {
        config.checkLayer(layer, LayerType.FULL_ATTENTION);
        AttentionDims c = config.attention();
        int h = config.hidden();
        long qDim = (long) c.queryHeads() * c.headDim();
        long kvDim = (long) c.kvHeads() * c.headDim();
        Reader r = new Reader(checkpoint, "model.layers." + layer + ".self_attn.");
        return new AttentionWeights(
                config,
                layer,
                inputNorm(checkpoint, layer, h),
                ProjectionLayouts.queryGate(r.read("q_proj.weight", 2 * qDim, h), c),
                r.read("k_proj.weight", kvDim, h),
                r.read("v_proj.weight", kvDim, h),
                r.read("o_proj.weight", h, qDim),
                r.read("q_norm.weight", c.headDim()),
                r.read("k_norm.weight", c.headDim()));
    }

    private static short[] inputNorm(Checkpoint checkpoint, int layer, int hidden) {
        return new Reader(checkpoint, "model.layers." + layer + ".").read("input_layernorm.weight", hidden);
    }

    /** Reads tensors under one name prefix into new arrays of their shape. */
    private record Reader(Checkpoint checkpoint, String prefix) {
        short[] read(String name, long... shape) {
            short[] out = new short[Math.toIntExact(TensorInfo.elements(shape))];
            checkpoint.read(prefix + name, shape, out, 0);
            return out;
        }
    }
}
