package org.fusescope.profiler.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fusescope.profiler.model.RunTrace;
import org.junit.jupiter.api.Test;

/** Kernels that waited on the kernel before them, per name (values checked by hand). */
class KernelWaitsTest {
    @Test
    void onlyKernelsThatWaitedHaveARowWithTheirMeanWaitOverAllInstances() {
        // two steps on stream 7: gemm 100 ns, then silu resident 40 ns before gemm ends in step 0, none in step 1
        RunTrace run = TraceFixture.trace()
                .kernel(0, 100, 7, 1, "gemm")
                .kernel(60, 130, 7, 2, "silu")
                .kernel(200, 300, 7, 3, "gemm")
                .kernel(300, 330, 7, 4, "silu")
                .kernel(250, 280, 8, 5, "other stream") // overlaps gemm, but on its own stream: no wait
                .build();

        List<KernelWaits.Row> rows = KernelWaits.of(run);

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("silu");
            assertThat(r.instances()).isEqualTo(2);
            assertThat(r.waiting()).isEqualTo(1);
            assertThat(r.avgDurationNs()).isEqualTo(50.0); // (70 + 30) / 2
            assertThat(r.avgWaitNs()).isEqualTo(20.0); // (40 + 0) / 2
            assertThat(r.avgOwnNs()).isEqualTo(30.0);
        });
        assertThat(KernelWaits.table(rows).rows()).hasSize(1);
    }

    @Test
    void aRunWithoutOverlapHasNoRows() {
        RunTrace run = TraceFixture.trace()
                .kernel(0, 100, 7, 1, "gemm")
                .kernel(100, 130, 7, 2, "silu")
                .build();
        assertThat(KernelWaits.of(run)).isEmpty();
    }
}
