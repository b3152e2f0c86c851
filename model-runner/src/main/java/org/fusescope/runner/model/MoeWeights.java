package org.fusescope.runner.model;

import org.fusescope.kernels.shape.Args;

/**
 * One layer's MoE block weights as bf16 bits, row-major, in the kernels' layout. The arrays are held,
 * not copied: treat them as read-only; then the record is safe to share between threads.
 *
 * @param config the model the sizes come from
 * @param layer the layer (0-based)
 * @param router {@code Wr [E, H]} ({@code mlp.gate.weight})
 * @param w13 {@code [E, 2I, H]}: per expert {@code [gate_proj; up_proj]} stacked
 * @param w2 {@code [E, H, I]}: per expert {@code down_proj}
 * @param sharedW13 {@code [2SI, H]}: the shared expert's {@code [gate_proj; up_proj]}
 * @param sharedW2 {@code [H, SI]}: the shared expert's {@code down_proj}
 * @param sharedGate {@code [1, H]} ({@code mlp.shared_expert_gate.weight})
 * @param norm {@code [H]} the zero-centred RMSNorm weight ({@code post_attention_layernorm.weight};
 *     the norm multiplies by {@code 1 + w})
 */
public record MoeWeights(
        ModelConfig config,
        int layer,
        short[] router,
        short[] w13,
        short[] w2,
        short[] sharedW13,
        short[] sharedW2,
        short[] sharedGate,
        short[] norm) {

    /** Checks every array's length against {@code config}. */
    public MoeWeights {
        long h = config.hidden();
        long e = config.experts();
        long i = config.inter();
        long si = config.sharedInter();
        config.checkLayer(layer, null);
        Args.length("router", router, e * h, Args.dims("E", e, "H", h));
        Args.length("w13", w13, e * 2 * i * h, Args.dims("E", e, "2I", 2 * i, "H", h));
        Args.length("w2", w2, e * h * i, Args.dims("E", e, "H", h, "I", i));
        Args.length("sharedW13", sharedW13, 2 * si * h, Args.dims("2SI", 2 * si, "H", h));
        Args.length("sharedW2", sharedW2, h * si, Args.dims("H", h, "SI", si));
        Args.length("sharedGate", sharedGate, h, Args.dims("H", h));
        Args.length("norm", norm, h, Args.dims("H", h));
    }

    /**
     * The grouped GEMM 1 table: {@link #w13} ({@code [E, 2I, H]}), or with {@code sharedAsExpert} a new
     * {@code [E + 1, 2I, H]} array with the shared expert appended as expert E (a copy of all of it; an
     * uploader can avoid it by copying {@code w13} and {@code sharedW13} to adjacent device memory).
     *
     * @throws IllegalArgumentException when {@code sharedAsExpert} is on and SI ≠ I
     */
    public short[] w13Table(boolean sharedAsExpert) {
        return sharedAsExpert ? appended(w13, sharedW13) : w13;
    }

    /** The grouped GEMM 2 table, {@code [E, H, I]} or {@code [E + 1, H, I]}; see {@link #w13Table}. */
    public short[] w2Table(boolean sharedAsExpert) {
        return sharedAsExpert ? appended(w2, sharedW2) : w2;
    }

    private short[] appended(short[] routed, short[] shared) {
        config.validateSharedAsExpert();
        short[] table = new short[Math.addExact(routed.length, shared.length)];
        System.arraycopy(routed, 0, table, 0, routed.length);
        System.arraycopy(shared, 0, table, routed.length, shared.length);
        return table;
    }

    /** A short description for logs, e.g. {@code layer 3 of tiny}. */
    @Override
    public String toString() {
        return "MoeWeights[layer " + layer + " of " + config.name() + "]";
    }
}
