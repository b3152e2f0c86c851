package org.fusescope.kernels.ops;

import org.fusescope.kernels.cuda.Dim;

/** The launch shapes the kernels' header comments document. Stateless. */
final class Grids {
    /** Threads per block of the elementwise, align and append kernels. */
    static final Dim BLOCK_256 = Dim.of(256);

    private Grids() {}

    /** {@code max(1, ceil(n / (8 * 256)))}: grid-stride, 8 bf16 (16 bytes) per thread. */
    static Dim vec8(long n) {
        return Dim.of((int) Math.max(1, (n + 8 * 256 - 1) / (8 * 256)));
    }

    /** {@code max(1, ceil(n / 256))}: one thread per item. */
    static Dim perItem(long n) {
        return Dim.of((int) Math.max(1, (n + 255) / 256));
    }
}
