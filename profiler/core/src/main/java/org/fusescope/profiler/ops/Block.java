package org.fusescope.profiler.ops;

/** Where in a decoder layer an op runs. */
public enum Block {
    /** The residual add and RMSNorm that start every sub-block (mixer and MoE alike). */
    SUB_BLOCK_NORM,
    /** The MoE block: router, top-k, align, grouped expert GEMMs, shared expert. */
    MOE,
    /** The gated-delta-net (linear attention) mixer. */
    LINEAR_ATTENTION,
    /** The gated full-attention mixer. */
    ATTENTION
}
