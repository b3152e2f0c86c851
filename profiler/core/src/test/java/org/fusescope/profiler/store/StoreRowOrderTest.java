package org.fusescope.profiler.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.fusescope.profiler.model.DeviceInfo;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.RunStatus;
import org.fusescope.profiler.model.RunTrace;
import org.fusescope.profiler.store.TraceSchema.Attribution;
import org.fusescope.profiler.store.TraceSchema.Kernel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kernel and attribution rows reach the file in the order they were given: multi-row blocks that
 * bind the shared columns once and blocks that cannot (their kernels differ in stream), the rows
 * held back at a change of run or a commit, and several calls. (The tail of held rows used to be
 * executed before the blocks queued ahead of it.)
 */
class StoreRowOrderTest {
    private static final int BLOCK = 32;

    @TempDir
    Path dir;

    /** The kernels on stream 7, except every other kernel of the second block of {@link #BLOCK}. */
    private static List<KernelEvent> streamsMixedInSecondBlock(List<KernelEvent> kernels) {
        List<KernelEvent> out = new ArrayList<>();
        for (int i = 0; i < kernels.size(); i++) {
            KernelEvent k = kernels.get(i);
            int stream = i / BLOCK == 1 && i % 2 == 1 ? 8 : 7;
            out.add(new KernelEvent(
                    k.startNs(),
                    k.endNs(),
                    k.deviceId(),
                    k.contextId(),
                    stream,
                    k.correlationId(),
                    k.name(),
                    k.demangledName(),
                    k.grid(),
                    k.block(),
                    k.registersPerThread(),
                    k.staticSharedMemory(),
                    k.dynamicSharedMemory(),
                    k.localMemoryTotal(),
                    k.graphNodeId(),
                    k.attribution()));
        }
        return out;
    }

    @Test
    void rowsKeepTheOrderTheyWereGivenIn() throws Exception {
        Random rnd = new Random(17);
        DeviceInfo device = TraceFixtures.device(rnd, 0);
        long span = 1_000_000_000L;
        RunTrace a = TraceFixtures.trace(
                rnd, TraceFixtures.run(rnd, "a", 5_000, span, RunStatus.COMPLETE), device, 3 * BLOCK + 40, 0);
        RunTrace b = TraceFixtures.trace(
                rnd, TraceFixtures.run(rnd, "b", 5_000 + span + 1, span, RunStatus.COMPLETE), device, 200, 10_000);
        List<KernelEvent> aKernels = streamsMixedInSecondBlock(a.kernels());
        List<KernelEvent> aFirst = aKernels.subList(0, 2 * BLOCK + 50);
        List<KernelEvent> aRest = aKernels.subList(aFirst.size(), aKernels.size());
        Path file = dir.resolve("order.sqlite");
        long idA;
        long idB;
        try (TraceWriter w = TraceWriter.create(file)) {
            w.process(TraceFixtures.PID, "fusescope");
            idA = w.beginRun(a.run());
            idB = w.beginRun(b.run());
            w.kernels(idA, aFirst);
            w.kernels(idB, b.kernels());
            w.kernels(idA, aRest);
            w.endRun(idA, a.run().endNs(), RunStatus.COMPLETE);
            w.endRun(idB, b.run().endNs(), RunStatus.COMPLETE);
        }
        List<KernelEvent> given =
                Stream.of(aFirst, b.kernels(), aRest).flatMap(List::stream).toList();
        List<String> kernelRows = new ArrayList<>();
        List<String> attributionRows = new ArrayList<>();
        for (KernelEvent k : given) {
            kernelRows.add(k.startNs() + " " + k.streamId() + " " + k.correlationId());
            if (k.attribution() != null) {
                long run = aKernels.contains(k) ? idA : idB;
                attributionRows.add(run + " " + k.correlationId() + " " + k.graphNodeId() + " "
                        + k.attribution().step());
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                Statement st = c.createStatement()) {
            assertThat(rows(
                            st,
                            "SELECT " + Kernel.START + " || ' ' || " + Kernel.STREAM_ID + " || ' ' || "
                                    + Kernel.CORRELATION_ID + " FROM " + Kernel.TABLE + " ORDER BY rowid"))
                    .containsExactlyElementsOf(kernelRows);
            assertThat(rows(
                            st,
                            "SELECT " + Attribution.RUN_ID + " || ' ' || " + Attribution.CORRELATION_ID
                                    + " || ' ' || " + Attribution.GRAPH_NODE_ID + " || ' ' || " + Attribution.STEP
                                    + " FROM "
                                    + Attribution.TABLE + " ORDER BY rowid"))
                    .containsExactlyElementsOf(attributionRows);
        }
        try (TraceReader r = TraceReader.open(file)) {
            assertThat(r.load(idA).kernels()).containsExactlyElementsOf(aKernels);
            assertThat(r.load(idB).kernels()).containsExactlyElementsOf(b.kernels());
        }
    }

    private static List<String> rows(Statement st, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
