package org.fusescope.kernels.ops;

import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.ModelDims;

/** Argument checks and work shared by the three moe_align variants (same arguments, same math). */
final class AlignTables {
    /**
     * Most slots the single-block path takes. One 1024-thread block could cover 8192 slots, but it
     * does all the atomics alone: on the H100 it took 2.86 µs at 640 slots (memset + multi-block
     * moe_align: 3.97 µs) and 7.90 µs at 2560 slots (memset + moe_align: 4.20 µs), so the crossover
     * lies near 1000 slots (benchmarks/h100/README.md).
     */
    static final int SINGLE_BLOCK_MAX_SLOTS = 1024;

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
