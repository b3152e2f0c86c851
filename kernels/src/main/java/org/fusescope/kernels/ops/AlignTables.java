package org.fusescope.kernels.ops;

import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;

/** Argument checks and work shared by the three moe_align variants (same arguments, same math). */
final class AlignTables {
    /** Most slots one 1024-thread block covers ({@code moe_align_fused.cu}: "num_slots <= 8192"). */
    static final int SINGLE_BLOCK_MAX_SLOTS = 8192;

    private AlignTables() {}

    /**
     * Checks the routing and the tables against {@code dims} (K' = {@code dims.slotsPerToken()},
     * {@code dims.tableExperts()} experts) and returns the slot count {@code tokens * K'}.
     */
    static int check(
            ModelDims dims,
            int tokens,
            DeviceBuffer ids,
            DeviceBuffer weights,
            DeviceBuffer count,
            DeviceBuffer expertToTokens,
            DeviceBuffer expertToWeights) {
        Args.positive("tokens", tokens);
        int kp = dims.slotsPerToken();
        int slots = Args.product("tokens * K'", tokens, kp);
        int experts = dims.tableExperts();
        Args.buffer("ids", ids, DType.I32, tokens, kp);
        Args.buffer("weights", weights, DType.F32, tokens, kp);
        Args.buffer("count", count, DType.I32, experts);
        Args.buffer("expertToTokens", expertToTokens, DType.I32, experts, slots);
        Args.buffer("expertToWeights", expertToWeights, DType.F32, experts, slots);
        return slots;
    }

    /**
     * Reads ids and weights, writes the counts and one table entry (slot + weight, 8 bytes) per
     * slot. No FLOPs.
     */
    static Work work(ModelDims dims, int tokens) {
        long slots = (long) tokens * dims.slotsPerToken();
        long counts = 4L * dims.tableExperts();
        return new Work(8 * slots, counts + 8 * slots, 0);
    }
}
