package org.fusescope.runner.model;

import java.util.SplittableRandom;

/** Per-layer random generators derived from one user seed. */
final class Seeds {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Seeds() {}

    /**
     * A generator for {@code layer} that depends only on {@code (seed, layer, stream)}; different layers
     * and streams get unrelated sequences (the mixed value is the seed, not a shift of one stream).
     */
    static SplittableRandom forLayer(long seed, int layer, int stream) {
        long mixed = new SplittableRandom(seed ^ (GOLDEN * (layer + 1L))).nextLong();
        return new SplittableRandom(new SplittableRandom(mixed ^ (GOLDEN * (stream + 1L))).nextLong());
    }
}
