package org.fusescope.kernels.reference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fusescope.kernels.shape.Args;

/**
 * Reference of {@code moe_align.cu}, {@code moe_align_fused.cu} (and what {@code
 * moe_align_fused_nobarrier.cu} should have produced): per expert, the slots routed to it.
 *
 * <p>Slot {@code s = t*K' + k} goes to expert {@code ids[s]}. The kernels fill each expert's list in
 * atomic order, which is not defined; this reference lists slots in increasing order, so compare
 * lists as sets ({@link Result#problems} does).
 */
public final class MoeAlignReference {
    private MoeAlignReference() {}

    /** The expert tables: per expert its slot count, its slots and their routing weights. */
    public static final class Result {
        private final int[] counts;
        private final int[][] slots;
        private final float[][] weights;

        /**
         * Wraps the tables as given (no copies).
         *
         * @param counts {@code [experts]} slots per expert
         * @param slots per expert {@code e}, its {@code counts[e]} slots
         * @param weights per expert {@code e}, the routing weight of each slot in {@code slots[e]}
         */
        public Result(int[] counts, int[][] slots, float[][] weights) {
            this.counts = counts;
            this.slots = slots;
            this.weights = weights;
        }

        /** Slots per expert [experts] (the array itself, not a copy). */
        public int[] counts() {
            return counts;
        }

        /** Per expert, its slots (the array itself, not a copy). */
        public int[][] slots() {
            return slots;
        }

        /** Per expert, the routing weight of each of its slots (the array itself, not a copy). */
        public float[][] weights() {
            return weights;
        }

        /** Number of experts in the tables. */
        public int experts() {
            return counts.length;
        }

        /**
         * The invariant violations of these tables against the routing they came from (empty when
         * correct): {@code sum(count) == ids.length}, every slot exactly once, each slot in the list of
         * expert {@code ids[s]}, each weight equal to {@code routingWeights[s]}.
         */
        public List<String> problems(int[] ids, float[] routingWeights) {
            List<String> problems = new ArrayList<>();
            long total = Arrays.stream(counts).asLongStream().sum();
            if (total != ids.length) {
                problems.add("sum of expert counts is " + total + ", expected tokens*K' = " + ids.length);
            }
            int[] seen = new int[ids.length];
            for (int e = 0; e < counts.length; e++) {
                for (int i = 0; i < counts[e]; i++) {
                    int s = slots[e][i];
                    if (s < 0 || s >= ids.length) {
                        problems.add("expert " + e + " lists slot " + s + ", outside [0, " + ids.length + ")");
                        continue;
                    }
                    seen[s]++;
                    if (ids[s] != e) {
                        problems.add("slot " + s + " is routed to expert " + ids[s] + " but listed under " + e);
                    }
                    if (Float.compare(weights[e][i], routingWeights[s]) != 0) {
                        problems.add("slot " + s + " has weight " + weights[e][i] + ", expected " + routingWeights[s]);
                    }
                }
            }
            for (int s = 0; s < seen.length; s++) {
                if (seen[s] != 1) {
                    problems.add("slot " + s + " appears " + seen[s] + " times in the expert tables, expected once");
                }
            }
            return problems;
        }
    }

    /**
     * Builds the tables from the routing.
     *
     * @param ids {@code [numSlots]} expert of every slot, each in {@code [0, experts)}
     * @param weights {@code [numSlots]} routing weight of every slot
     * @param experts number of experts in the tables (E, or E + 1 with the shared expert)
     */
    public static Result apply(int[] ids, float[] weights, int experts) {
        Args.positive("experts", experts);
        Args.length("weights", weights, ids.length, Args.dims("numSlots", ids.length));
        int[] counts = new int[experts];
        for (int s = 0; s < ids.length; s++) {
            if (ids[s] < 0 || ids[s] >= experts) {
                throw new IllegalArgumentException(
                        "ids[" + s + "]: expected an expert id in [0, " + experts + ") but was " + ids[s]);
            }
            counts[ids[s]]++;
        }
        int[][] slots = new int[experts][];
        float[][] slotWeights = new float[experts][];
        for (int e = 0; e < experts; e++) {
            slots[e] = new int[counts[e]];
            slotWeights[e] = new float[counts[e]];
        }
        int[] fill = new int[experts];
        for (int s = 0; s < ids.length; s++) {
            int e = ids[s];
            slots[e][fill[e]] = s;
            slotWeights[e][fill[e]++] = weights[s];
        }
        return new Result(counts, slots, slotWeights);
    }

    /**
     * Wraps the kernel's flat outputs (as copied back from the GPU) as a {@link Result}.
     *
     * @param count {@code [experts]}
     * @param expertToTokens {@code [experts, numSlots]}, row e valid up to {@code count[e]}
     * @param expertToWeights {@code [experts, numSlots]}
     */
    public static Result fromTables(int[] count, int[] expertToTokens, float[] expertToWeights, int numSlots) {
        Args.positive("numSlots", numSlots);
        int experts = count.length;
        String shape = Args.dims("experts", experts, "numSlots", numSlots);
        Args.length("expertToTokens", expertToTokens, (long) experts * numSlots, shape);
        Args.length("expertToWeights", expertToWeights, (long) experts * numSlots, shape);
        int[][] slots = new int[experts][];
        float[][] weights = new float[experts][];
        for (int e = 0; e < experts; e++) {
            if (count[e] < 0 || count[e] > numSlots) {
                throw new IllegalArgumentException(
                        "count[" + e + "]: expected a value in [0, " + numSlots + "] but was " + count[e]);
            }
            slots[e] = Arrays.copyOfRange(expertToTokens, e * numSlots, e * numSlots + count[e]);
            weights[e] = Arrays.copyOfRange(expertToWeights, e * numSlots, e * numSlots + count[e]);
        }
        return new Result(count.clone(), slots, weights);
    }
}
