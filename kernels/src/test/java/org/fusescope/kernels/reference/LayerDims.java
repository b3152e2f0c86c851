package org.fusescope.kernels.reference;

import org.fusescope.kernels.shape.AttentionDims;
import org.fusescope.kernels.shape.LinearAttentionDims;

/**
 * Layer sizes for the reference tests: only the heads matter to the references, so H is 8, there are
 * no rotary dims and theta is 10⁴.
 */
final class LayerDims {
    private LayerDims() {}

    static AttentionDims heads(int queryHeads, int kvHeads, int headDim) {
        return new AttentionDims(8, queryHeads, kvHeads, headDim, 0, 1e4);
    }

    static LinearAttentionDims gdn(int keyHeads, int valueHeads, int keyDim, int valueDim, int convKernel) {
        return new LinearAttentionDims(8, keyHeads, valueHeads, keyDim, valueDim, convKernel);
    }
}
