package org.fusescope.profiler.ncu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.fusescope.profiler.model.Dim3;
import org.junit.jupiter.api.Test;

/**
 * A real {@code ncu --csv --page raw} file: Nsight Compute 2025.3.1 on the H100 (2026-12-07, device call
 * {@code session-checks.sh OUT f}) profiling {@code fusescope run --batch 16 --variants unfused,fused
 * --mode eager --iters 1 --warmup 0 --trace none}; ncu profiled the unfused step's 16 kernels, then
 * failed on the next one ("Failed to profile residual_add_kernel", its {@code ==PROF==} and
 * {@code ==ERROR==} lines precede the header), so the file holds one unfused block.
 */
class NcuRealCsvTest {
    private static final Path CSV = Path.of("src", "test", "resources", "ncu", "h100-unfused-m16-raw.csv");

    @Test
    void theUnfusedBlocksKernelsAreReadInOrderWithTheirShapesAndMetrics() throws Exception {
        List<NcuKernel> kernels = NcuCsv.read(CSV);
        assertThat(kernels)
                .extracting(NcuKernel::name)
                .containsExactly(
                        "residual_add_kernel",
                        "rmsnorm_kernel",
                        "nvjet_sm90_tss_64x8_64x16_4x2_h_bz_TNT",
                        "topk_softmax_kernel",
                        "moe_align_kernel",
                        "grouped_gemm1_tcp_kernel",
                        "silu_and_mul_kernel",
                        "grouped_gemm2_tcp_kernel",
                        "moe_sum_reduce_kernel",
                        "nvjet_sm90_tst_64x8_64x16_4x2_h_bz_TNT",
                        "silu_and_mul_kernel",
                        "nvjet_sm90_tst_64x8_64x16_4x2_h_bz_TNT",
                        "nvjet_sm90_tst_64x8_64x16_1x1_h_bz_TNT",
                        "sigmoid_kernel",
                        "mul_kernel",
                        "add_kernel");
        NcuKernel gemm1 = kernels.get(5);
        assertThat(gemm1.grid()).isEqualTo(new Dim3(264, 1, 1));
        assertThat(gemm1.block()).isEqualTo(new Dim3(256, 1, 1));
        // "201,056" ns and "566,353,920" bytes in the file: thousands separators read as such
        assertThat(gemm1.value(NcuMetric.DURATION)).isEqualTo(201_056.0);
        assertThat(gemm1.value(NcuMetric.DRAM_READ)).isEqualTo(566_353_920.0);
        assertThat(kernels.get(7).value(NcuMetric.DRAM_READ)).isEqualTo(283_341_568.0);
        for (NcuKernel k : kernels) {
            for (NcuMetric m : NcuMetric.values()) {
                assertThat(k.value(m)).as(k.name() + " " + m).isNotNaN().isNotNegative();
            }
        }
        // DRAM throughput as % of peak: the grouped GEMMs stream, the small kernels do not
        assertThat(gemm1.value(NcuMetric.DRAM_THROUGHPUT)).isGreaterThan(50);
        assertThat(kernels.get(0).value(NcuMetric.DRAM_THROUGHPUT)).isLessThan(gemm1.value(NcuMetric.DRAM_THROUGHPUT));
    }
}
