package org.fusescope.profiler.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.RunStatus;
import org.fusescope.profiler.model.RunTrace;

/** Throwaway measurement, not a test: write rate of kernel + attribution rows, and load time. Arg: kernels. */
public final class StoreBenchmarkMain {
    private StoreBenchmarkMain() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Random rnd = new Random(1);
        RunTrace t = TraceFixtures.trace(
                rnd, TraceFixtures.run(rnd, "bench", 0, 1, RunStatus.INCOMPLETE), TraceFixtures.device(rnd, 0), n, 0);
        long attributed =
                t.kernels().stream().filter(KernelEvent::hasAttribution).count();
        for (int round = 0; round < 2; round++) {
            Path dir = Files.createTempDirectory("fsbench");
            Path file = dir.resolve("bench.sqlite");
            TraceWriter w = TraceWriter.create(file);
            long id = w.beginRun(t.run());
            w.apiCalls(t.apiCalls());
            w.flush();
            long t0 = System.nanoTime();
            List<KernelEvent> ks = t.kernels();
            for (int i = 0; i < ks.size(); i += 10_000) {
                w.kernels(id, ks.subList(i, Math.min(ks.size(), i + 10_000)));
            }
            w.flush();
            long t1 = System.nanoTime();
            w.endRun(id, Long.MAX_VALUE, RunStatus.COMPLETE);
            w.close();
            long t2 = System.nanoTime();
            double s = (t1 - t0) / 1e9;
            System.out.printf(
                    "round %d: %d kernels (+%d attribution rows) in %.2f s = %.0f kernels/s, %.0f rows/s;"
                            + " close %.2f s; file %d MB%n",
                    round, n, attributed, s, n / s, (n + attributed) / s, (t2 - t1) / 1e9, Files.size(file) >> 20);
            long t3 = System.nanoTime();
            try (TraceReader r = TraceReader.open(file)) {
                RunTrace back = r.load(id);
                long t4 = System.nanoTime();
                System.out.printf(
                        "  load: %d kernels, %d api calls in %.2f s%n",
                        back.kernels().size(), back.apiCalls().size(), (t4 - t3) / 1e9);
            }
            Files.delete(file);
            Files.delete(dir);
        }
    }
}
