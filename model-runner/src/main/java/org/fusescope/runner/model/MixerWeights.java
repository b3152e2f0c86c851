package org.fusescope.runner.model;

import org.fusescope.profiler.ops.LayerType;

/**
 * The token-mixing part of one decoder layer, the part before its MoE block: a gated-delta-net
 * ({@link LinearAttentionWeights}) or a gated full-attention layer ({@link AttentionWeights}). Arrays
 * are bf16 bits, row-major, in the kernels' layout; they are held, not copied: treat them as read-only.
 */
public sealed interface MixerWeights permits LinearAttentionWeights, AttentionWeights {
    /** The model the sizes come from. */
    ModelConfig config();

    /** The layer (0-based). */
    int layer();

    /**
     * {@code [H]} the zero-centred RMSNorm weight in front of the mixer ({@code input_layernorm.weight};
     * the norm multiplies by {@code 1 + w}).
     */
    short[] inputNorm();

    /** The layer's type. */
    LayerType type();
}
