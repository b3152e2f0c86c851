package org.fusescope.profiler.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HexFormat;
import java.util.Random;
import org.fusescope.profiler.model.RunStatus;
import org.fusescope.profiler.model.RunTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreReadOnlyTest {
    @TempDir
    Path dir;

    private record Snapshot(String bytes, FileTime mtime) {}

    private static Snapshot snapshot(Path f) throws Exception {
        return new Snapshot(HexFormat.of().formatHex(Files.readAllBytes(f)), Files.getLastModifiedTime(f));
    }

    private static void assertUnchanged(Path f, Snapshot before) throws Exception {
        assertThat(HexFormat.of().formatHex(Files.readAllBytes(f))).isEqualTo(before.bytes());
        assertThat(Files.getLastModifiedTime(f)).isEqualTo(before.mtime());
    }

    /** The start index (and so an overview) exists from the file's creation, also while the writer is open. */
    private static void openLoadClose(Path f) {
        try (TraceReader r = TraceReader.open(f)) {
            assertThat(r.load(1).kernels()).isNotEmpty();
            assertThat(r.kernelOverview(1, OverviewGrid.uniform(64), 0)).isPresent();
        }
    }

    @Test
    void readingAClosedTraceLeavesItUntouched() throws Exception {
        Random rnd = new Random(3);
        Path file = dir.resolve("closed.sqlite");
        try (TraceWriter w = TraceWriter.create(file)) {
            w.writeRun(TraceFixtures.trace(
                    rnd,
                    TraceFixtures.run(rnd, "r", 0, 1L << 40, RunStatus.COMPLETE),
                    TraceFixtures.device(rnd, 0),
                    50,
                    0));
        }
        Snapshot before = snapshot(file);
        Thread.sleep(20); // so that a write would show in the mtime
        openLoadClose(file);
        assertUnchanged(file, before);
    }

    @Test
    void readingAWalFileOfAWriterStillOpenLeavesItAndItsWalUntouched() throws Exception {
        Random rnd = new Random(4);
        Path file = dir.resolve("open.sqlite");
        Path wal = dir.resolve("open.sqlite-wal");
        RunTrace t = TraceFixtures.trace(
                rnd, TraceFixtures.run(rnd, "r", 0, 1, RunStatus.INCOMPLETE), TraceFixtures.device(rnd, 0), 80, 0);
        TraceWriter w = TraceWriter.create(file);
        try {
            long id = w.beginRun(t.run());
            w.kernels(id, t.kernels());
            w.flush();
            assertThat(wal).exists();
            Snapshot db = snapshot(file);
            Snapshot walBefore = snapshot(wal);
            Thread.sleep(20);
            openLoadClose(file);
            assertUnchanged(file, db);
            assertUnchanged(wal, walBefore);
        } finally {
            w.close();
        }
    }
}
