package org.fusescope.profiler.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fusescope.profiler.analysis.Intervals;
import org.fusescope.profiler.analysis.KernelSummary;
import org.fusescope.profiler.model.RunTrace;
import org.fusescope.profiler.store.TraceReader;
import org.fusescope.profiler.store.TraceWriter;
import org.fusescope.profiler.synthetic.SyntheticSpec;
import org.fusescope.profiler.synthetic.SyntheticTraceGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fusescope bench-store}: kernel rows written per second, and the time to open a database of
 * that many kernels, load its run and compute the kernel summary. CPU work only, so a host clock
 * around it is the right clock; each figure is the median of the repeats.
 */
@Command(
        name = "bench-store",
        mixinStandardHelpOptions = true,
        description = "Benchmark the trace store: write rate, and open + load + summary time of a large database.")
final class BenchStoreCommand implements Callable<Integer> {
    @Option(
            names = "--kernels",
            defaultValue = "1000000",
            description = "Kernels in the database (default: ${DEFAULT-VALUE}).")
    int kernels;

    @Option(
            names = "--repeat",
            defaultValue = "3",
            description = "Repeats; the median is reported (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--dir", description = "Where the databases are written (default: a temporary directory).")
    Path directory;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (kernels < 1 || repeat < 1) {
            throw new IllegalArgumentException("--kernels and --repeat must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path dir =
                directory != null ? Files.createDirectories(directory) : Files.createTempDirectory("fusescope-bench");
        RunTrace trace = traceOf(kernels);
        out.printf(
                Locale.ROOT,
                "synthetic run: %d kernels, %d API calls, %d ranges%n",
                trace.kernels().size(),
                trace.apiCalls().size(),
                trace.ranges().size());
        RunTrace kernelsOnly = withoutExpertCounts(trace);
        double[] kernelWriteSeconds = new double[repeat];
        double[] writeSeconds = new double[repeat];
        double[] openLoadSeconds = new double[repeat];
        double[] summarySeconds = new double[repeat];
        for (int r = 0; r < repeat; r++) {
            Path kernelsFile = dir.resolve("bench-kernels-" + r + ".sqlite");
            kernelWriteSeconds[r] = writeSeconds(kernelsFile, kernelsOnly);
            Files.deleteIfExists(kernelsFile);
            Path file = dir.resolve("bench-" + r + ".sqlite");
            writeSeconds[r] = writeSeconds(file, trace);
            long t1 = System.nanoTime();
            RunTrace loaded;
            try (TraceReader reader = TraceReader.open(file)) {
                loaded = reader.load(reader.runs().get(0).id());
            }
            long t2 = System.nanoTime();
            KernelSummary summary = KernelSummary.of(loaded);
            long t3 = System.nanoTime();
            openLoadSeconds[r] = (t2 - t1) / 1e9;
            summarySeconds[r] = (t3 - t2) / 1e9;
            out.printf(
                    Locale.ROOT,
                    "repeat %d: write kernels only %.2f s, write whole run %.2f s, open+load %.2f s, summary %.2f s"
                            + " (%d kernel names), %.1f MB%n",
                    r + 1,
                    kernelWriteSeconds[r],
                    writeSeconds[r],
                    openLoadSeconds[r],
                    summarySeconds[r],
                    summary.rows().size(),
                    Files.size(file) / 1e6);
            Files.deleteIfExists(file);
        }
        int n = trace.kernels().size();
        out.printf(
                Locale.ROOT,
                "kernel rows written per second (median; each with its attribution and launch row): %.0f%n",
                n / Intervals.median(kernelWriteSeconds));
        out.printf(
                Locale.ROOT,
                "whole run written (median; adds %d expert-count rows of %d experts): %.2f s%n",
                trace.expertCounts().size(),
                trace.expertCounts().isEmpty() ? 0 : trace.expertCounts().get(0).experts(),
                Intervals.median(writeSeconds));
        out.printf(Locale.ROOT, "open + load %d kernels (median): %.2f s%n", n, Intervals.median(openLoadSeconds));
        out.printf(Locale.ROOT, "kernel summary of %d kernels (median): %.2f s%n", n, Intervals.median(summarySeconds));
        return 0;
    }

    private static double writeSeconds(Path file, RunTrace trace) throws IOException {
        Files.deleteIfExists(file);
        long t0 = System.nanoTime();
        try (TraceWriter writer = TraceWriter.create(file)) {
            writer.writeRun(trace);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static RunTrace withoutExpertCounts(RunTrace t) {
        return new RunTrace(
                t.run(),
                t.device(),
                t.kernels(),
                t.apiCalls(),
                t.memcpys(),
                t.memsets(),
                t.syncs(),
                t.ranges(),
                List.of(),
                t.checks(),
                t.problems(),
                t.threadNames());
    }

    /** A fused graph-mode Qwen3-Next run with enough steps for at least {@code wanted} kernels. */
    static RunTrace traceOf(int wanted) {
        SyntheticSpec one = SyntheticSpec.qwen3Next(64, SyntheticSpec.FUSED, SyntheticSpec.GRAPH);
        int perStep = SyntheticTraceGenerator.generate(one.withSize(one.layers(), 1))
                .kernels()
                .size();
        return SyntheticTraceGenerator.generate(one.withSize(one.layers(), (wanted + perStep - 1) / perStep));
    }
}
