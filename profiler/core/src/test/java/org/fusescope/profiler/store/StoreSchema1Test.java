package org.fusescope.profiler.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Random;
import org.fusescope.profiler.model.ExpertCounts;
import org.fusescope.profiler.model.RunStatus;
import org.fusescope.profiler.model.RunTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files of FuseScope schema 1 (op and fusionGroup as text, one expert-count row per expert) still read. */
class StoreSchema1Test {
    @TempDir
    Path dir;

    @Test
    void schema1AttributionAndExpertCountsRead() throws Exception {
        Random rnd = new Random(11);
        RunTrace t = TraceFixtures.trace(
                rnd,
                TraceFixtures.run(rnd, "old", 0, 1L << 40, RunStatus.COMPLETE),
                TraceFixtures.device(rnd, 0),
                200,
                0);
        Path file = dir.resolve("v1.sqlite");
        long id;
        try (TraceWriter w = TraceWriter.create(file)) {
            w.process(TraceFixtures.PID, "runner");
            id = w.writeRun(t);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            st.execute("UPDATE FS_KERNEL_ATTRIBUTION SET op = (SELECT value FROM StringIds WHERE id = op),"
                    + " fusionGroup = (SELECT value FROM StringIds WHERE id = fusionGroup)");
            st.execute("DROP TABLE FS_EXPERT_COUNTS");
            st.execute("CREATE TABLE FS_EXPERT_COUNTS (runId INTEGER NOT NULL, layer INTEGER NOT NULL,"
                    + " step INTEGER NOT NULL, expert INTEGER NOT NULL, tokens INTEGER NOT NULL)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO FS_EXPERT_COUNTS VALUES (?, ?, ?, ?, ?)")) {
                for (ExpertCounts e : t.expertCounts()) {
                    for (int x = 0; x < e.experts(); x++) {
                        ps.setLong(1, id);
                        ps.setInt(2, e.layer());
                        ps.setInt(3, e.step());
                        ps.setInt(4, x);
                        ps.setInt(5, e.tokens(x));
                        ps.executeUpdate();
                    }
                }
            }
            assertThat(st.executeQuery("SELECT typeof(op) FROM FS_KERNEL_ATTRIBUTION LIMIT 1")
                            .getString(1))
                    .isEqualTo("text");
        }
        try (TraceReader r = TraceReader.open(file)) {
            RunTrace back = r.load(id);
            assertThat(back.kernels()).containsExactlyElementsOf(t.kernels());
            assertThat(back.expertCounts()).containsExactlyElementsOf(t.expertCounts());
        }
    }
}
