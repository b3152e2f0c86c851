package org.fusescope.runner.record;

/**
 * One layer's results copied back for verification and dumps (bf16 as bits). Arrays are held, not
 * copied.
 *
 * @param hidden the block's output {@code [M, H]}
 * @param residual the residual after the block's add {@code [M, H]}
 * @param y the normed input of the experts {@code [M, H]}
 * @param logits router logits {@code [M, E]} (fp32)
 * @param ids the routed expert ids {@code [M, K]}
 * @param weights their routing weights {@code [M, K]} (fp32)
 * @param gate the shared expert's gate logit {@code [M]} as the device computed it (bf16 values from
 *     the gate GEMV, or fp32 from the router_gate GEMM's last column)
 * @param sharedIds the shared slot's expert id {@code [M]} (E) when the shared expert runs as expert
 *     E, else null
 * @param sharedWeights the shared slot's routing weight {@code [M]} (fp32, sigmoid of the gate) when
 *     the shared expert runs as expert E, else null
 * @param counts tokens per expert of the align tables {@code [E]} or {@code [E+1]}
 */
public record BlockOutputs(
        short[] hidden,
        short[] residual,
        short[] y,
        float[] logits,
        int[] ids,
        float[] weights,
        float[] gate,
        int[] sharedIds,
        float[] sharedWeights,
        int[] counts) {}
