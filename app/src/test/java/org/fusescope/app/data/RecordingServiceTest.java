package org.fusescope.app.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.fusescope.app.Golden;
import org.fusescope.profiler.store.TraceFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingServiceTest {
    @Test
    void opensTheGoldenRecordingAndLoadsARun() {
        try (RecordingService service = new RecordingService()) {
            Recording r = service.open(Golden.file());
            assertThat(r.runs()).hasSize(8);
            assertThat(r.synthetic()).isTrue();
            assertThat(r.label()).contains("recording.sqlite").contains("synthetic");
            OpenRun run = service.load(r, 2);
            assertThat(run.trace().run().name()).isEqualTo("fused b=1 graph");
            assertThat(run.trace().kernels()).isNotEmpty();
            assertThat(run.firstKernelNamed(run.trace().kernels().get(0).name()))
                    .isZero();
        }
    }

    @Test
    void refusesFilesThatAreNoTraceDatabase(@TempDir Path dir) throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.sqlite"), "not sqlite at all, just text");
        try (RecordingService service = new RecordingService()) {
            assertThatThrownBy(() -> service.open(junk)).isInstanceOf(TraceFileException.class);
        }
    }

    @Test
    void firstStartFallsBackToASyntheticRecordingWhenNoSampleIsBundled() {
        SampleRecordings.Sample sample = SampleRecordings.firstStart("/no/such/sample.sqlite");
        assertThat(sample.bundled()).isFalse();
        try (RecordingService service = new RecordingService()) {
            Recording r = service.open(sample.file());
            assertThat(r.synthetic()).isTrue();
            assertThat(r.runs()).hasSize(8);
            assertThat(r.label()).contains("synthetic");
        }
    }

    @Test
    void firstStartCopiesABundledSample() {
        SampleRecordings.Sample sample = SampleRecordings.firstStart("/golden/recording.sqlite");
        assertThat(sample.bundled()).isTrue();
        try (RecordingService service = new RecordingService()) {
            assertThat(service.open(sample.file()).runs()).hasSize(8);
        }
    }
}
