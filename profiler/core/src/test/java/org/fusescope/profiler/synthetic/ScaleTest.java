package org.fusescope.profiler.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import org.fusescope.profiler.model.RunTrace;
import org.junit.jupiter.api.Test;

/** Size of generated traces; the speed of generating a million kernels is in `fusescope bench-store`. */
class ScaleTest {
    /** 48 layers × 40 steps × 16 unfused kernels, eager (the most events per kernel). */
    @Test
    void kernelCountIsLayersTimesStepsTimesOps() {
        SyntheticSpec spec = SyntheticSpec.qwen3Next(4, "unfused", "eager").withSize(48, 40);
        RunTrace trace = SyntheticTraceGenerator.generate(spec);
        assertThat(trace.kernels()).hasSize(48 * 40 * 16);
        assertThat(trace.apiCalls().stream().filter(c -> c.isLaunch()).count()).isEqualTo(48 * 40 * 16);
    }
}
