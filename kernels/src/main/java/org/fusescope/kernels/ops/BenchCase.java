package org.fusescope.kernels.ops;

import org.fusescope.kernels.cuda.CudaStream;

/**
 * One kernel at one size, ready to be timed: it owns {@link #copies()} sets of input and output
 * buffers so that rotating through them touches more memory than the L2 cache holds, and launches
 * on set {@code copy}. Not thread-safe; close it to free its buffers.
 */
public interface BenchCase extends AutoCloseable {
    /** The kernel's op name, e.g. {@code rmsnorm}. */
    String op();

    /** Tokens M (rows) of this case. */
    int tokens();

    /** The work of one launch. */
    Work work();

    /** Buffer sets to rotate through (≥ 1). */
    int copies();

    /** Enqueues one launch on {@code stream} using buffer set {@code copy} (0 ≤ copy < copies()). */
    void launch(CudaStream stream, int copy);

    @Override
    void close();
}
