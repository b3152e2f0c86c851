package org.fusescope.profiler.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Random;
import org.fusescope.profiler.model.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreBadInputTest {
    @TempDir
    Path dir;

    private void assertOpenFails(Path file, String problem) {
        assertThatThrownBy(() -> TraceReader.open(file))
                .isInstanceOf(TraceFileException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void missingFile() {
        assertOpenFails(dir.resolve("nope.sqlite"), "no such file");
    }

    @Test
    void directory() {
        assertOpenFails(dir, "is a directory");
    }

    @Test
    void notSqlite() throws Exception {
        Path f = dir.resolve("notes.sqlite");
        Files.writeString(f, "this is a text file, not a database\nsecond line\n");
        assertOpenFails(f, "not an SQLite database");
    }

    @Test
    void aNamedPipeIsRefusedWithoutBlocking() throws Exception {
        Path fifo = dir.resolve("pipe.sqlite");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available here");
        assertOpenFails(fifo, "not a regular file");
    }

    @Test
    void aRecordingOfANewerSchemaSaysWhichVersionThisBuildReads() throws Exception {
        Path f = dir.resolve("newer.sqlite");
        Files.copy(Path.of("src/test/resources/golden/recording.sqlite"), f);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f);
                Statement st = c.createStatement()) {
            st.execute("UPDATE META_DATA_EXPORT SET value = '99' WHERE name = 'FUSESCOPE_SCHEMA_VERSION'");
            assertThat(st.getUpdateCount()).isEqualTo(1);
        }
        assertOpenFails(f, "newer FuseScope (schema version 99)");
        assertOpenFails(f, "reads schema versions up to " + TraceSchema.FUSESCOPE_SCHEMA_VERSION);
    }

    @Test
    void sqliteButNotATrace() throws Exception {
        Path f = dir.resolve("other.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f);
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE recipes (name TEXT)");
        }
        assertOpenFails(f, "not a trace database");
    }

    @Test
    void unknownRunNamesTheRuns() {
        Path f = dir.resolve("runs.sqlite");
        Random rnd = new Random(1);
        try (TraceWriter w = TraceWriter.create(f)) {
            w.endRun(
                    w.beginRun(TraceFixtures.run(rnd, "fused b=1", 0, 10, RunStatus.COMPLETE)), 10, RunStatus.COMPLETE);
        }
        try (TraceReader r = TraceReader.open(f)) {
            assertThatThrownBy(() -> r.run("7"))
                    .isInstanceOf(TraceFileException.class)
                    .hasMessage("no run '7' in " + f + "; runs: 1 (fused b=1)");
            assertThatThrownBy(() -> r.load(9)).hasMessageContaining("no run '9'");
        }
    }

    @Test
    void writerRefusesToOverwrite() throws Exception {
        Path f = dir.resolve("exists.sqlite");
        Files.writeString(f, "precious");
        assertThatThrownBy(() -> TraceWriter.create(f))
                .isInstanceOf(TraceFileException.class)
                .hasMessageContaining("already exists");
        assertThat(Files.readString(f)).isEqualTo("precious");
    }
}
