package org.fusescope.profiler.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fusescope.profiler.analysis.AnalysisTables;
import org.fusescope.profiler.analysis.LayerTypeLabels;
import org.fusescope.profiler.analysis.LayerTypeTimes;
import org.fusescope.profiler.analysis.RegressionGate;
import org.fusescope.profiler.analysis.ResultTable;
import org.fusescope.profiler.analysis.RunComparison;
import org.fusescope.profiler.analysis.StepMetric;
import org.fusescope.profiler.analysis.TracingCost;
import org.fusescope.profiler.analysis.UntracedSpeedUp;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunTrace;
import org.fusescope.profiler.store.TraceReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fusescope compare}: run B against run A, per op group, with step totals and numeric checks. */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = {
            "Compare runs per op group (unfused kernels against the fused kernel that replaced them).",
            "With one database, --runs A,B picks baseline A and candidate B; with two, A comes from the first"
                    + " and B from the second. Without --runs each fused run is paired with the unfused run of"
                    + " the same batch, mode and layers.",
            "Each group and step time gets a verdict from its spread over the steps: faster or slower only"
                    + " when the 95 %% bootstrap interval of the change of the medians excludes zero and the"
                    + " change passes 3 %% and 200 ns per step, else within noise.",
            "Exit status: 0; 3 with --fail-above when a candidate's median step time is worse beyond the"
                    + " noise by more than PCT; 1 on errors; 2 on usage errors."
        })
final class CompareCommand implements Callable<Integer> {
    /** The exit status when --fail-above finds a candidate slower than allowed. */
    static final int REGRESSION = 3;

    private static final List<String> SECTIONS =
            List.of("verdicts", "groups", "step-totals", "layer-types", "checks", "tracing", "untraced", "fail-above");

    @Parameters(arity = "1..2", paramLabel = "DB", description = "One database, or baseline and candidate databases.")
    List<Path> databases;

    @Option(names = "--runs", paramLabel = "A,B", split = ",", description = "Baseline and candidate run (id or name).")
    List<String> runs = new ArrayList<>();

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(
            names = "--section",
            split = ",",
            paramLabel = "S",
            description = "Tables: verdicts (per step time and group: verdict, median and IQR of both runs, change"
                    + " with its 95 %% interval, where removed work went), groups, step-totals, layer-types (kernel"
                    + " time per step by layer type), checks, tracing (traced vs untraced step time of each run),"
                    + " untraced (the speed-up of the step times without CUPTI, or with it paused, beside the traced"
                    + " one), fail-above (the --fail-above check) (default: all; groups for csv).")
    List<String> sections = new ArrayList<>();

    @Option(
            names = "--fail-above",
            paramLabel = "PCT",
            description = "Exit with status 3 when a candidate's median step time is worse than its baseline's"
                    + " by more than PCT percent beyond the noise (the lower end of the 95 %% interval of the"
                    + " change is above PCT), else 0. For CI.")
    Double failAbove;

    @Option(
            names = "--fail-metric",
            paramLabel = "M",
            defaultValue = "wall",
            description = "The step time --fail-above checks: wall (step start to last kernel end) or gpu-busy"
                    + " (union of the step's kernels) (default: ${DEFAULT-VALUE}).")
    String failMetric;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<String> keys = chosenSections();
        if (!runs.isEmpty() && runs.size() != 2) {
            throw new IllegalArgumentException("--runs takes two runs, baseline and candidate, e.g. --runs 1,2");
        }
        StepMetric gateMetric = stepMetric(failMetric);
        if (failAbove != null && !(failAbove >= 0 && failAbove < Double.POSITIVE_INFINITY)) {
            throw new ParameterException(spec.commandLine(), "--fail-above takes a percentage >= 0, not " + failAbove);
        }
        List<RegressionGate> gates = new ArrayList<>();
        Path baselineFile = databases.get(0);
        Path candidateFile = databases.get(databases.size() - 1);
        List<Section> out = new ArrayList<>();
        try (TraceReader baseline = TraceReader.open(baselineFile);
                TraceReader second = databases.size() == 1 ? null : TraceReader.open(candidateFile)) {
            TraceReader candidate = second == null ? baseline : second;
            DataWarnings.print(spec.commandLine().getErr(), baseline);
            if (second != null) {
                DataWarnings.print(spec.commandLine().getErr(), second);
            }
            List<RunInfo[]> pairs = runs.isEmpty()
                    ? RunPairing.pair(baseline.runs(), candidate.runs(), baselineFile, candidateFile)
                    : List.<RunInfo[]>of(new RunInfo[] {
                        baseline.run(runs.get(0).trim()),
                        candidate.run(runs.get(1).trim())
                    });
            Map<String, String> baselineMetadata = baseline.metadata();
            Map<String, String> candidateMetadata = candidate.metadata();
            for (RunInfo[] pair : pairs) {
                RunTrace base = baseline.load(pair[0].id());
                RunTrace cand = candidate.load(pair[1].id());
                RunComparison comparison = RunComparison.of(base, cand);
                Map<String, ResultTable> tables = new LinkedHashMap<>(AnalysisTables.forComparison(comparison));
                tables.put(
                        "layer-types",
                        LayerTypeTimes.table(LayerTypeTimes.compare(
                                base,
                                LayerTypeLabels.of(pair[0], baselineMetadata),
                                cand,
                                LayerTypeLabels.of(pair[1], candidateMetadata))));
                TracingCost.Row baseCost = TracingCost.of(pair[0], baselineMetadata);
                TracingCost.Row candCost = TracingCost.of(pair[1], candidateMetadata);
                if (baseCost != null || candCost != null) {
                    tables.put("tracing", TracingCost.table(java.util.Arrays.asList(baseCost, candCost)));
                }
                UntracedSpeedUp untraced = UntracedSpeedUp.of(baseCost, candCost);
                if (untraced != null) {
                    tables.put("untraced", untraced.table());
                }
                String subject = pair[0].name() + " -> " + pair[1].name();
                if (failAbove != null) {
                    RegressionGate gate = RegressionGate.of(subject, comparison, gateMetric, failAbove);
                    gates.add(gate);
                    tables.put("fail-above", RegressionGate.table(List.of(gate)));
                }
                for (String key : keys) {
                    if (tables.containsKey(key)) {
                        out.add(new Section(subject, key, tables.get(key)));
                    }
                }
            }
        }
        TableOutput.print(spec.commandLine().getOut(), format, out);
        boolean failed = false;
        for (RegressionGate gate : gates) {
            spec.commandLine().getErr().println("fusescope: --fail-above " + TerminalText.safe(gate.message()));
            failed |= gate.failed();
        }
        spec.commandLine().getErr().flush();
        return failed ? REGRESSION : 0;
    }

    private StepMetric stepMetric(String name) {
        for (StepMetric metric : List.of(StepMetric.WALL, StepMetric.GPU_BUSY)) {
            if (metric.optionName().equals(name.trim())) {
                return metric;
            }
        }
        throw new ParameterException(spec.commandLine(), "--fail-metric takes wall or gpu-busy, not '" + name + "'");
    }

    private List<String> chosenSections() {
        if (sections.isEmpty()) {
            return format == OutputFormat.CSV ? List.of("groups") : SECTIONS;
        }
        for (String key : sections) {
            if (!SECTIONS.contains(key)) {
                throw new IllegalArgumentException(
                        "unknown section '" + key + "'; sections: " + String.join(", ", SECTIONS));
            }
        }
        return sections;
    }
}
