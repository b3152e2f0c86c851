package org.fusescope.profiler.analysis;

import java.util.List;

/**
 * Expert load of one layer at one decode step. Counts are slots (token × choice). Immutable.
 *
 * @param tokensPerExpert tokens routed to each expert, indexed by expert
 * @param total Σ count (to check against M·K' of the run)
 * @param touched experts with a count above 0
 * @param max the largest count
 * @param mean total / experts
 * @param imbalance max / mean; NaN when no token was routed
 * @param paddedRows Σ over touched experts of ceil(count / T) · T for the tile height T
 * @param paddingWasteRows paddedRows − total: rows the grouped GEMM computes for nothing
 */
public record ExpertLoadRow(
        int layer,
        int step,
        List<Integer> tokensPerExpert,
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

    /** paddingWasteRows / paddedRows; 0 when nothing is padded. */
    public double paddingWasteFraction() {
        return paddedRows == 0 ? 0.0 : (double) paddingWasteRows / paddedRows;
    }
}
