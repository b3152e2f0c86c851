package org.fusescope.app.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.fusescope.app.data.KernelRef;
import org.fusescope.app.data.OpenRun;
import org.fusescope.app.data.Recording;
import org.fusescope.app.data.RecordingService;
import org.fusescope.app.data.Selection;
import org.fusescope.app.timeline.TimelineViewModel;
import org.fusescope.profiler.analysis.AnalysisTables;
import org.fusescope.profiler.analysis.ChangeKind;
import org.fusescope.profiler.analysis.GroupComparison;
import org.fusescope.profiler.analysis.LayerTypeLabels;
import org.fusescope.profiler.analysis.LayerTypeTimes;
import org.fusescope.profiler.analysis.ResultTable;
import org.fusescope.profiler.analysis.RunComparison;
import org.fusescope.profiler.analysis.StepMetric;
import org.fusescope.profiler.analysis.StepSpans;
import org.fusescope.profiler.analysis.TracingCost;
import org.fusescope.profiler.analysis.UntracedSpeedUp;
import org.fusescope.profiler.ops.OpMove;

/**
 * The compare editor: two runs (from one or two recordings) on one step-relative time axis (step N of
 * both begins at the same x; zoom and pan follow each other), connectors from each fusion group's
 * kernels in one run to its kernels in the other, the per-group verdicts with their spread, the step
 * totals, the kernel time per layer type and the numeric checks. Selecting a group (a table row, or a
 * kernel in either timeline) highlights its kernels in both runs and zooms to them. Created in the
 * background by {@link #load}; use on the FX thread afterwards.
 */
public final class CompareViewModel {
    /** A line from a kernel of a group in the baseline to one in the candidate (kernel centres, ns). */
    public record Connector(String group, double baselineNs, double candidateNs, boolean selected) {}

    private final OpenRun baseline;
    private final OpenRun candidate;
    private final RunComparison comparison;
    private final Map<String, ResultTable> tables;
    private final ResultTable layerTypes;
    private final TimelineViewModel top;
    private final TimelineViewModel bottom;
    private final GroupKernels baseGroups;
    private final GroupKernels candGroups;
    private final StepAxis axis;
    private final UntracedSpeedUp untraced;
    private final IntegerProperty step = new SimpleIntegerProperty(this, "step", -1);
    private final StringProperty selectedGroup = new SimpleStringProperty(this, "selectedGroup");
    private boolean syncing;
    private ResultTable groupTable;
    private int groupTableStep = Integer.MIN_VALUE;

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
        this.baseGroups = new GroupKernels(baseline.trace());
        this.candGroups = new GroupKernels(candidate.trace());
        this.axis = new StepAxis(baseline.trace(), candidate.trace());
        this.untraced = UntracedSpeedUp.of(
                TracingCost.of(baseline.info(), baseline.recording().metadata()),
                TracingCost.of(candidate.info(), candidate.recording().metadata()));
        double span = Math.max(
                baseline.timeline().endNs() - baseline.timeline().startNs(),
                candidate.timeline().endNs() - candidate.timeline().startNs());
        this.top = new TimelineViewModel(baseline, selection, span);
        this.bottom = new TimelineViewModel(candidate, selection, span);
        top.revisionProperty().addListener((obs, o, n) -> follow(top, bottom));
        bottom.revisionProperty().addListener((obs, o, n) -> follow(bottom, top));
        selection.kernelProperty().addListener((obs, o, ref) -> selectGroupOf(ref));
        if (!axis.steps().isEmpty()) {
            showStep(axis.steps().get(0));
        }
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

    // Both timelines show the same offsets from the start of the chosen step in their own run.
    private void follow(TimelineViewModel from, TimelineViewModel to) {
        if (syncing) {
            return;
        }
        syncing = true;
        double offset = from.window().startNs() - origin(from);
        to.window()
                .show(origin(to) + offset, origin(to) + offset + from.window().spanNs());
        to.revisionProperty().set(to.revisionProperty().get() + 1);
        syncing = false;
    }

    /** Where the time axis of {@code timeline} starts: the chosen step's start, else the run's first event. */
    private double origin(TimelineViewModel timeline) {
        StepSpans.Span span = span(timeline, step.get());
        return span != null ? span.startNs() : timeline.window().minNs();
    }

    private StepSpans.Span span(TimelineViewModel timeline, int n) {
        return timeline == top ? axis.baseline(n) : axis.candidate(n);
    }

    /** The steps both runs have, for the step picker. */
    public List<Integer> steps() {
        return axis.steps();
    }

    /** The step both timelines are aligned at (-1 when the runs share none). */
    public IntegerProperty stepProperty() {
        return step;
    }

    /**
     * Aligns both timelines at the start of step {@code n} and shows that step of the longer run; the
     * selected group stays highlighted, now in this step.
     */
    public void showStep(int n) {
        StepSpans.Span b = axis.baseline(n);
        StepSpans.Span c = axis.candidate(n);
        if (b == null || c == null) {
            return;
        }
        step.set(n);
        // bounds wide enough that equal offsets from the step starts are never clamped in either run
        double before =
                Math.min(top.window().minNs() - b.startNs(), bottom.window().minNs() - c.startNs());
        double after =
                Math.max(top.window().maxNs() - b.startNs(), bottom.window().maxNs() - c.startNs());
        top.window().extend(b.startNs() + before, b.startNs() + after);
        bottom.window().extend(c.startNs() + before, c.startNs() + after);
        double length = Math.max(b.endNs() - b.startNs(), c.endNs() - c.startNs());
        top.window().focus(b.startNs(), b.startNs() + length);
        highlight();
        top.revisionProperty().set(top.revisionProperty().get() + 1);
    }

