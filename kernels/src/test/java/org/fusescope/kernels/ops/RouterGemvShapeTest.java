package org.fusescope.kernels.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.Dim;
import org.fusescope.kernels.shape.ModelDims;
import org.junit.jupiter.api.Test;

/** Without a GPU: router_gemv's launch shape and work. */
class RouterGemvShapeTest {
    @Test
    void oneWarpPerWeightRowFourRowsPerBlock() {
        assertThat(RouterGemvKernel.grid(TopkSoftmaxKernel.routerGateRows(ModelDims.QWEN3_NEXT)))
                .isEqualTo(Dim.of(130));
        assertThat(RouterGemvKernel.grid(512)).isEqualTo(Dim.of(128));
        assertThat(RouterGemvKernel.grid(1)).isEqualTo(Dim.of(1));
        assertThat(RouterGemvKernel.grid(13)).isEqualTo(Dim.of(4));
    }

    @Test
    void itsWorkIsTheGemmItReplaces() {
        int rows = TopkSoftmaxKernel.routerGateRows(ModelDims.QWEN3_NEXT);
        assertThat(RouterGemvKernel.work(4, rows, 2048)).isEqualTo(DenseBenchCases.work(4, rows, 2048, DType.F32));
        assertThat(RouterGemvKernel.work(1, rows, 2048).bytesRead()).isEqualTo(2L * (2048 + 520 * 2048));
    }
}
