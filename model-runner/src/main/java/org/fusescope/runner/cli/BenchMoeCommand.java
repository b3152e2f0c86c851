package org.fusescope.runner.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fusescope.profiler.model.DeviceInfo;
import org.fusescope.profiler.store.TraceReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fusescope bench moe}: records the MoE block unfused and fused, eager and graph, at every
 * batch (a {@code fusescope run}), then tabulates the step times against the floor and the anchors.
 */
@Command(
        name = "moe",
        mixinStandardHelpOptions = true,
        description = {
            "Record the MoE block (fusescope run) at several batches and tabulate unfused vs fused step times"
                    + " against the weight-streaming floor and the anchors (LightLLM and PyTorch on an H100, 2026-12-06).",
            "With --from, tabulate an existing recording instead (no GPU needed)."
        })
final class BenchMoeCommand implements Callable<Integer> {
    @Option(names = "--preset", defaultValue = "qwen3-next-80b-a3b", description = "The model preset.")
    String preset;

    @Option(names = "--batch", split = ",", defaultValue = "1,4,16,64,256", description = "Batches M.")
    List<Integer> batches;

    @Option(names = "--iters", defaultValue = "50", description = "Measured steps per run.")
    int iters;

    @Option(names = "--warmup", defaultValue = "5", description = "Warm-up steps per run.")
    int warmup;

    @Option(names = "--db", paramLabel = "FILE", description = "Keep the recording here (default: a temp file).")
    Path db;

    @Option(names = "--from", paramLabel = "DB", description = "Tabulate this recording; record nothing.")
    Path from;

    @Option(names = "--out", paramLabel = "FILE.md", description = "Also write the table as Markdown.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path recording = from != null ? from : record();
        List<String> lines = new ArrayList<>();
        try (TraceReader reader = TraceReader.open(recording)) {
            DeviceInfo d = reader.devices().get(0);
            lines.add(String.format(
                    Locale.ROOT,
                    "Card: %s (%d SMs), measured copy bandwidth %.0f GB/s; table made %s from %s.",
                    d.name(),
                    d.smCount(),
                    d.referenceBandwidthBytesPerSec() / 1e9,
                    LocalDate.now(ZoneOffset.UTC),
                    recording.getFileName()));
            lines.add("");
            lines.addAll(MoeBenchTable.markdown(reader));
        }
        PrintWriter w = spec.commandLine().getOut();
        lines.forEach(w::println);
        w.flush();
        if (out != null) {
            Files.write(out, lines, StandardCharsets.UTF_8);
        }
        return 0;
    }

    private Path record() throws IOException {
        Path file = db;
        if (file == null) {
            Path dir = Files.createTempDirectory("fusescope-bench-moe");
            file = dir.resolve("moe.sqlite");
            dir.toFile().deleteOnExit();
            file.toFile().deleteOnExit();
        }
        List<String> args = new ArrayList<>(List.of(
                "run",
                "--preset",
                preset,
                "--variants",
                "unfused,fused",
                "--mode",
                "graph,eager",
                "--iters",
                "" + iters,
                "--warmup",
                "" + warmup,
                "--out",
                file.toString()));
        args.add("--batch");
        args.add(String.join(",", batches.stream().map(String::valueOf).toList()));
        int exit = FuseScopeCli.commandLine(
                        spec.commandLine().getOut(), spec.commandLine().getErr())
                .execute(args.toArray(String[]::new));
        if (exit != 0) {
            throw new IllegalStateException("the recording failed (fusescope run exit " + exit + "); see above");
        }
        return file;
    }
}
