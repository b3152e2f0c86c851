package org.fusescope.app.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fusescope.app.Golden;
import org.fusescope.app.data.OpenRun;
import org.fusescope.app.data.RecordingService;
import org.junit.jupiter.api.Test;

/** GPU rows are headed by stream and role ("Stream 7 (compute)"), and kernels still find their row. */
class StreamNamesTest {
    @Test
    void aStreamOfAttributedKernelsIsTheComputeStream() {
        try (RecordingService service = new RecordingService()) {
            OpenRun run = Golden.run(service, 6);
            List<Lane> gpu = run.timeline().lanes().stream()
                    .filter(l -> l.kind() == Lane.LaneKind.GPU)
                    .toList();
            assertThat(gpu).extracting(Lane::label).containsExactly("Stream 7 (compute)");
            int last = run.timeline().kernelCount() - 1;
            assertThat(run.timeline().laneOfKernel(last))
                    .isEqualTo(run.timeline().lanes().indexOf(gpu.get(0)));
        }
    }

    @Test
    void unattributedKernelsRunOnAPlainKernelStream() {
        assertThat(StreamNames.header(13, false)).isEqualTo("Stream 13 (kernels)");
        assertThat(StreamNames.header(13, true)).isEqualTo("Stream 13 (compute)");
    }
}
