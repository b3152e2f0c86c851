package org.fusescope.kernels.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.ModelDims;
import org.junit.jupiter.api.Test;

/** Without a GPU: the argument checks' messages, the work formulas, the routing and random fills. */
class ArgsAndWorkTest {
    @Test
    void badScalarsNameTheArgument() {
        assertThatThrownBy(() -> Args.positive("tokens", 0)).hasMessage("tokens: expected >= 1 but was 0");
        assertThatThrownBy(() -> Args.broadcastCols("gCols", 7, 2048))
                .hasMessage("gCols: expected 1 or 2048 but was 7");
        assertThatThrownBy(() -> Args.buffer("x", null, org.fusescope.kernels.cuda.DType.BF16, 3, 2048))
                .hasMessage("x: expected a BF16 [3, 2048] buffer but was null");
    }

    @Test
    void groupedGemmWorkCountsTouchedExpertWeightsOnce() {
        ModelDims d = ModelDims.QWEN3_NEXT.withSharedAsExpert(true);
        Work w = GroupedGemm1Kernel.work(d, 1, 11);
        assertThat(w.bytesRead()).isEqualTo(11L * 1024 * 2048 * 2 + 2048 * 2 + 513 * 4 + 11 * 4);
        assertThat(w.bytesWritten()).isEqualTo(11L * 1024 * 2);
        assertThat(w.flops()).isEqualTo(2L * 11 * 1024 * 2048);
        assertThat(GroupedGemm2Kernel.work(d, 1, 11).bytesRead()).isGreaterThan(11L * 2048 * 512 * 2);
        assertThat(ResidualAddKernel.work(d, 3).bytes()).isEqualTo(3L * 3 * 2048 * 2);
    }

    @Test
    void benchCopiesCoverMinBytesAndAreCapped() {
        assertThat(KernelBenchCases.copies(100_000_000L, 12_288)).isEqualTo(KernelBenchCases.MAX_COPIES);
        assertThat(KernelBenchCases.copies(100_000_000L, 40_000_000)).isEqualTo(3);
        assertThat(KernelBenchCases.copies(100, 1_000)).isEqualTo(1);
    }

    @Test
    void uniformRoutingIsValidAndDeterministic() {
        ModelDims d = ModelDims.QWEN35.withSharedAsExpert(true);
        Routing a = Routing.uniform(new SplittableRandom(1), d, 64);
        Routing b = Routing.uniform(new SplittableRandom(1), d, 64);
        assertThat(a.ids()).isEqualTo(b.ids());
        assertThat(a.count()[d.experts()]).isEqualTo(64);
        assertThat(java.util.Arrays.stream(a.count()).sum()).isEqualTo(64 * 9);
        assertThat(a.touchedExperts()).isBetween(2, 257);
    }

    @Test
    void randomFillDependsOnlyOnTheSeed() {
        short[] x = RandomFill.bf16(new SplittableRandom(5), 300_000, 1);
        short[] y = RandomFill.bf16(new SplittableRandom(5), 300_000, 1);
        assertThat(java.util.Arrays.equals(x, y)).isTrue();
        long zeros = 0;
        for (short s : x) {
            zeros += s == 0 ? 1 : 0;
        }
        assertThat(zeros).isLessThan(100);
    }
}
