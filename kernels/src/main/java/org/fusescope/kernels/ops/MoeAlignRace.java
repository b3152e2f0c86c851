package org.fusescope.kernels.ops;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.fusescope.kernels.cuda.CudaStream;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.shape.ModelDims;

/**
 * The race demonstration of docs/kernels.md: launches {@code moe_align_fused}, or its barrier-less
 * variant ({@link MoeAlignFusedNoBarrierKernel}), many times on fresh uniform random expert ids and
 * counts the launches whose tables break an align invariant. {@code MoeAlignStressTest} asserts the
 * fused kernel never does; {@code fusescope bench align-race} reports both counts (the barrier-less
 * race need not fire on a given GPU, so nothing asserts it). Stateless.
 */
public final class MoeAlignRace {
    private MoeAlignRace() {}

    /** Which align kernel {@link #brokenLaunches} launches. */
    public enum Kernel {
        /** {@link MoeAlignFusedKernel}. */
        FUSED,
        /** {@link MoeAlignFusedKernel#withSharedCounts} (switch align_shared_counts). */
        FUSED_SHARED_COUNTS,
        /** {@link MoeAlignFusedNoBarrierKernel}, the racy demonstration. */
        FUSED_WITHOUT_BARRIER
    }

    /**
     * {@link #brokenLaunches(KernelLibrary, CudaStream, ModelDims, int, int, long, Kernel)} of the fused
     * kernel or, {@code withoutBarrier}, its racy variant.
     */
    public static int brokenLaunches(
            KernelLibrary lib,
            CudaStream stream,
            ModelDims d,
            int tokens,
            int runs,
            long seed,
            boolean withoutBarrier) {
        return brokenLaunches(
                lib, stream, d, tokens, runs, seed, withoutBarrier ? Kernel.FUSED_WITHOUT_BARRIER : Kernel.FUSED);
    }

    /**
     * Launches {@code runs} times and returns how many launches broke an invariant ({@link #broken}).
     * Needs the library's context current on this thread.
     */
    public static int brokenLaunches(
            KernelLibrary lib, CudaStream stream, ModelDims d, int tokens, int runs, long seed, Kernel kernel) {
        SplittableRandom random = new SplittableRandom(seed);
        boolean withoutBarrier = kernel == Kernel.FUSED_WITHOUT_BARRIER;
        MoeAlignFusedKernel safe = kernel == Kernel.FUSED_SHARED_COUNTS
                ? MoeAlignFusedKernel.withSharedCounts(lib, d)
                : new MoeAlignFusedKernel(lib, d);
        MoeAlignFusedNoBarrierKernel racy =
                withoutBarrier ? MoeAlignFusedNoBarrierKernel.unsafeForDemonstration(lib, d) : null;
        int kp = d.slotsPerToken();
        int experts = d.tableExperts();
        int slots = tokens * kp;
        int[] ids = new int[slots];
        int[] counts = new int[experts];
        int[] tables = new int[experts * slots];
        int[] seen = new int[slots];
        int bad = 0;
        try (DeviceBuffer dIds = DeviceBuffer.allocate("ids", DType.I32, tokens, kp);
                DeviceBuffer dWeights = DeviceBuffer.allocate("weights", DType.F32, tokens, kp);
                DeviceBuffer count = DeviceBuffer.allocate("count", DType.I32, experts);
                DeviceBuffer expertToTokens = DeviceBuffer.allocate("expertToTokens", DType.I32, experts, slots);
                DeviceBuffer expertToWeights = DeviceBuffer.allocate("expertToWeights", DType.F32, experts, slots)) {
            dWeights.upload(new float[slots]);
            for (int run = 0; run < runs; run++) {
                for (int s = 0; s < slots; s++) {
                    ids[s] = random.nextInt(experts);
                }
                dIds.upload(ids); // synchronous: the launch sees the new ids
                if (withoutBarrier) {
                    racy.launch(stream, dIds, dWeights, count, expertToTokens, expertToWeights, tokens);
                } else {
                    safe.launch(stream, dIds, dWeights, count, expertToTokens, expertToWeights, tokens);
                }
                count.download(counts); // waits for the launch
                expertToTokens.download(tables);
                bad += broken(ids, counts, tables, seen) ? 1 : 0;
            }
        }
        return bad;
    }

    /**
     * Whether the tables break an invariant: a count outside {@code [0, slots]}, {@code Σ count ≠ slots},
     * or a slot not listed exactly once, under its own expert. {@code tables} is {@code [experts, slots]};
     * {@code seen} is scratch of {@code slots} ints.
     */
    static boolean broken(int[] ids, int[] counts, int[] tables, int[] seen) {
        int n = ids.length;
        long total = 0;
        Arrays.fill(seen, 0);
        for (int e = 0; e < counts.length; e++) {
            if (counts[e] < 0 || counts[e] > n) {
                return true;
            }
            total += counts[e];
            for (int i = 0; i < counts[e]; i++) {
                int s = tables[e * n + i];
                if (s < 0 || s >= n || ids[s] != e) {
                    return true;
                }
                seen[s]++;
            }
        }
        if (total != n) {
            return true;
        }
        for (int v : seen) {
            if (v != 1) {
                return true;
            }
        }
        return false;
    }
}
