package org.fusescope.profiler.ncu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fusescope.profiler.model.Dim3;
import org.fusescope.profiler.model.KernelEvent;
import org.junit.jupiter.api.Test;

/** Matching a recorded step to ncu's launches by name, grid, block and order. */
class NcuMatchTest {
    private static KernelEvent kernel(String name, int grid, long start) {
        return new KernelEvent(
                start, start + 10, 0, 1, 13, start, name, name, Dim3.of(grid), Dim3.of(128), 32, 0, 0, 0, 0, null);
    }

    private static NcuKernel launch(int id, String name, int grid) {
        return new NcuKernel(id, name, Dim3.of(grid), Dim3.of(128), Map.of(NcuMetric.DURATION, (double) id));
    }

    @Test
    void theLastRunOfTheStepIsMatched() {
        List<KernelEvent> step = List.of(kernel("a", 1, 0), kernel("b", 2, 20), kernel("a", 3, 40));
        List<NcuKernel> launches = new ArrayList<>();
        launches.add(launch(0, "init", 9));
        for (int s = 0; s < 3; s++) { // warm-up, first step, measured step
            launches.add(launch(launches.size(), "void a<4>(int)", 1));
            launches.add(launch(launches.size(), "b", 2));
            launches.add(launch(launches.size(), "a(float*)", 3));
        }
        NcuMatch m = NcuMatch.of(step, launches);
        assertThat(m.unmatchedKernels()).isEmpty();
        assertThat(m.unmatchedLaunches()).isEmpty();
        assertThat(m.pairs()).extracting(p -> p.launch().id()).containsExactly(7, 8, 9);
        assertThat(m.pairs()).extracting(p -> p.kernel().name()).containsExactly("a", "b", "a");
    }

    @Test
    void aDifferentGridIsNotTheSameKernelAndLeftoversAreReported() {
        List<KernelEvent> step = List.of(kernel("a", 1, 0), kernel("b", 2, 20), kernel("c", 5, 40));
        List<NcuKernel> launches =
                List.of(launch(0, "a", 1), launch(1, "x", 1), launch(2, "b", 4), launch(3, "b", 2), launch(4, "c", 6));
        NcuMatch m = NcuMatch.of(step, launches);
        assertThat(m.pairs()).extracting(p -> p.launch().id()).containsExactly(0, 3);
        assertThat(m.unmatchedKernels()).extracting(KernelEvent::name).containsExactly("c");
        assertThat(m.unmatchedLaunches()).extracting(NcuKernel::id).containsExactly(1, 2);
    }
}
