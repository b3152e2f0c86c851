package org.fusescope.app.compare;

import java.util.List;
import java.util.Map;
import org.fusescope.app.data.OpenRun;
import org.fusescope.app.data.Recording;
import org.fusescope.app.data.RecordingService;
import org.fusescope.app.data.Selection;
import org.fusescope.app.timeline.TimelineViewModel;
import org.fusescope.profiler.analysis.AnalysisTables;
import org.fusescope.profiler.analysis.LayerTypeLabels;
import org.fusescope.profiler.analysis.LayerTypeTimes;
import org.fusescope.profiler.analysis.ResultTable;
import org.fusescope.profiler.analysis.RunComparison;

/**
 * The compare editor: two runs (from one or two recordings) on one time scale, counted from each
 * run's first event, with the per-fusion-group table, the step totals, the kernel time per layer type
 * and the numeric checks.
 * Created in the background by {@link #load}; use on the FX thread afterwards.
 */
public final class CompareViewModel {
    private final OpenRun baseline;
    private final OpenRun candidate;
    private final RunComparison comparison;
    private final Map<String, ResultTable> tables;
    private final ResultTable layerTypes;
    private final TimelineViewModel top;
    private final TimelineViewModel bottom;
    private boolean syncing;

    public CompareViewModel(OpenRun baseline, OpenRun candidate, RunComparison comparison, Selection selection) {
        this.baseline = baseline;
        this.candidate = candidate;
        this.comparison = comparison;
        this.tables = AnalysisTables.forComparison(comparison);
        this.layerTypes = LayerTypeTimes.table(LayerTypeTimes.compare(
                baseline.trace(),
                LayerTypeLabels.of(baseline.info(), baseline.recording().metadata()),
                candidate.trace(),
                LayerTypeLabels.of(candidate.info(), candidate.recording().metadata())));
        double span = Math.max(
                baseline.timeline().endNs() - baseline.timeline().startNs(),
                candidate.timeline().endNs() - candidate.timeline().startNs());
        this.top = new TimelineViewModel(baseline, selection, span);
        this.bottom = new TimelineViewModel(candidate, selection, span);
        top.revisionProperty().addListener((obs, o, n) -> follow(top, bottom));
        bottom.revisionProperty().addListener((obs, o, n) -> follow(bottom, top));
    }

    /** Loads both runs and compares them (blocking: call in the background). */
    public static CompareViewModel load(
            RecordingService service,
            Recording baseline,
            long baselineId,
            Recording candidate,
            long candidateId,
            Selection selection) {
        OpenRun a = service.load(baseline, baselineId);
        OpenRun b = service.load(candidate, candidateId);
        return new CompareViewModel(a, b, RunComparison.of(a.trace(), b.trace()), selection);
    }

    // Both timelines show the same offsets from their own run's first event.
    private void follow(TimelineViewModel from, TimelineViewModel to) {
        if (syncing) {
            return;
        }
        syncing = true;
        double offset = from.window().startNs() - from.window().minNs();
        to.window()
                .show(
                        to.window().minNs() + offset,
                        to.window().minNs() + offset + from.window().spanNs());
        to.revisionProperty().set(to.revisionProperty().get() + 1);
        syncing = false;
    }

    public String title() {
        return baseline.trace().run().name() + " ↔ " + candidate.trace().run().name();
    }

    public OpenRun baseline() {
        return baseline;
    }

    public OpenRun candidate() {
        return candidate;
    }

    public RunComparison comparison() {
        return comparison;
    }

    public TimelineViewModel topTimeline() {
        return top;
    }

    public TimelineViewModel bottomTimeline() {
        return bottom;
    }

    /** Per-fusion-group table: launches, GPU time, bytes, Δ and speed-up per step. */
    public ResultTable groups() {
        return tables.get("groups");
    }

    /** Step-total medians of both runs. */
    public ResultTable stepTotals() {
        return tables.get("step-totals");
    }

    /** Kernel time per step by layer type (linear attention, attention, MoE block) in both runs. */
    public ResultTable layerTypes() {
        return layerTypes;
    }

    /** Numeric checks paired across the runs. */
    public ResultTable checks() {
        return tables.get("checks");
    }

    /** The style class of a group row by its Change column: fs-faster, fs-slower, fs-added, fs-removed. */
    public String rowStyle(List<Object> row) {
        int i = 0;
        for (; i < groups().columns().size(); i++) {
            if (groups().columns().get(i).name().equals("Change")) {
                break;
            }
        }
        Object change = i < row.size() ? row.get(i) : null;
        return change == null || "WITHIN_NOISE".equals(change)
                ? null
                : "fs-" + change.toString().toLowerCase(java.util.Locale.ROOT);
    }

    /** One line: the step-time speed-up of the candidate. */
    public String summary() {
        return comparison.stepTotals().stream()
                .filter(m -> m.metric().toLowerCase(java.util.Locale.ROOT).contains("busy"))
                .findFirst()
                .map(m -> String.format(
                        java.util.Locale.ROOT,
                        "GPU busy per step: %.0f ns → %.0f ns (%.2fx)",
                        m.baseline(),
                        m.candidate(),
                        m.speedUp()))
                .orElse("");
    }
}
