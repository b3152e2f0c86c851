package org.fusescope.runner.model;

/**
 * The gated-delta-net (linear attention) layers' sizes.
 *
 * @param keyHeads key heads Hk ({@code linear_num_key_heads})
 * @param valueHeads value heads Hv ({@code linear_num_value_heads}), a multiple of {@code keyHeads}
 * @param keyHeadDim Dk ({@code linear_key_head_dim})
 * @param valueHeadDim Dv ({@code linear_value_head_dim})
 * @param convKernel the causal convolution's width W ({@code linear_conv_kernel_dim})
 */
public record LinearAttentionConfig(int keyHeads, int valueHeads, int keyHeadDim, int valueHeadDim, int convKernel) {
    public LinearAttentionConfig {
        Check.positive("linear_num_key_heads", keyHeads);
        Check.positive("linear_num_value_heads", valueHeads);
        Check.positive("linear_key_head_dim", keyHeadDim);
        Check.positive("linear_value_head_dim", valueHeadDim);
        Check.that(
                keyHeadDim % 8 == 0,
                "linear_key_head_dim must be a multiple of 8 (the kernels' vector width), not " + keyHeadDim);
        Check.that(
                valueHeadDim % 8 == 0,
                "linear_value_head_dim must be a multiple of 8 (the kernels' vector width), not " + valueHeadDim);
        Check.that(
                convKernel >= 2,
                "linear_conv_kernel_dim must be at least 2 (the state keeps W - 1 columns), not " + convKernel);
        Check.that(
                valueHeads % keyHeads == 0,
                "linear_num_value_heads (" + valueHeads + ") must be a multiple of linear_num_key_heads (" + keyHeads
                        + ")");
    }

    /** The convolved channels: {@code 2·Hk·Dk + Hv·Dv}. */
    public int convDim() {
        return 2 * keyHeads * keyHeadDim + valueHeads * valueHeadDim;
    }

    /** Value heads per key head, {@code Hv / Hk}. */
    public int valueHeadsPerKeyHead() {
        return valueHeads / keyHeads;
    }

    /** Output features of the input projection, q, k, v, z, b, a: {@code 2·Hk·Dk + 2·Hv·Dv + 2·Hv}. */
    public int projectionDim() {
        return convDim() + valueHeads * valueHeadDim + 2 * valueHeads;
    }
}
