package org.fusescope.runner.model;

import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.AttentionDims;
import org.fusescope.profiler.ops.LayerType;

/**
 * One gated full-attention layer's weights as bf16 bits, row-major, in the kernels' layout (docs/kernels.md,
 * full attention layer). Sizes: Hq query heads, Hkv key/value heads, D per head. Safe to share between
 * threads when the arrays are treated as read-only.
 *
 * @param inputNorm {@code [H]} ({@code input_layernorm.weight}, zero-centred: {@code 1 + w})
 * @param qGateProj {@code [2·Hq·D, H]}, rows {@code [q (Hq·D) | gate (Hq·D)]}: HuggingFace's {@code
 *     q_proj.weight} interleaves them per head ({@code [q_h (D), gate_h (D)]} for each head), the loader
 *     separates them so that the output gate is one contiguous block of columns
 * @param kProj {@code [Hkv·D, H]} ({@code k_proj.weight})
 * @param vProj {@code [Hkv·D, H]} ({@code v_proj.weight})
 * @param oProj {@code [H, Hq·D]} ({@code o_proj.weight})
 * @param qNorm {@code [D]} ({@code q_norm.weight}, zero-centred)
 * @param kNorm {@code [D]} ({@code k_norm.weight}, zero-centred)
 */
public record AttentionWeights(
        ModelConfig config,
        int layer,
        short[] inputNorm,
        short[] qGateProj,
        short[] kProj,
        short[] vProj,
        short[] oProj,
        short[] qNorm,
        short[] kNorm)
        implements MixerWeights {

    /** Checks the layer's type and every array's length against {@code config}. */
    public AttentionWeights {
        config.checkLayer(layer, LayerType.FULL_ATTENTION);
        AttentionDims c = config.attention();
        long h = config.hidden();
        long qDim = (long) c.queryHeads() * c.headDim();
        long kvDim = (long) c.kvHeads() * c.headDim();
        Args.length("inputNorm", inputNorm, h, Args.dims("H", h));
        Args.length("qGateProj", qGateProj, 2 * qDim * h, Args.dims("2*Hq*D", 2 * qDim, "H", h));
        Args.length("kProj", kProj, kvDim * h, Args.dims("Hkv*D", kvDim, "H", h));
        Args.length("vProj", vProj, kvDim * h, Args.dims("Hkv*D", kvDim, "H", h));
        Args.length("oProj", oProj, h * qDim, Args.dims("H", h, "Hq*D", qDim));
        Args.length("qNorm", qNorm, c.headDim(), Args.dims("D", c.headDim()));
        Args.length("kNorm", kNorm, c.headDim(), Args.dims("D", c.headDim()));
    }

    @Override
    public LayerType type() {
        return LayerType.FULL_ATTENTION;
    }

    /**
     * The weight of the one projection GEMM under {@code qkvo_gemm}: a new {@code [2·Hq·D + 2·Hkv·D, H]}
     * array with rows {@code [q | gate | k | v]}.
     */
    public short[] qkvProj() {
        short[] all = new short[Math.addExact(qGateProj.length, Math.addExact(kProj.length, vProj.length))];
        System.arraycopy(qGateProj, 0, all, 0, qGateProj.length);
        System.arraycopy(kProj, 0, all, qGateProj.length, kProj.length);
        System.arraycopy(vProj, 0, all, qGateProj.length + kProj.length, vProj.length);
        return all;
    }

    /** A short description for logs, e.g. {@code AttentionWeights[layer 3 of tiny]}. */
    @Override
    public String toString() {
        return "AttentionWeights[layer " + layer + " of " + config.name() + "]";
    }
}
