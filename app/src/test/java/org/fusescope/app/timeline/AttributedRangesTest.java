package org.fusescope.app.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.fusescope.profiler.model.RangeLevel;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunStatus;
import org.fusescope.profiler.store.TimelineColumns;
import org.junit.jupiter.api.Test;

/** Layer and op ranges on the GPU's time, derived from hand-made kernel columns. */
class AttributedRangesTest {
    private static final String[] STRINGS = {"norm_kernel", "gemm_kernel", "rmsnorm", "gemm"};
    private static final int RMSNORM = 2;
    private static final int GEMM = 3;
    private static final int NONE = -1;

    /** Kernel columns built row by row, in start order: start, end, stream, op, layer, step. */
    private static final class Rows {
        private final List<long[]> rows = new ArrayList<>();

        Rows add(long start, long end, int stream, int op, int layer, int step) {
            rows.add(new long[] {start, end, stream, op, layer, step});
            return this;
        }

        TimelineColumns.Kernels kernels() {
            int n = rows.size();
            long[] starts = new long[n];
            long[] ends = new long[n];
            int[] streams = new int[n];
            int[] ops = new int[n];
            int[] layers = new int[n];
            int[] steps = new int[n];
            int[] names = new int[n];
            for (int i = 0; i < n; i++) {
                long[] r = rows.get(i);
                starts[i] = r[0];
                ends[i] = r[1];
                streams[i] = (int) r[2];
                ops[i] = (int) r[3];
                layers[i] = (int) r[4];
                steps[i] = (int) r[5];
                names[i] = ops[i] == GEMM ? 1 : 0;
            }
            return new TimelineColumns.Kernels(
                    starts, ends, new int[n], streams, new long[n], names, ops, new boolean[n], layers, steps, STRINGS);
        }
    }

    /** "text level start end" per range, in the order given. */
    private static List<String> described(TimelineColumns.Ranges r) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            out.add(r.text(i) + " " + r.level(i) + " " + r.starts()[i] + " " + r.ends()[i]);
        }
        return out;
    }

    @Test
    void twoStepsOfTwoLayersGiveALayerRangePerStepAndLayerAndAnOpRangePerRunOfAnOp() {
        TimelineColumns.Kernels kernels = new Rows()
                // warm-up (step -1): no ranges
                .add(-50, -40, 7, RMSNORM, 0, -1)
                // step 0, layer 0: the GEMM's two kernels are one op range, the unattributed kernel between them aside
                .add(0, 10, 7, RMSNORM, 0, 0)
                .add(10, 20, 7, GEMM, 0, 0)
                .add(20, 21, 7, NONE, -1, -1)
                .add(21, 30, 7, GEMM, 0, 0)
                .add(30, 35, 7, RMSNORM, 0, 0)
                // step 0, layer 1
                .add(40, 45, 7, RMSNORM, 1, 0)
                .add(45, 60, 7, GEMM, 1, 0)
                // step 1, layer 0: the same op after a layer ends is a new range
                .add(100, 110, 7, RMSNORM, 0, 1)
                .add(110, 125, 7, GEMM, 0, 1)
                // step 1, layer 1, the ops the other way round; a GEMM kernel on stream 8 ends last
                .add(130, 140, 7, GEMM, 1, 1)
                .add(131, 160, 8, GEMM, 1, 1)
                .add(140, 150, 7, RMSNORM, 1, 1)
                // after the steps, a kernel of no layer: an op range, no layer range
                .add(170, 180, 7, GEMM, -1, 1)
                .kernels();

        TimelineColumns.Ranges ranges = AttributedRanges.of(kernels);

        assertThat(described(ranges))
                .containsExactly(
                        "layer 0 LAYER 0 35",
                        "layer 1 LAYER 40 60",
                        "layer 0 LAYER 100 125",
                        "layer 1 LAYER 130 160",
                        "rmsnorm OP 0 10",
                        "gemm OP 10 30",
                        "rmsnorm OP 30 35",
                        "rmsnorm OP 40 45",
                        "gemm OP 45 60",
                        "rmsnorm OP 100 110",
                        "gemm OP 110 125",
                        "gemm OP 130 160",
                        "rmsnorm OP 140 150",
                        "gemm OP 170 180");
    }

    @Test
    void theRowsOnTheGpuShowThemUnderTheCpuRow() {
        TimelineColumns.Kernels kernels = new Rows()
                .add(0, 10, 7, RMSNORM, 0, 0)
                .add(10, 20, 7, GEMM, 0, 0)
                .add(20, 30, 7, GEMM, 1, 0)
                .kernels();
        TimelineColumns none = TimelineColumns.of(List.of(), List.of(), List.of());
        RunInfo run = new RunInfo(
                1,
                "fused b=1 graph",
                "fused",
                List.of(),
                "{}",
                1,
                "graph",
                2,
                0,
                30,
                0,
                "",
                RunStatus.COMPLETE,
                true,
                0);
        TimelineData data = TimelineData.of(run, new TimelineColumns(kernels, none.calls(), none.ranges()));

        List<Lane> onGpu = data.lanes().stream()
                .filter(l -> l.kind() == Lane.LaneKind.GPU_RANGE)
                .toList();
        assertThat(onGpu).extracting(Lane::label).containsExactly("layer (GPU)", "op (GPU)");
        assertThat(onGpu.get(0).starts()).containsExactly(0, 20);
        assertThat(onGpu.get(0).ends()).containsExactly(20, 30);
        assertThat(onGpu.get(1).starts()).containsExactly(0, 10, 20);
        assertThat(onGpu.get(1).colors()).containsOnly(Palette.range(RangeLevel.OP));
        assertThat(data.lanes().get(data.lanes().size() - 1).kind()).isEqualTo(Lane.LaneKind.GPU);
        Lane ops = onGpu.get(1);
        assertThat(TimelineText.label(data, ops, 1)).isEqualTo("gemm");
        assertThat(TimelineText.describe(data, ops, 1)).startsWith("gemm\nop, ").contains("on the GPU");
    }

    @Test
    void unattributedKernelsGiveNoRanges() {
        TimelineColumns.Kernels kernels = new Rows()
                .add(0, 10, 7, NONE, -1, -1)
                .add(10, 20, 7, NONE, -1, -1)
                .kernels();
        assertThat(AttributedRanges.of(kernels).size()).isZero();
    }
}
