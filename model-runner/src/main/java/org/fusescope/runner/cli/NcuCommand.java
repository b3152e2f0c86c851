package org.fusescope.runner.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.fusescope.profiler.cli.TraceCli;
import org.fusescope.profiler.ncu.NcuMetric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fusescope ncu --out OUT.sqlite -- RUN OPTIONS}: records the run (traced, as {@code run} does),
 * runs it again in a child process under Nsight Compute with CUPTI left to ncu ({@code --trace none}) and its
 * steps timed direct ({@code --step-timing direct}: ncu waits for each kernel inside its launch, which a gated
 * step would hold forever), and writes OUT with ncu's counters attached to each run's last step
 * ({@code ncu-import}).
 */
@Command(
        name = "ncu",
        mixinStandardHelpOptions = true,
        description = {
            "Record a run, profile it again under Nsight Compute (ncu) in a child process, and store ncu's counters",
            "(duration, DRAM bytes, DRAM/SM throughput, occupancy, L2 hit rate) per kernel of the last step.",
            "Example: fusescope ncu --out m16.sqlite -- --preset qwen3-next-80b-a3b --batch 16 --mode eager"
        })
final class NcuCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "OUT.sqlite", description = "The database to create.")
    Path output;

    @Option(
            names = "--ncu",
            paramLabel = "PATH",
            description = "The ncu to use (default: found on " + NcuLocator.WHERE + ").")
    Path ncu;

    @Parameters(paramLabel = "RUN-OPTION", description = "Options of `fusescope run` (after --), without --out.")
    List<String> runOptions = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (runOptions.stream().anyMatch(o -> CHOSEN_HERE.contains(o.replaceFirst("=.*", "")))) {
            throw new IllegalArgumentException(
                    "give --out to ncu, not to the run; the run's --trace and --step-timing are chosen by ncu");
        }
        if (Files.exists(output)) {
            throw new IllegalArgumentException(output + ": already exists; a trace file is never overwritten");
        }
        Path tool = ncu != null
                ? ncu
                : NcuLocator.find()
                        .orElseThrow(() -> new IllegalArgumentException("ncu: not found on " + NcuLocator.WHERE
                                + "; install Nsight Compute or pass --ncu PATH"));
        if (!Files.isExecutable(tool)) {
            throw new IllegalArgumentException(tool + ": not an executable ncu");
        }
        Path work = Files.createTempDirectory(output.toAbsolutePath().getParent(), ".ncu-");
        PrintWriter out = spec.commandLine().getOut();
        try {
            Path traced = work.resolve("traced.sqlite");
            child(out, "record", runCommand(traced, RECORDED), work.resolve("record.log"));
            Path csv = work.resolve("ncu.csv");
            List<String> profiled = new ArrayList<>(List.of(
                    tool.toString(),
                    "--target-processes",
                    "all",
                    "--csv",
                    "--page",
                    "raw",
                    // not the run's copy-bandwidth calibration: 1 GiB copies, slow to replay, in no run
                    "--kernel-name",
                    CALIBRATION_EXCLUDED,
                    "--metrics",
                    NcuMetric.ncuList()));
            profiled.addAll(runCommand(work.resolve("untraced.sqlite"), PROFILED));
            child(out, "ncu", profiled, csv);
            int status = TraceCli.commandLine(out, spec.commandLine().getErr())
                    .execute("ncu-import", traced.toString(), "--csv", csv.toString(), "--out", output.toString());
            return status;
        } finally {
            ChildRun.deleteTree(work);
        }
    }

    /** ncu's kernel filter: every kernel but the copy-bandwidth calibration's {@code copy_kernel}. */
    static final String CALIBRATION_EXCLUDED = "regex:^(?!copy_kernel$).*";

    /** Run options this command sets itself. */
    private static final List<String> CHOSEN_HERE = List.of("--out", "--trace", "--step-timing");

    /** How the recorded child runs: traced, its steps timed as {@code run} times them by default. */
    static final List<String> RECORDED = List.of("--trace", "full");

    /**
     * How the child under ncu runs: CUPTI left to ncu, steps timed direct (the child would choose direct under ncu
     * by itself, from {@code CUDA_INJECTION64_PATH}; said here so that it never depends on that).
     */
    static final List<String> PROFILED = List.of("--trace", "none", "--step-timing", "direct");

    /** This JVM running {@code fusescope run OPTIONS SETTINGS --out OUT}. */
    List<String> runCommand(Path out, List<String> settings) {
        return ChildRun.command(runOptions, settings, out);
    }

    private static void child(PrintWriter out, String what, List<String> command, Path log)
            throws IOException, InterruptedException {
        ChildRun.run(out, "fusescope ncu", what, command, log);
    }
}
