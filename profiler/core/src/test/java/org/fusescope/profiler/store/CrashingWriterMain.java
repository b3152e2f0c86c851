package org.fusescope.profiler.store;

import java.nio.file.Path;
import java.util.Random;
import org.fusescope.profiler.model.RunStatus;
import org.fusescope.profiler.model.RunTrace;

/**
 * Child process of {@link StoreCrashTest}: begins a run, writes and flushes kernels before any of
 * their API calls (so launches are synthesized at that commit), then gives the first half of the
 * calls (which must replace those launches, not add rows) and flushes, queues more kernels without
 * flushing, then halts the JVM mid-run as a CUDA fault would. The calls of the second half never
 * come. Args: file, kernels to flush, seed.
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
        w.process(TraceFixtures.PID, "runner");
        t.threadNames().forEach(w::threadName);
        w.device(t.device());
        long id = w.beginRun(t.run());
        w.kernels(id, t.kernels());
        w.flush();
        w.apiCalls(t.apiCalls().subList(0, t.apiCalls().size() / 2));
        w.flush();
        w.kernels(id, t.kernels().subList(0, 10)); // queued, never committed
        System.out.println("flushed " + n);
        System.out.flush();
        Runtime.getRuntime().halt(1);
    }
}
