package org.fusescope.runner.step;

import org.fusescope.kernels.ops.AttentionSplit;

/**
 * How decode attention divides the context on a given device: {@link AttentionSplit#choose} for the
 * step's batch, KV heads and attended tokens (context + the new token) on {@code multiprocessors} SMs.
 * The plan (a {@code decode_attention_combine} launch or not) and the GPU binding both use it, so they
 * agree. Stateless.
 */
public final class DecodeSplit {
    private DecodeSplit() {}

    /** The split of {@code spec}'s attention layers on a device with {@code multiprocessors} SMs. */
    public static AttentionSplit of(StepSpec spec, int multiprocessors) {
        return AttentionSplit.choose(
                spec.batch(),
                spec.config().attention().kvHeads(),
                spec.context().attendedTokens(),
                multiprocessors);
    }

    /** {@code spec} with its context's splits set for a device with {@code multiprocessors} SMs. */
    public static StepSpec forDevice(StepSpec spec, int multiprocessors) {
        AttentionSplit split = of(spec, multiprocessors);
        return spec.with(new DecodeContext(spec.context().tokens(), split.chunks()));
    }
}
