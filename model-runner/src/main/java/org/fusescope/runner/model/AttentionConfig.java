package org.fusescope.runner.model;

/**
 * The full (gated) attention layers' sizes.
 *
 * @param heads query heads ({@code num_attention_heads})
 * @param kvHeads key/value heads ({@code num_key_value_heads}); {@code heads} is a multiple of it
 * @param headDim dimensions per head ({@code head_dim})
 * @param partialRotaryFactor the fraction of each head's dimensions that rotary embedding rotates
 *     ({@code partial_rotary_factor}, in (0, 1]; 0.25 → the first 64 of 256)
 * @param ropeTheta the rotary base ({@code rope_theta})
 */
public record AttentionConfig(int heads, int kvHeads, int headDim, double partialRotaryFactor, double ropeTheta) {
    public AttentionConfig {
        Check.positive("num_attention_heads", heads);
        Check.positive("num_key_value_heads", kvHeads);
        Check.positive("head_dim", headDim);
        Check.that(headDim % 8 == 0, "head_dim must be a multiple of 8 (the kernels' vector width), not " + headDim);
        Check.that(
                heads % kvHeads == 0,
                "num_attention_heads (" + heads + ") must be a multiple of num_key_value_heads (" + kvHeads + ")");
        Check.that(
                partialRotaryFactor > 0 && partialRotaryFactor <= 1,
                "partial_rotary_factor must be in (0, 1], not " + partialRotaryFactor);
        double rotary = headDim * partialRotaryFactor;
        Check.that(
                rotary == Math.rint(rotary) && ((long) rotary) % 2 == 0,
                "head_dim * partial_rotary_factor (" + rotary + ") must be an even whole number");
        Check.that(
                ropeTheta > 1 && Double.isFinite(ropeTheta), "rope_theta must be finite and above 1, not " + ropeTheta);
    }

    /** The rotated dimensions at the start of each head ({@code headDim * partialRotaryFactor}). */
    public int rotaryDim() {
        return (int) Math.round(headDim * partialRotaryFactor);
    }
}
