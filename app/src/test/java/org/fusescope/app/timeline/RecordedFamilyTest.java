package org.fusescope.app.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.fusescope.app.Golden;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.RunTrace;
import org.fusescope.profiler.ops.Op;
import org.fusescope.profiler.ops.OpFamily;
import org.fusescope.profiler.store.TraceReader;
import org.junit.jupiter.api.Test;

/** The timeline colours a kernel by the family its recording stored for its op, not by a switch of its own. */
class RecordedFamilyTest {
    @Test
    void aStoredFamilyColoursTheOpsKernels() throws Exception {
        try (TraceReader reader = TraceReader.open(Golden.file())) {
            RunTrace trace = reader.load(1);
            Lane plain = gpuLane(TimelineData.of(trace, Map.of()));
            Lane recolored = gpuLane(TimelineData.of(trace, Map.of(Op.familyKey("grouped_gemm1"), "attention")));
            int gemms = 0;
            for (int i = 0; i < plain.refs().length; i++) {
                KernelEvent k = trace.kernels().get(plain.refs()[i]);
                boolean fused = k.attribution().fused();
                if (k.attribution().op().equals("grouped_gemm1")) {
                    gemms++;
                    assertThat(plain.colors()[i]).isEqualTo(Palette.kernel(OpFamily.GEMM, fused));
                    assertThat(recolored.colors()[i]).isEqualTo(Palette.kernel(OpFamily.ATTENTION, fused));
                } else {
                    assertThat(recolored.colors()[i]).isEqualTo(plain.colors()[i]);
                }
            }
            assertThat(gemms).isPositive();
        }
    }

    private static Lane gpuLane(TimelineData data) {
        return data.lanes().stream()
                .filter(l -> l.kind() == Lane.LaneKind.GPU)
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no GPU lane in " + Arrays.toString(data.lanes().toArray())));
    }
}
