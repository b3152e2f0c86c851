package org.fusescope.profiler.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fusescope.profiler.model.NumericCheck;
import org.fusescope.profiler.model.Problem;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunTrace;
import org.fusescope.profiler.model.Severity;
import org.fusescope.profiler.synthetic.SyntheticRecording;
import org.fusescope.profiler.synthetic.SyntheticSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RecordingChecks}: every run's stored problems and numeric checks, without loading events. */
class StoreRecordingChecksTest {
    @TempDir
    Path dir;

    private static RunTrace with(RunTrace t, List<NumericCheck> checks, List<Problem> problems) {
        return new RunTrace(
                t.run(),
                t.device(),
                t.kernels(),
                t.apiCalls(),
                t.memcpys(),
                t.memsets(),
                t.syncs(),
                t.ranges(),
                t.expertCounts(),
                checks,
                problems,
                t.threadNames());
    }

    @Test
    void readsEachRunsProblemsAndChecks() {
        List<RunTrace> runs = SyntheticRecording.generate(
                SyntheticSpec.tiny(1, SyntheticSpec.UNFUSED, SyntheticSpec.GRAPH)
                        .withSize(2, 2),
                List.of(1),
                List.of(SyntheticSpec.UNFUSED, SyntheticSpec.FUSED),
                List.of(SyntheticSpec.GRAPH));
        Problem sum = new Problem(Severity.ERROR, "expert-count-sum", "counts add up to 7, not 8", 1, 0, -1);
        Problem dropped = new Problem(Severity.WARNING, "dropped-records", "3 records dropped", -1, -1, 1234);
        NumericCheck good = new NumericCheck("moe_out fused vs cpu", -1, 0, 1e-3, 1e-4, 1e-2);
        NumericCheck bad = new NumericCheck("moe_out fused vs unfused", -1, 0, 0.5, 0.05, 1e-2);
        List<RunTrace> written = new ArrayList<>();
        written.add(with(runs.get(0), List.of(good), List.of()));
        written.add(with(runs.get(1), List.of(good, bad), List.of(sum, dropped)));
        Path file = dir.resolve("checks.sqlite");
        List<Long> ids = new ArrayList<>();
        try (TraceWriter w = TraceWriter.create(file)) {
            written.forEach(t -> ids.add(w.writeRun(t)));
        }

        RecordingChecks checks = RecordingChecks.read(file, ids);

        assertThat(checks.recorded()).isTrue();
        assertThat(checks.problems(ids.get(0))).isEmpty();
        assertThat(checks.problems(ids.get(1))).containsExactly(sum, dropped);
        assertThat(checks.checks(ids.get(0))).containsExactly(good);
        assertThat(checks.checks(ids.get(1))).containsExactly(good, bad);
        assertThat(checks.problems(99)).isEmpty();
        try (TraceReader reader = TraceReader.open(file)) {
            assertThat(reader.runs()).extracting(RunInfo::id).containsExactlyElementsOf(ids);
            assertThat(checks.problems(ids.get(1)))
                    .isEqualTo(reader.load(ids.get(1)).problems());
        }
    }

    @Test
    void anNsysExportRecordsNone() {
        Path nsys = Path.of("src/test/resources/golden/nsys-export.sqlite");
        RecordingChecks checks = RecordingChecks.read(nsys, List.of(1L));
        assertThat(checks.recorded()).isFalse();
        assertThat(checks.problems(1)).isEmpty();
        assertThat(checks.checks(1)).isEmpty();
    }
}
