package org.fusescope.profiler.model;

import java.util.Arrays;

/**
 * Tokens routed to each expert in one layer at one decode step (slots, i.e. token × choice, so the
 * counts add up to M·K, or M·(K+1) with the shared expert as expert E). Immutable.
 */
public final class ExpertCounts {
    private final int layer;
    private final int step;
    private final int[] tokensPerExpert;

    public ExpertCounts(int layer, int step, int[] tokensPerExpert) {
        this.layer = layer;
        this.step = step;
        this.tokensPerExpert = tokensPerExpert.clone();
        for (int i = 0; i < this.tokensPerExpert.length; i++) {
            if (this.tokensPerExpert[i] < 0) {
                throw new IllegalArgumentException(
                        "negative token count for expert " + i + " in layer " + layer + " step " + step);
            }
        }
    }

    public int layer() {
        return layer;
    }

    public int step() {
        return step;
    }

    public int experts() {
        return tokensPerExpert.length;
    }

    /** Tokens of expert {@code e}. */
    public int tokens(int e) {
        return tokensPerExpert[e];
    }

    /** A copy of all counts, indexed by expert. */
    public int[] tokensPerExpert() {
        return tokensPerExpert.clone();
    }

    /** Σ count over all experts. */
    public long total() {
        long sum = 0;
        for (int c : tokensPerExpert) {
            sum += c;
        }
        return sum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExpertCounts other
                && layer == other.layer
                && step == other.step
                && Arrays.equals(tokensPerExpert, other.tokensPerExpert);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * layer + step) + Arrays.hashCode(tokensPerExpert);
    }

    @Override
    public String toString() {
        return "ExpertCounts[layer=" + layer + ", step=" + step + ", total=" + total() + "]";
    }
}
