package org.fusescope.kernels.ops;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.fusescope.kernels.shape.ModelDims;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The race of the seed review: the safe moe_align_fused must keep every invariant over {@value
 * #RUNS} launches on fresh random ids (K' = 11); the barrier-less variant runs as often and only
 * REPORTS how many launches lost counts (the race need not show on a given GPU).
 */
class MoeAlignStressTest extends GpuFixture {
    private static final int RUNS = 5000;
    private static final ModelDims D = ModelDims.QWEN3_NEXT.withSharedAsExpert(true);

    @ParameterizedTest
    @ValueSource(ints = {64, 257})
    void fusedAlignNeverLosesASlot(int m) {
        int bad = run(m, false);
        if (bad > 0) {
            throw new AssertionError("moe_align_fused broke the invariants in " + bad + " of " + RUNS + " runs");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 257})
    void noBarrierVariantIsReportedNotAsserted(int m) {
        int bad = run(m, true);
        System.out.printf(
                "moe_align_fused_nobarrier M=%d K'=%d: %d of %d runs lost counts or slots%n",
                m, D.slotsPerToken(), bad, RUNS);
    }

    /** Launches {@link #RUNS} times on fresh random ids; returns the runs that broke an invariant. */
    private static int run(int m, boolean noBarrier) {
        SplittableRandom random = new SplittableRandom(800 + m);
        MoeAlignFusedKernel safe = new MoeAlignFusedKernel(lib, D);
        MoeAlignFusedNoBarrierKernel racy = MoeAlignFusedNoBarrierKernel.unsafeForDemonstration(lib, D);
        int bad = 0;
        try (AlignBuffers b = new AlignBuffers(D, m, random)) {
            int[] ids = new int[b.slots];
            int[] counts = new int[D.tableExperts()];
            int[] tables = new int[D.tableExperts() * b.slots];
            int[] seen = new int[b.slots];
            for (int run = 0; run < RUNS; run++) {
                for (int s = 0; s < ids.length; s++) {
                    ids[s] = random.nextInt(D.tableExperts());
                }
                b.dIds.upload(ids);
                inputsReady();
                if (noBarrier) {
                    racy.launch(stream, b.dIds, b.dWeights, b.count, b.expertToTokens, b.expertToWeights, m);
                } else {
                    safe.launch(stream, b.dIds, b.dWeights, b.count, b.expertToTokens, b.expertToWeights, m);
                }
                b.count.download(counts);
                b.expertToTokens.download(tables);
                bad += broken(ids, counts, tables, seen) ? 1 : 0;
            }
        }
        return bad;
    }

    /** Whether Σ count ≠ slots, or some slot is not listed exactly once under its own expert. */
    private static boolean broken(int[] ids, int[] counts, int[] tables, int[] seen) {
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