    /** The selected fusion group, or null. */
    public StringProperty selectedGroupProperty() {
        return selectedGroup;
    }

    /**
     * Selects {@code group}: highlights its kernels of the chosen step in both runs and zooms both
     * timelines to them (for a group only one run has, also to the groups that took its work).
     */
    public void selectGroup(String group) {
        selectedGroup.set(group);
        highlight();
        double[] span = relativeSpan(group);
        if (span != null) {
            top.window().focus(origin(top) + span[0], origin(top) + span[1]);
            top.revisionProperty().set(top.revisionProperty().get() + 1);
        }
    }

    private void selectGroupOf(KernelRef ref) {
        if (ref == null) {
            return;
        }
        String group = ref.run() == baseline
                ? baseGroups.groupOf(ref.index())
                : ref.run() == candidate ? candGroups.groupOf(ref.index()) : null;
        if (group != null && !group.equals(selectedGroup.get())) {
            selectGroup(group);
        }
    }

    private void highlight() {
        String group = selectedGroup.get();
        top.highlight(group == null ? new int[0] : baseGroups.kernels(group, step.get()));
        bottom.highlight(group == null ? new int[0] : candGroups.kernels(group, step.get()));
    }

    /** {start, end} of the group's kernels in the chosen step, relative to the step start, over both runs. */
    private double[] relativeSpan(String group) {
        double start = Double.POSITIVE_INFINITY;
        double end = Double.NEGATIVE_INFINITY;
        for (int k : baseGroups.kernels(group, step.get())) {
            start = Math.min(start, baseGroups.startNs(k) - origin(top));
            end = Math.max(end, baseGroups.endNs(k) - origin(top));
        }
        for (int k : candGroups.kernels(group, step.get())) {
            start = Math.min(start, candGroups.startNs(k) - origin(bottom));
            end = Math.max(end, candGroups.endNs(k) - origin(bottom));
        }
        return start <= end ? new double[] {start, end} : null;
    }

    /**
     * The connectors of the chosen step: from each kernel of a group whose ops differ between the
     * runs (a fusion) to each of its kernels in the other run, and from a removed group's kernels to
     * the kernels that took its work (the op catalog's {@link OpMove}s).
     */
    public List<Connector> connectors() {
        List<Connector> out = new ArrayList<>();
        int n = step.get();
        for (GroupComparison g : comparison.groups()) {
            boolean selected = g.group().equals(selectedGroup.get());
            if (g.change() == ChangeKind.REMOVED) {
                for (String into : movedInto(g.group())) {
                    connect(out, g.group(), baseGroups.kernels(g.group(), n), candGroups.kernels(into, n), selected);
                }
            } else if (!g.baselineOps().equals(g.candidateOps()) && g.change() != ChangeKind.ADDED) {
                connect(out, g.group(), baseGroups.kernels(g.group(), n), candGroups.kernels(g.group(), n), selected);
            }
        }
        return out;
    }

    private List<String> movedInto(String group) {
        List<String> into = new ArrayList<>();
        for (OpMove move : OpMove.values()) {
            String target = move.into().fusionGroup();
            if (move.from().fusionGroup().equals(group)
                    && !into.contains(target)
                    && candGroups.kernels(target, step.get()).length > 0) {
                into.add(target);
            }
        }
        return into;
    }

    private void connect(List<Connector> out, String group, int[] from, int[] to, boolean selected) {
        for (int b : from) {
            for (int c : to) {
                out.add(new Connector(
                        group,
                        (baseGroups.startNs(b) + baseGroups.endNs(b)) / 2.0,
                        (candGroups.startNs(c) + candGroups.endNs(c)) / 2.0,
                        selected));
            }
        }
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

    /**
     * Per-fusion-group verdicts: the verdict, median and IQR of both runs, the change with its
     * interval, the group's time in the chosen step, launches, speed-up and where removed work went.
     */
    public ResultTable groups() {
        if (groupTableStep != step.get()) {
            groupTable = GroupVerdictTable.of(comparison.groups(), baseGroups, candGroups, step.get());
            groupTableStep = step.get();
        }
        return groupTable;
    }

    /** The full per-group table of the command line (bytes, launches saved, Δ interval in ns). */
    public ResultTable groupDetails() {
        return tables.get("groups");
    }

    /** Step-total medians of both runs with their verdicts. */
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

    /** The style class of a group row by its verdict: fs-faster, fs-slower, fs-added, fs-removed, or none. */
    public String rowStyle(List<Object> row) {
        Object verdict = row.get(groups().columns().indexOf(GroupVerdictTable.VERDICT));
        return verdict == null || ChangeKind.WITHIN_NOISE.label().equals(verdict)
                ? null
                : "fs-" + verdict.toString().toLowerCase(Locale.ROOT);
    }

    /** The selected group's verdict with its spread and, for removed work, where it went; empty when none. */
    public String selectedVerdict() {
        return comparison.groups().stream()
                .filter(g -> g.group().equals(selectedGroup.get()))
                .findFirst()
                .map(VerdictText::of)
                .orElse("");
    }

    /**
     * One line: the step times' verdicts, e.g. {@code Step wall: faster — …; GPU busy: within noise — …}, and when
     * both runs were also timed untraced, their speed-up without the tracer's cost ({@link #untraced()}).
     */
    public String summary() {
        String line = "Step wall: " + VerdictText.of(comparison.stepVerdict(StepMetric.WALL)) + "   ·   GPU busy: "
                + VerdictText.of(comparison.stepVerdict(StepMetric.GPU_BUSY));
        return untraced == null ? line : line + "   ·   " + untraced.line();
    }

    /** The candidate's speed-up over the baseline without the tracer's cost, or null when a run has no such time. */
    public UntracedSpeedUp untraced() {
        return untraced;
    }
}
