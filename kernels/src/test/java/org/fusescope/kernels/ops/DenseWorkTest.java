package org.fusescope.kernels.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.fusescope.kernels.cuda.DType;
import org.junit.jupiter.api.Test;

class DenseWorkTest {
    @Test
    void routerGemmReadsActivationsAndWeightsOnceAndWritesFp32Logits() {
        Work w = DenseBenchCases.work(3, 512, 2048, DType.F32);
        assertThat(w.bytesRead()).isEqualTo(2L * (3 * 2048 + 512 * 2048));
        assertThat(w.bytesWritten()).isEqualTo(3L * 512 * 4);
        assertThat(w.flops()).isEqualTo(2L * 3 * 512 * 2048);
    }

    @Test
    void gateGemvWritesOneBf16PerToken() {
        Work w = DenseBenchCases.work(64, 1, 2048, DType.BF16);
        assertThat(w.bytesWritten()).isEqualTo(64L * 2);
        assertThat(w.bytesRead()).isEqualTo(2L * (64 * 2048 + 2048));
    }
}
