package org.fusescope.profiler.synthetic;

/**
 * The sizes one MoE block works on, with the shared expert counted as expert E when it is
 * appended (then {@code kSlots = K + 1} and {@code gemmExperts = E + 1}).
 *
 * @param m tokens M
 * @param h hidden size H
 * @param e routed experts E
 * @param k routed experts per token K
 * @param i expert (and shared expert) intermediate size I
 * @param appended true when the shared expert is expert E of the grouped GEMMs
 */
record ModelShape(int m, int h, int e, int k, int i, boolean appended) {
    static final long BF16 = 2;
    static final long F32 = 4;
    static final long I32 = 4;

    static ModelShape of(SyntheticSpec spec) {
        return new ModelShape(
                spec.batch(),
                spec.hidden(),
                spec.experts(),
                spec.topK(),
                spec.intermediate(),
                spec.sharedExpertAppended());
    }

    /** Experts per token the grouped GEMMs see: K, or K + 1 with the shared expert appended. */
    int kSlots() {
        return appended ? k + 1 : k;
    }

    /** Experts the grouped GEMMs hold weights for: E, or E + 1. */
    int gemmExperts() {
        return appended ? e + 1 : e;
    }

    /** Token slots M·K' that go through the grouped GEMMs. */
    long slots() {
        return (long) m * kSlots();
    }

    /** Bytes of one expert's weights, W13 [2I, H] plus W2 [H, I] in bf16: 3·I·H·2. */
    long expertWeightBytes() {
        return 3L * i * h * BF16;
    }

    /** Elements of an [M, H] activation. */
    long mh() {
        return (long) m * h;
    }
}
