package org.fusescope.profiler.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fusescope.profiler.model.RangeEvent;
import org.fusescope.profiler.model.RangeLevel;
import org.fusescope.profiler.model.RunStatus;
import org.fusescope.profiler.model.RunTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Step and layer ranges are stored under one name per kind with the index as the NVTX payload (so
 * that {@code nsys stats --report nvtx_gpu_proj_sum} aggregates them) and read back as written.
 */
class StoreRangeNamesTest {
    @TempDir
    Path dir;

    @Test
    void indexedRangesAreStoredByKindAndReadAsWritten() throws Exception {
        Random rnd = new Random(23);
        RunTrace base = TraceFixtures.trace(
                rnd,
                TraceFixtures.run(rnd, "names", 0, 1L << 40, RunStatus.COMPLETE),
                TraceFixtures.device(rnd, 0),
                50,
                0);
        long t0 = base.ranges().get(0).startNs();
        List<RangeEvent> ranges = new ArrayList<>();
        ranges.add(new RangeEvent(t0, t0 + 900, "step 7", RangeLevel.STEP, TraceFixtures.tid(1)));
        ranges.add(new RangeEvent(
                t0 + 1, t0 + 800, "layer 12 (linear attention)", RangeLevel.LAYER, TraceFixtures.tid(1)));
        ranges.add(new RangeEvent(t0 + 2, t0 + 700, "layer 3", RangeLevel.LAYER, TraceFixtures.tid(1)));
        ranges.add(new RangeEvent(t0 + 3, t0 + 600, "moe", RangeLevel.BLOCK, TraceFixtures.tid(1)));
        ranges.add(new RangeEvent(t0 + 4, t0 + 500, "gemm 2", RangeLevel.OP, TraceFixtures.tid(1)));
        RunTrace trace = new RunTrace(
                base.run(),
                base.device(),
                base.kernels(),
                base.apiCalls(),
                base.memcpys(),
                base.memsets(),
                base.syncs(),
                ranges,
                base.expertCounts(),
                base.checks(),
                base.problems(),
                base.threadNames());
        Path file = dir.resolve("names.sqlite");
        long id;
        try (TraceWriter w = TraceWriter.create(file)) {
            w.process(TraceFixtures.PID, "runner");
            id = w.writeRun(trace);
        }

        Map<String, Long> stored = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT s.value, e.int64Value FROM NVTX_EVENTS e"
                        + " JOIN StringIds s ON s.id = e.textId ORDER BY e.start")) {
            while (rs.next()) {
                long v = rs.getLong(2);
                Long payload = rs.wasNull() ? null : v;
                stored.put(rs.getString(1), payload);
            }
        }
        assertThat(stored)
                .containsEntry("step", 7L)
                .containsEntry("layer (linear attention)", 12L)
                .containsEntry("layer", 3L)
                .containsEntry("moe", null)
                .containsEntry("gemm 2", null);

        try (TraceReader r = TraceReader.open(file)) {
            List<String> full =
                    r.load(id).ranges().stream().map(RangeEvent::text).toList();
            assertThat(full).containsExactly("step 7", "layer 12 (linear attention)", "layer 3", "moe", "gemm 2");
            TimelineColumns.Ranges columns = r.timelineColumns(id).ranges();
            List<String> fast = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                fast.add(columns.text(i));
            }
            assertThat(fast).isEqualTo(full);
        }
    }

    @Test
    void textsWithoutAnIndexOrLevelAreUnchanged() {
        assertThat(RangeNames.store("step 4", null)).isEqualTo(new RangeNames.Stored("step 4", null));
        assertThat(RangeNames.store("warm-up", RangeLevel.STEP)).isEqualTo(new RangeNames.Stored("warm-up", null));
        assertThat(RangeNames.read("step 4", 9L, null)).isEqualTo("step 4");
        assertThat(RangeNames.read("step", null, RangeLevel.STEP)).isEqualTo("step");
    }
}
