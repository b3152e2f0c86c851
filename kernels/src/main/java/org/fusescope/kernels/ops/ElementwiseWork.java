package org.fusescope.kernels.ops;

/** Work of the bf16 elementwise kernels: inputs and outputs of 2 bytes per element. */
final class ElementwiseWork {
    private ElementwiseWork() {}

    /**
     * @param readElements bf16 elements read
     * @param writtenElements bf16 elements written
     * @param flops floating-point operations
     */
    static Work bf16(long readElements, long writtenElements, long flops) {
        return new Work(2 * readElements, 2 * writtenElements, flops);
    }
}
