package org.fusescope.app.experts;

import java.util.List;

/**
 * One layer's load at one step over the routed experts only: the shared expert that fused runs
 * append as expert E gets one slot per token, so counting it would make it the maximum and raise
 * the imbalance of every fused run. Immutable.
 *
 * @param total Σ slots of the routed experts
 * @param max the largest routed count
 * @param mean total / routed experts
 * @param touched routed experts with a count above 0
 * @param routed the routed experts E
 * @param sharedSlots the shared expert's slots, or -1 when the counts have no shared expert
 */
public record RoutedLoad(long total, int max, double mean, int touched, int routed, int sharedSlots) {
    /** The load of counts {@code tokensPerExpert} whose first {@code routed} entries are routed experts. */
    public static RoutedLoad of(List<Integer> tokensPerExpert, int routed) {
        long total = 0;
        int max = 0;
        int touched = 0;
        for (int e = 0; e < routed; e++) {
            int c = tokensPerExpert.get(e);
            total += c;
            max = Math.max(max, c);
            touched += c > 0 ? 1 : 0;
        }
        int shared = routed < tokensPerExpert.size() ? tokensPerExpert.get(routed) : -1;
        return new RoutedLoad(total, max, routed == 0 ? 0 : (double) total / routed, touched, routed, shared);
    }

    /** max / mean; NaN when no token was routed. */
    public double imbalance() {
        return mean > 0 ? max / mean : Double.NaN;
    }

    /** True when the counts include the shared expert. */
    public boolean hasShared() {
        return sharedSlots >= 0;
    }
}
