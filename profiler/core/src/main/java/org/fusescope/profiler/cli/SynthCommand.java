package org.fusescope.profiler.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.fusescope.profiler.model.RunTrace;
import org.fusescope.profiler.store.TraceWriter;
import org.fusescope.profiler.synthetic.SyntheticRecording;
import org.fusescope.profiler.synthetic.SyntheticSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fusescope synth OUT}: a synthetic recording, marked synthetic in its runs table. */
@Command(
        name = "synth",
        mixinStandardHelpOptions = true,
        description = {
            "Write a synthetic recording (generated, never measured; marked synthetic) for demos and tests.",
            "Kernel times are modelled on an H100; routing is seeded and skewed."
        })
final class SynthCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OUT.sqlite", description = "The database to create (must not exist).")
    Path output;

    @Option(names = "--preset", defaultValue = "qwen3-next-80b-a3b", description = "qwen3-next-80b-a3b or tiny.")
    String preset;

    @Option(names = "--batches", split = ",", defaultValue = "1,16,64", description = "Decode batch sizes M.")
    List<Integer> batches;

    @Option(names = "--variants", split = ",", defaultValue = "unfused,fused", description = "unfused and/or fused.")
    List<String> variants;

    @Option(names = "--modes", split = ",", defaultValue = "graph,eager", description = "graph and/or eager.")
    List<String> modes;

    @Option(names = "--layers", description = "Decoder layers (default: the preset's).")
    Integer layers;

    @Option(names = "--steps", defaultValue = "3", description = "Decode steps per run.")
    int steps;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the routing and the timing jitter.")
    long seed;

    @Spec
    CommandSpec spec;

    /** The largest decode batch a synthetic run takes (the runner records up to 4096 requests too). */
    static final int MAX_BATCH = 4096;

    /** The most decode steps a synthetic run takes. */
    static final int MAX_STEPS = 100_000;

    @Override
    public Integer call() {
        for (int m : batches) {
            if (m < 1 || m > MAX_BATCH) {
                throw new IllegalArgumentException("--batches: " + m + " is not a batch size; use 1.." + MAX_BATCH);
            }
        }
        if (steps < 1 || steps > MAX_STEPS) {
            throw new IllegalArgumentException("--steps: " + steps + " is not a step count; use 1.." + MAX_STEPS);
        }
        SyntheticSpec base = baseSpec();
        List<RunTrace> runs = SyntheticRecording.generate(base, batches, variants, modes);
        long kernels = 0;
        TraceWriter writer = TraceWriter.create(output);
        try (writer) {
            for (RunTrace run : runs) {
                writer.writeRun(run);
                kernels += run.kernels().size();
            }
        }
        spec.commandLine().getOut().printf("wrote %s: %d synthetic runs, %d kernels%n", output, runs.size(), kernels);
        if (!writer.selfContained()) {
            spec.commandLine()
                    .getOut()
                    .printf(
                            "note: %s was open in a reader at the end, so it stays in WAL mode; keep %s-wal beside it%n",
                            output, output.getFileName());
        }
        return 0;
    }

    private SyntheticSpec baseSpec() {
        SyntheticSpec p =
                switch (preset) {
                    case "qwen3-next-80b-a3b" -> SyntheticSpec.qwen3Next(1, SyntheticSpec.UNFUSED, SyntheticSpec.GRAPH);
                    case "tiny" -> SyntheticSpec.tiny(1, SyntheticSpec.UNFUSED, SyntheticSpec.GRAPH);
                    default -> throw new IllegalArgumentException(
                            "unknown preset '" + preset + "'; presets: qwen3-next-80b-a3b, tiny");
                };
        return new SyntheticSpec(
                seed,
                p.experts(),
                p.topK(),
                p.hidden(),
                p.intermediate(),
                p.sharedAsExpert(),
                layers == null ? p.layers() : layers,
                steps,
                p.batch(),
                p.variant(),
                p.mode(),
                p.startNs(),
                p.runId());
    }
}
