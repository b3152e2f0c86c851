package org.fusescope.profiler.store;

import java.nio.file.Path;
import java.util.Random;
import org.fusescope.profiler.model.RunStatus;
import org.fusescope.profiler.model.RunTrace;

/**
 * Child process of {@link StoreCrashTest}: begins a run, writes and flushes kernels, queues more
 * without flushing, then halts the JVM mid-run as a CUDA fault would.
 * Args: file, kernels to flush, seed.
 */
public final class CrashingWriterMain {
    private CrashingWriterMain() {}

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Random rnd = new Random(Long.parseLong(args[2]));
        RunTrace t = TraceFixtures.trace(
                rnd,
                TraceFixtures.run(rnd, "crashing run", 0, 1, RunStatus.INCOMPLETE),
                TraceFixtures.device(rnd, 0),
                n,
                0);
        TraceWriter w = TraceWriter.create(file);
        w.device(t.device());
        long id = w.beginRun(t.run());
        w.apiCalls(t.apiCalls());
        w.kernels(id, t.kernels());
        w.flush();
        w.kernels(id, t.kernels().subList(0, 10)); // queued, never committed
        System.out.println("flushed " + n);
        System.out.flush();
        Runtime.getRuntime().halt(1);
    }
}
