package org.fusescope.profiler.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.fusescope.profiler.model.RunStatus;
import org.fusescope.profiler.model.RunTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreCrashTest {
    @TempDir
    Path dir;

    @Test
    void aRunCutShortByAHaltedJvmReadsAsIncompleteWithItsFlushedKernels() throws Exception {
        Path file = dir.resolve("crash.sqlite");
        int n = 3000;
        long seed = 5;
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashingWriterMain.class.getName(),
                        file.toString(),
                        String.valueOf(n),
                        String.valueOf(seed))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(dir.resolve("child.log"), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(log).isEqualTo(1);
        assertThat(log).contains("flushed " + n);
        assertThat(new File(file + "-wal"))
                .as("the halted writer never checkpointed")
                .exists();

        Random rnd = new Random(seed);
        RunTrace expected = TraceFixtures.trace(
                rnd,
                TraceFixtures.run(rnd, "crashing run", 0, 1, RunStatus.INCOMPLETE),
                TraceFixtures.device(rnd, 0),
                n,
                0);
        try (TraceReader r = TraceReader.open(file)) {
            assertThat(r.runs()).hasSize(1);
            assertThat(r.runs().get(0).status()).isEqualTo(RunStatus.INCOMPLETE);
            assertThat(r.runs().get(0).endNs()).isEqualTo(Long.MAX_VALUE);
            RunTrace back = r.load(1);
            assertThat(back.kernels()).containsExactlyElementsOf(expected.kernels());
            assertThat(back.apiCalls())
                    .containsExactlyElementsOf(
                            expected.apiCalls().subList(0, expected.apiCalls().size() / 2));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            assertThat(count(st, StoreJoinTest.PIPIT_JOIN))
                    .as("every committed kernel has a runtime row on a named thread")
                    .isEqualTo(n);
            assertThat(count(st, "SELECT count(*) FROM CUPTI_ACTIVITY_KIND_KERNEL"))
                    .isEqualTo(n);
            assertThat(count(
                            st,
                            "SELECT count(*) FROM (SELECT correlationId FROM CUPTI_ACTIVITY_KIND_RUNTIME"
                                    + " WHERE correlationId IS NOT NULL AND correlationId != 0"
                                    + " GROUP BY correlationId HAVING count(*) > 1)"))
                    .as("a late real call replaces its synthesized launch")
                    .isZero();
        }
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
