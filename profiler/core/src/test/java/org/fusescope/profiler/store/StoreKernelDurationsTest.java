package org.fusescope.profiler.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TraceReader#kernelDurations} gives each kernel's name and duration, as the full load has them. */
class StoreKernelDurationsTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

    @TempDir
    Path dir;

    @Test
    void goldenRecordingDurationsMatchTheFullLoad() {
        assertEveryRunMatches(GOLDEN.resolve("recording.sqlite"));
    }

    @Test
    void nsysExportDurationsMatchTheFullLoad() {
        assertEveryRunMatches(GOLDEN.resolve("nsys-export.sqlite"));
    }

    @Test
    void aKernelLongerThanThePackedColumnHoldsIsReadInFull() throws Exception {
        // 5 s does not fit the 32 bits of the packed column: the plain read must take over
        Path copy = dir.resolve("long-kernel.sqlite");
        Files.copy(GOLDEN.resolve("recording.sqlite"), copy);
        try (Connection c = DriverManager.getConnection(SqliteUrl.of(copy));
                Statement st = c.createStatement()) {
            int changed =
                    st.executeUpdate("UPDATE CUPTI_ACTIVITY_KIND_KERNEL SET \"end\" = start + 5000000000 WHERE rowid = "
                            + "(SELECT min(rowid) FROM CUPTI_ACTIVITY_KIND_KERNEL)");
            assertThat(changed).isEqualTo(1);
        }
        try (TraceReader r = TraceReader.open(copy)) {
            long long5s = 0;
            for (RunInfo run : r.runs()) {
                KernelDurations d = r.kernelDurations(run.id());
                assertSameKernels(r.load(run.id()), d);
                long5s += java.util.Arrays.stream(d.durations())
                        .filter(x -> x == 5_000_000_000L)
                        .count();
            }
            assertThat(long5s).isEqualTo(1);
        }
    }

    @Test
    void durationsOfTimelineColumnsAreEndMinusStart() {
        try (TraceReader r = TraceReader.open(GOLDEN.resolve("recording.sqlite"))) {
            RunInfo run = r.runs().get(0);
            TimelineColumns.Kernels k = r.kernelColumns(run.id());
            KernelDurations d = KernelDurations.of(k);
            assertThat(d.size()).isEqualTo(k.size()).isPositive();
            for (int i = 0; i < k.size(); i++) {
                assertThat(d.durations()[i]).isEqualTo(k.ends()[i] - k.starts()[i]);
                assertThat(d.names()[d.nameIds()[i]]).isEqualTo(k.name(i));
            }
        }
    }

    private static void assertEveryRunMatches(Path file) {
        try (TraceReader r = TraceReader.open(file)) {
            assertThat(r.runs()).isNotEmpty();
            for (RunInfo run : r.runs()) {
                assertSameKernels(r.load(run.id()), r.kernelDurations(run.id()));
            }
        }
    }

    /** The same (name, duration) pairs, as multisets: the durations come in no particular order. */
    private static void assertSameKernels(RunTrace full, KernelDurations d) {
        List<String> expected = new ArrayList<>();
        for (KernelEvent k : full.kernels()) {
            expected.add(k.name() + " " + (k.endNs() - k.startNs()));
        }
        List<String> actual = new ArrayList<>();
        for (int i = 0; i < d.size(); i++) {
            actual.add(d.names()[d.nameIds()[i]] + " " + d.durations()[i]);
        }
        assertThat(expected).isNotEmpty();
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }
}
