package org.fusescope.profiler.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.fusescope.profiler.model.DeviceInfo;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunStatus;
import org.fusescope.profiler.model.RunTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreRoundTripTest {
    @TempDir
    Path dir;

    private static RunTrace withRunId(RunTrace t, long id) {
        return new RunTrace(
                t.run().withId(id),
                t.device(),
                t.kernels(),
                t.apiCalls(),
                t.memcpys(),
                t.memsets(),
                t.syncs(),
                t.ranges(),
                t.expertCounts(),
                t.checks(),
                t.problems(),
                t.threadNames());
    }

    @Test
    void everyRecordTypeSurvivesWriteAndRead() {
        Random rnd = new Random(20240611);
        DeviceInfo device = TraceFixtures.device(rnd, 0);
        long span = 1_000_000_000L;
        RunTrace first = TraceFixtures.trace(
                rnd, TraceFixtures.run(rnd, "fused b=1 graph", 5_000, span, RunStatus.COMPLETE), device, 400, 0);
        RunTrace second = TraceFixtures.trace(
                rnd,
                TraceFixtures.run(rnd, "unfused b=64 eager", 5_000 + span + 1, span, RunStatus.INCOMPLETE),
                device,
                300,
                10_000);
        Path file = dir.resolve("t.sqlite");
        long id1;
        long id2;
        try (TraceWriter w = TraceWriter.create(file)) {
            w.process(TraceFixtures.PID, "fusescope");
            id1 = w.writeRun(first);
            id2 = w.writeRun(second);
        }
        try (TraceReader r = TraceReader.open(file)) {
            assertThat(r.isNsysExport()).isFalse();
            assertThat(r.runs())
                    .containsExactly(first.run().withId(id1), second.run().withId(id2));
            assertThat(r.devices()).containsExactly(device);
            assertThat(r.metadata())
                    .containsEntry(TraceSchema.MetaData.EXPORT_SCHEMA_VERSION, TraceSchema.NSYS_SCHEMA_VERSION)
                    .containsKey(TraceSchema.MetaData.FUSESCOPE_SCHEMA_VERSION);
            RunTrace back1 = r.load(id1);
            RunTrace back2 = r.load(r.run("unfused b=64 eager").id());
            assertSame(back1, withRunId(first, id1));
            assertSame(back2, withRunId(second, id2));
            assertThat(back2.run().isComplete()).isFalse();
            assertThat(back2.run().endNs()).isEqualTo(Long.MAX_VALUE);
        }
    }

    private static void assertSame(RunTrace actual, RunTrace expected) {
        assertThat(actual.run()).isEqualTo(expected.run());
        assertThat(actual.device()).isEqualTo(expected.device());
        assertThat(actual.kernels()).containsExactlyElementsOf(expected.kernels());
        assertThat(actual.apiCalls()).containsExactlyElementsOf(expected.apiCalls());
        assertThat(actual.memcpys()).containsExactlyElementsOf(expected.memcpys());
        assertThat(actual.memsets()).containsExactlyElementsOf(expected.memsets());
        assertThat(actual.syncs()).containsExactlyElementsOf(expected.syncs());
        assertThat(actual.ranges()).containsExactlyElementsOf(expected.ranges());
        assertThat(actual.expertCounts()).containsExactlyElementsOf(expected.expertCounts());
        assertThat(actual.checks()).containsExactlyElementsOf(expected.checks());
        assertThat(actual.problems()).containsExactlyElementsOf(expected.problems());
        assertThat(actual.threadNames()).isEqualTo(expected.threadNames());
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void runSelectorAcceptsIdOrNameAndListsRunsWhenUnknown() {
        Random rnd = new Random(7);
        Path file = dir.resolve("sel.sqlite");
        try (TraceWriter w = TraceWriter.create(file)) {
            RunInfo a = TraceFixtures.run(rnd, "fused b=1", 0, 100, RunStatus.COMPLETE);
            w.endRun(w.beginRun(a), 100, RunStatus.COMPLETE);
            w.endRun(
                    w.beginRun(TraceFixtures.run(rnd, "unfused b=1", 200, 100, RunStatus.COMPLETE)),
                    300,
                    RunStatus.COMPLETE);
        }
        try (TraceReader r = TraceReader.open(file)) {
            assertThat(r.run("2").name()).isEqualTo("unfused b=1");
            assertThat(r.run("fused b=1").id()).isEqualTo(1);
            List<String> names = r.runs().stream().map(RunInfo::name).toList();
            assertThat(names).containsExactly("fused b=1", "unfused b=1");
        }
    }
}
