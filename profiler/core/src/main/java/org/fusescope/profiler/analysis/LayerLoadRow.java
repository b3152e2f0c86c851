package org.fusescope.profiler.analysis;

import java.util.List;

/**
 * Expert load of one layer over all its recorded steps. Immutable.
 *
 * @param steps steps recorded for the layer
 * @param meanTokensPerExpert mean count per expert over the steps, indexed by expert
 * @param routedExperts how many of them are routed experts ({@link RoutedExperts}); touched, max,
 *     mean and imbalance are over those
 * @param meanTotal mean Σ count per step (every expert, the shared one too)
 * @param touched routed experts with a count above 0 in at least one step
 * @param max the largest mean routed count
 * @param mean mean Σ routed count / routed experts
 * @param imbalance max / mean of the mean counts; NaN when no token was routed
 * @param meanPaddingWasteRows mean padding waste per step (rows)
 * @param paddingWasteFraction Σ waste / Σ padded rows over the steps; 0 when nothing is padded
 */
public record LayerLoadRow(
        int layer,
        int steps,
        List<Double> meanTokensPerExpert,
        int routedExperts,
        double meanTotal,
        int touched,
        double max,
        double mean,
        double imbalance,
        double meanPaddingWasteRows,
        double paddingWasteFraction) {
    public LayerLoadRow {
        meanTokensPerExpert = List.copyOf(meanTokensPerExpert);
    }
}
