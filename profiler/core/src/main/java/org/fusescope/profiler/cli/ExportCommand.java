package org.fusescope.profiler.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fusescope.profiler.analysis.AnalysisTables;
import org.fusescope.profiler.analysis.CsvTableRenderer;
import org.fusescope.profiler.analysis.ResultTable;
import org.fusescope.profiler.analysis.RunComparison;
import org.fusescope.profiler.export.ChromeTraceExporter;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunTrace;
import org.fusescope.profiler.store.TraceReader;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fusescope export DB}: Chrome trace JSON, or every analysis table as CSV. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Export runs as Chrome trace JSON (Perfetto, chrome://tracing) or their analysis tables as CSV.")
final class ExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DB", description = "A FuseScope or nsys-exported .sqlite file.")
    Path database;

    @ArgGroup(multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--chrome", paramLabel = "OUT.json", description = "Write a Chrome trace JSON file.")
        Path chrome;

        @Option(names = "--csv", paramLabel = "DIR", description = "Write every analysis table as CSV into DIR.")
        Path csvDirectory;
    }

    @Option(
            names = "--run",
            paramLabel = "R",
            split = ",",
            description = "Runs to export (id or name); all by default.")
    List<String> runs = new ArrayList<>();

    @Option(names = "--tile", defaultValue = "16", description = "Grouped-GEMM tile height for the padding waste.")
    int tileHeight;

    @Option(names = "--force", description = "Replace outputs that exist (never the input database).")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (target.chrome != null) {
            OutputFiles.check(target.chrome, force, database);
        } else {
            checkCsvDirectory();
        }
        try (TraceReader reader = TraceReader.open(database)) {
            DataWarnings.print(spec.commandLine().getErr(), reader);
            List<RunInfo> chosen = RunSelection.select(reader, runs);
            if (target.chrome != null) {
                List<RunTrace> traces = new ArrayList<>();
                for (RunInfo run : chosen) {
                    traces.add(reader.load(run.id()));
                }
                OutputFiles.write(target.chrome, json -> ChromeTraceExporter.write(traces, json));
                out.println("wrote " + target.chrome + " (" + traces.size() + " runs)");
            } else {
                int files = writeCsv(reader, chosen);
                out.println("wrote " + files + " CSV files into " + target.csvDirectory);
            }
        }
        return 0;
    }

    private void checkCsvDirectory() throws IOException {
        Path dir = target.csvDirectory;
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": is a file, not a folder for the CSV tables");
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IllegalArgumentException(dir + ": its folder " + parent + " does not exist");
        }
    }

    private int writeCsv(TraceReader reader, List<RunInfo> chosen) throws IOException {
        Files.createDirectories(target.csvDirectory);
        int files = 0;
        List<RunTrace> traces = new ArrayList<>();
        for (RunInfo run : chosen) {
            RunTrace trace = reader.load(run.id());
            traces.add(trace);
            files += writeAll(FileNames.slug(run.id() + " " + run.name()), AnalysisTables.forRun(trace, tileHeight));
        }
        for (RunInfo[] pair : RunPairing.pairsIfAny(chosen)) {
            RunComparison comparison = RunComparison.of(find(traces, pair[0]), find(traces, pair[1]));
            String stem = "compare-" + FileNames.slug(pair[0].id() + "-vs-" + pair[1].id());
            files += writeAll(stem, AnalysisTables.forComparison(comparison));
        }
        return files;
    }

    private int writeAll(String stem, Map<String, ResultTable> tables) throws IOException {
        for (Map.Entry<String, ResultTable> table : tables.entrySet()) {
            Path file = target.csvDirectory.resolve(stem + "." + table.getKey() + ".csv");
            OutputFiles.check(file, force, database);
            byte[] csv = CsvTableRenderer.render(table.getValue()).getBytes(StandardCharsets.UTF_8);
            OutputFiles.write(file, o -> o.write(csv));
        }
        return tables.size();
    }

    private static RunTrace find(List<RunTrace> traces, RunInfo run) {
        return traces.stream().filter(t -> t.run().id() == run.id()).findFirst().orElseThrow();
    }
}
