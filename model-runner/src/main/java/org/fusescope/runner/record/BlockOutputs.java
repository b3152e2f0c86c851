package org.fusescope.runner.record;

/**
 * One layer's results copied back for verification (bf16 as bits). Arrays are held, not copied.
 *
 * @param hidden the block's output {@code [M, H]}
 * @param residual the residual after the block's add {@code [M, H]}
 * @param y the normed input of the experts {@code [M, H]}
 * @param logits router logits {@code [M, E]}
 * @param ids the routed expert ids {@code [M, K]}
 * @param weights their routing weights {@code [M, K]}
 */
public record BlockOutputs(short[] hidden, short[] residual, short[] y, float[] logits, int[] ids, float[] weights) {}
