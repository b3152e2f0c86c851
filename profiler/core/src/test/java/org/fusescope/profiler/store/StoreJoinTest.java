package org.fusescope.profiler.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.fusescope.profiler.model.ApiCall;
import org.fusescope.profiler.model.RunStatus;
import org.fusescope.profiler.model.RunTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readers that inner-join kernels to runtime rows and thread names (pipit, nsys2json) must see every kernel. */
class StoreJoinTest {
    static final String PIPIT_JOIN = "SELECT count(*) FROM CUPTI_ACTIVITY_KIND_KERNEL k"
            + " JOIN StringIds s ON k.shortName = s.id"
            + " JOIN CUPTI_ACTIVITY_KIND_RUNTIME r ON k.correlationId = r.correlationId"
            + " JOIN ThreadNames t ON r.globalTid = t.globalTid";

    @TempDir
    Path dir;

    @Test
    void innerJoinSeesEveryKernelEvenWithoutTheirLaunchesAndWithGraphs() throws SQLException {
        Random rnd = new Random(99);
        RunTrace full = TraceFixtures.trace(
                rnd,
                TraceFixtures.run(rnd, "graph run", 0, 1L << 40, RunStatus.COMPLETE),
                TraceFixtures.device(rnd, 0),
                500,
                0);
        // drop a third of the launches, and add a duplicate of a kept launch's correlation id
        List<ApiCall> kept =
                full.apiCalls().stream().filter(c -> c.correlationId() % 3 != 0).collect(Collectors.toList());
        ApiCall dup = kept.get(1);
        kept.add(new ApiCall(
                dup.startNs() + 1,
                dup.endNs() + 1,
                dup.globalTid(),
                dup.correlationId(),
                "cuLaunchKernel",
                0,
                dup.kind()));
        assertThat(kept.size()).isLessThan(full.apiCalls().size());
        Path file = dir.resolve("join.sqlite");
        try (TraceWriter w = TraceWriter.create(file)) {
            w.process(TraceFixtures.PID, "runner");
            full.threadNames().forEach(w::threadName);
            long id = w.beginRun(full.run());
            w.kernels(id, full.kernels()); // kernels before their calls, as CUPTI buffers may deliver them
            w.apiCalls(kept);
            w.endRun(id, full.run().endNs(), RunStatus.COMPLETE);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            assertThat(count(st, PIPIT_JOIN)).isEqualTo(full.kernels().size());
            assertThat(count(st, "SELECT count(*) FROM CUPTI_ACTIVITY_KIND_KERNEL"))
                    .isEqualTo(full.kernels().size());
            assertThat(count(
                            st,
                            "SELECT count(*) FROM (SELECT correlationId FROM CUPTI_ACTIVITY_KIND_RUNTIME"
                                    + " WHERE correlationId IS NOT NULL AND correlationId != 0"
                                    + " GROUP BY correlationId HAVING count(*) > 1)"))
                    .isZero();
        }
        try (TraceReader r = TraceReader.open(file)) {
            RunTrace back = r.load(1);
            assertThat(back.kernels()).containsExactlyElementsOf(full.kernels());
            // synthesized launches and their placeholder thread stay out of the model
            assertThat(back.apiCalls()).hasSize(kept.size());
            assertThat(back.threadNames()).isEqualTo(full.threadNames());
        }
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
