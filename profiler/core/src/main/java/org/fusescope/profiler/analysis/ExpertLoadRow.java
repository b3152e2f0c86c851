package org.fusescope.profiler.analysis;

import java.util.List;

/**
 * Expert load of one layer at one decode step. Counts are slots (token × choice). Immutable.
 *
 * @param tokensPerExpert tokens routed to each expert, indexed by expert (the shared expert last when
 *     a fused run appends it as expert E)
 * @param routedExperts how many of them are routed experts ({@link RoutedExperts})
 * @param total Σ count (to check against M·K' of the run)
 * @param touched routed experts with a count above 0 (the shared expert appended as expert E is not
 *     routed, {@link RoutedExperts})
 * @param max the largest routed count
 * @param mean Σ routed counts / routed experts
 * @param imbalance max / mean; NaN when no token was routed
 * @param paddedRows Σ over touched experts of ceil(count / T) · T for the tile height T
 * @param paddingWasteRows paddedRows − total: rows the grouped GEMM computes for nothing
 */
public record ExpertLoadRow(
        int layer,
        int step,
        List<Integer> tokensPerExpert,
        int routedExperts,
        long total,
        int touched,
        int max,
        double mean,
        double imbalance,
        long paddedRows,
        long paddingWasteRows) {
    public ExpertLoadRow {
        tokensPerExpert = List.copyOf(tokensPerExpert);
    }

    /** The shared expert's slots when the counts include it, else null. */
    public Integer sharedSlots() {
        return routedExperts < tokensPerExpert.size() ? tokensPerExpert.get(routedExperts) : null;
    }

    /** paddingWasteRows / paddedRows; 0 when nothing is padded. */
    public double paddingWasteFraction() {
        return paddedRows == 0 ? 0.0 : (double) paddingWasteRows / paddedRows;
    }
}
