package org.fusescope.runner.record;

/**
 * One mixer block's results copied back for verification (bf16 as bits). Arrays are held, not copied.
 *
 * @param layer the layer whose mixer ran
 * @param hidden the mixer's output {@code [M, H]} (its output projection)
 * @param residual the residual after the block's add {@code [M, H]}
 */
public record MixerOutputs(int layer, short[] hidden, short[] residual) {}
