package org.fusescope.app.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fusescope.app.Golden;
import org.fusescope.app.data.OpenRun;
import org.fusescope.app.data.Recording;
import org.fusescope.app.data.RecordingService;
import org.fusescope.app.data.Selection;
import org.fusescope.app.properties.PropertiesViewModel;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.RunInfo;
import org.junit.jupiter.api.Test;

/**
 * On the two-stream golden recording (the shared expert's kernels on stream 14), a lane's item index
 * and the run's kernel index differ, and every way from one to the other (lane refs, the lane of a
 * kernel, selection and Properties) lands on the same kernel.
 */
class TwoStreamLanesTest {
    @Test
    void laneItemsAndKernelIndicesNameTheSameKernels() {
        try (RecordingService service = new RecordingService()) {
            Recording recording = service.open(Golden.twoStreamsFile());
            int checkedRuns = 0;
            for (RunInfo info : recording.runs()) {
                OpenRun run = service.load(recording, info.id());
                List<KernelEvent> kernels = run.trace().kernels();
                if (kernels.stream().noneMatch(k -> k.streamId() == 14)) {
                    continue;
                }
                checkedRuns++;
                TimelineData t = run.timeline();
                List<Lane> gpu = t.lanes().stream()
                        .filter(l -> l.kind() == Lane.LaneKind.GPU)
                        .toList();
                assertThat(gpu).hasSize(2);
                int differing = 0;
                for (Lane lane : gpu) {
                    for (int i = 0; i < lane.size(); i++) {
                        KernelEvent k = kernels.get(lane.refs()[i]);
                        assertThat(k.startNs()).isEqualTo(lane.starts()[i]);
                        assertThat(k.streamId())
                                .isEqualTo(kernels.get(lane.refs()[0]).streamId());
                        assertThat(t.lanes().get(t.laneOfKernel(lane.refs()[i])))
                                .isSameAs(lane);
                        differing += lane.refs()[i] != i ? 1 : 0;
                    }
                }
                assertThat(differing).as("lane order differs from kernel order").isPositive();

                Selection selection = new Selection();
                PropertiesViewModel properties = new PropertiesViewModel(selection);
                Lane side = gpu.stream()
                        .filter(l -> kernels.get(l.refs()[0]).streamId() == 14)
                        .findFirst()
                        .orElseThrow();
                int kernel = side.refs()[side.size() - 1];
                selection.selectKernel(run, kernel);
                assertThat(properties.value("Stream")).isEqualTo("14");
                assertThat(properties.value("Name"))
                        .isEqualTo(kernels.get(kernel).name());
                // the ops two-streams.sql moved to stream 14: the shared expert and its gate
                assertThat(properties.value("Op"))
                        .isEqualTo(kernels.get(kernel).attribution().op())
                        .isIn(
                                "shared_expert_gemm_up",
                                "shared_expert_gemm_down",
                                "shared_silu_and_mul",
                                "gate_gemv",
                                "sigmoid",
                                "mul");
            }
            assertThat(checkedRuns).isPositive();
        }
    }
}
