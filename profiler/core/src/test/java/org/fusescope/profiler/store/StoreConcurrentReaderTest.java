package org.fusescope.profiler.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Random;
import org.fusescope.profiler.model.RunStatus;
import org.fusescope.profiler.model.RunTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17, failure 3: a reader open while a recording finishes must not make the recording fail. */
class StoreConcurrentReaderTest {
    @TempDir
    Path dir;

    private static RunTrace trace(long seed) {
        Random rnd = new Random(seed);
        return TraceFixtures.trace(
                rnd, TraceFixtures.run(rnd, "r", 0, 1L << 40, RunStatus.COMPLETE), TraceFixtures.device(rnd, 0), 60, 0);
    }

    /** A second connection that has begun a read transaction and keeps it open. */
    private static Connection readerHoldingATransaction(Path file) throws Exception {
        Connection reader = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        reader.setAutoCommit(false);
        try (Statement st = reader.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM CUPTI_ACTIVITY_KIND_KERNEL")) {
            assertThat(rs.next()).isTrue();
        }
        return reader;
    }

    /** A writer that has written and committed {@code t} but not closed yet. */
    private static TraceWriter writtenNotClosed(Path file, RunTrace t) {
        TraceWriter w = TraceWriter.create(file);
        w.writeRun(t);
        w.flush();
        return w;
    }

    private static int kernelsIn(Path file) {
        try (TraceReader r = TraceReader.open(file)) {
            return r.load(1).kernels().size();
        }
    }

    @Test
    void aReaderHoldingAReadTransactionDoesNotFailTheWritersClose() throws Exception {
        Path file = dir.resolve("live.sqlite");
        RunTrace t = trace(5);
        TraceWriter w = writtenNotClosed(file, t);
        try (Connection reader = readerHoldingATransaction(file)) {
            w.close(); // threw SQLITE_BUSY at PRAGMA journal_mode = DELETE
            assertThat(w.selfContained()).isFalse();
            reader.commit();
        }
        assertThat(kernelsIn(file)).isEqualTo(t.kernels().size());
    }

    @Test
    void aTraceReaderOpenDuringCloseStillSeesEveryKernelAfterwards() throws Exception {
        Path file = dir.resolve("watched.sqlite");
        RunTrace t = trace(6);
        TraceWriter w = writtenNotClosed(file, t);
        try (TraceReader watching = TraceReader.open(file)) {
            assertThat(watching.load(1).kernels()).hasSize(t.kernels().size());
            w.close();
        }
        assertThat(kernelsIn(file)).isEqualTo(t.kernels().size());
    }

    @Test
    void withoutReadersTheFinishedFileIsSelfContained() throws Exception {
        Path file = dir.resolve("alone.sqlite");
        TraceWriter w = TraceWriter.create(file);
        w.writeRun(trace(7));
        w.close();
        assertThat(w.selfContained()).isTrue();
        assertThat(dir.resolve("alone.sqlite-wal")).doesNotExist();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
            assertThat(rs.getString(1)).isEqualTo("delete");
        }
    }
}
