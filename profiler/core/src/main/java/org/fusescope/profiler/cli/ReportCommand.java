package org.fusescope.profiler.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fusescope.profiler.analysis.AnalysisTables;
import org.fusescope.profiler.analysis.KernelWaits;
import org.fusescope.profiler.analysis.MeasuredBytes;
import org.fusescope.profiler.analysis.ResultTable;
import org.fusescope.profiler.analysis.Roofline;
import org.fusescope.profiler.analysis.TracingCost;
import org.fusescope.profiler.model.MeasuredKernel;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunTrace;
import org.fusescope.profiler.store.TraceReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fusescope report DB}: the analysis tables of one or all runs. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Print the kernel summary, step totals, range projection, expert load and roofline of runs.")
final class ReportCommand implements Callable<Integer> {
    /** The tracing-cost section: runs recorded by the runner only. */
    static final String TRACING = "tracing";

    /** Nsight Compute's counters beside the model: runs with imported ncu metrics only. */
    static final String NCU = "ncu";

    /** Kernels that waited on the kernel before them (programmatic launches): runs that have any only. */
    static final String WAITS = "waits";

    @Parameters(index = "0", paramLabel = "DB", description = "A FuseScope or nsys-exported .sqlite file.")
    Path database;

    @Option(
            names = "--run",
            paramLabel = "R",
            split = ",",
            description = "Run id or exact name (repeatable or comma-separated); all runs when absent.")
    List<String> runs = new ArrayList<>();

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(
            names = "--section",
            split = ",",
            paramLabel = "S",
            description = "Tables to print: summary, steps, step-summary, ranges, experts, expert-layers, roofline"
                    + ", tracing, ncu, waits (default: all; summary for csv).")
    List<String> sections = new ArrayList<>();

    @Option(
            names = "--tile",
            defaultValue = "16",
            description = "Grouped-GEMM tile height for the padding waste (default: ${DEFAULT-VALUE}).")
    int tileHeight;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<String> keys = chosenSections();
        List<Section> out = new ArrayList<>();
        try (TraceReader reader = TraceReader.open(database)) {
            DataWarnings.print(spec.commandLine().getErr(), reader);
            Map<String, String> metadata = reader.metadata();
            for (RunInfo run : RunSelection.select(reader, runs)) {
                RunTrace trace = reader.load(run.id());
                Map<String, ResultTable> tables = new LinkedHashMap<>(AnalysisTables.forRun(trace, tileHeight));
                TracingCost.Row cost = TracingCost.of(run, metadata);
                if (cost != null) {
                    tables.put(TRACING, TracingCost.table(List.of(cost)));
                }
                List<KernelWaits.Row> waits = KernelWaits.of(trace);
                if (!waits.isEmpty()) {
                    tables.put(WAITS, KernelWaits.table(waits));
                }
                List<MeasuredKernel> measured = reader.measuredKernels(run.id());
                if (!measured.isEmpty()) {
                    tables.put(NCU, MeasuredBytes.table(trace, measured));
                    tables.put("roofline", Roofline.of(trace, measured).toTable());
                }
                for (String key : keys) {
                    if (tables.containsKey(key)) {
                        out.add(new Section(run.name(), key, tables.get(key)));
                    }
                }
            }
        }
        TableOutput.print(spec.commandLine().getOut(), format, out);
        return 0;
    }

    private List<String> chosenSections() {
        if (tileHeight < 1) {
            throw new IllegalArgumentException("--tile must be at least 1, not " + tileHeight);
        }
        List<String> known = new ArrayList<>(AnalysisTables.runSections());
        known.add(TRACING);
        known.add(NCU);
        known.add(WAITS);
        if (sections.isEmpty()) {
            return format == OutputFormat.CSV ? List.of("summary") : known;
        }
        for (String key : sections) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException(
                        "unknown section '" + key + "'; sections: " + String.join(", ", known));
            }
        }
        return sections;
    }
}
