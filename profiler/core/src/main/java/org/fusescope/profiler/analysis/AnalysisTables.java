package org.fusescope.profiler.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fusescope.profiler.model.RunTrace;

/**
 * Every analysis table of a run, or of a comparison, under a stable short key (used as CSV file
 * names and JSON keys). Stateless and thread-safe.
 */
public final class AnalysisTables {
    /** Grouped-GEMM tile height the padding waste is computed for when none is given. */
    public static final int DEFAULT_TILE_HEIGHT = 16;

    private AnalysisTables() {}

    /**
     * The tables of one run in report order: {@code summary}, {@code steps}, {@code step-summary},
     * {@code ranges}, {@code experts}, {@code expert-layers}, {@code roofline}.
     */
    public static Map<String, ResultTable> forRun(RunTrace trace, int tileHeight) {
        Map<String, ResultTable> tables = new LinkedHashMap<>();
        tables.put("summary", KernelSummary.of(trace).toTable());
        StepTotals steps = StepTotals.of(trace);
        tables.put("steps", steps.toTable());
        tables.put("step-summary", steps.summaryTable());
        tables.put("ranges", RangeProjection.of(trace).toTable());
        ExpertLoad load = ExpertLoad.of(trace, tileHeight);
        tables.put("experts", load.toTable());
        tables.put("expert-layers", load.layerTable());
        tables.put("roofline", Roofline.of(trace).toTable());
        return tables;
    }

    /** The keys {@link #forRun} uses, in order. */
    public static List<String> runSections() {
        return List.of("summary", "steps", "step-summary", "ranges", "experts", "expert-layers", "roofline");
    }

    /** The tables of a comparison: {@code verdicts}, {@code groups}, {@code step-totals}, {@code checks}. */
    public static Map<String, ResultTable> forComparison(RunComparison comparison) {
        List<ResultTable> main = comparison.toTables();
        Map<String, ResultTable> tables = new LinkedHashMap<>();
        tables.put("verdicts", comparison.verdictsTable());
        tables.put("groups", main.get(0));
        tables.put("step-totals", main.get(1));
        tables.put("checks", comparison.checksTable());
        return tables;
    }
}
