package org.fusescope.app.properties;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.fusescope.app.data.KernelRef;
import org.fusescope.app.data.OpenRun;
import org.fusescope.app.data.Selection;
import org.fusescope.app.stats.CellFormat;
import org.fusescope.app.timeline.TimeFormat;
import org.fusescope.app.timeline.TimelineData;
import org.fusescope.profiler.analysis.OwnTime;
import org.fusescope.profiler.analysis.TracingCost;
import org.fusescope.profiler.model.ApiCall;
import org.fusescope.profiler.model.KernelAttribution;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.MeasuredKernel;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.store.TimelineColumns;

/**
 * The Properties tool window: the fields of the selected kernel, or of the active run when no
 * kernel is selected. Follows {@link Selection}; use on the FX thread.
 */
public final class PropertiesViewModel {
    private static final String LOADING = "loading …";
    private final ObservableList<PropertyRow> rows = FXCollections.observableArrayList();
    private final Selection selection;

    public PropertiesViewModel(Selection selection) {
        this.selection = selection;
        selection.kernelProperty().addListener((obs, old, now) -> refresh());
        selection.activeRunProperty().addListener((obs, old, now) -> refresh());
        refresh();
    }

    public ObservableList<PropertyRow> rows() {
        return rows;
    }

    /** The value shown for a property name, or null. */
    public String value(String name) {
        return rows.stream()
                .filter(r -> r.name().equals(name))
                .map(PropertyRow::value)
                .findFirst()
                .orElse(null);
    }

    /** Shows the selection again, e.g. once the active run's full trace has loaded. */
    public void refresh() {
        KernelRef kernel = selection.kernel();
        OpenRun run = selection.activeRun();
        rows.setAll(kernel != null ? kernelRows(kernel) : run != null ? runRows(run) : List.of());
    }

    static List<PropertyRow> kernelRows(KernelRef ref) {
        if (!ref.run().traceLoaded()) {
            return timelineRows(ref);
        }
        KernelEvent k = ref.kernel();
        List<PropertyRow> out = new ArrayList<>();
        String c = "Kernel";
        out.add(new PropertyRow(c, "Name", k.name()));
        out.add(new PropertyRow(c, "Demangled name", k.demangledName()));
        out.add(new PropertyRow(c, "Duration", TimeFormat.format(k.durationNs())));
        long wait = OwnTime.waitNs(ref.trace().kernels(), k);
        if (wait > 0) {
            // a programmatic dependent launch: resident before the kernel before it on the stream had ended
            out.add(new PropertyRow(c, "Own time", TimeFormat.format(k.durationNs() - wait)));
            out.add(new PropertyRow(c, "Waiting on the kernel before it", TimeFormat.format(wait)));
        }
        out.add(new PropertyRow(
                c, "Start", TimeFormat.exact(k.startNs() - ref.run().timeline().startNs())));
        out.add(new PropertyRow(c, "Stream", String.valueOf(k.streamId())));
        out.add(new PropertyRow(c, "Correlation id", String.valueOf(k.correlationId())));
        String l = "Launch";
        out.add(new PropertyRow(l, "Grid", String.valueOf(k.grid())));
        out.add(new PropertyRow(l, "Block", String.valueOf(k.block())));
        out.add(new PropertyRow(l, "Registers per thread", String.valueOf(k.registersPerThread())));
        out.add(new PropertyRow(
                l, "Shared memory", CellFormat.bytes(k.staticSharedMemory() + k.dynamicSharedMemory())));
        out.add(new PropertyRow(l, "Graph node", k.graphNodeId() == 0 ? "none" : String.valueOf(k.graphNodeId())));
        int launch = ref.run().timeline().launchOfKernel(ref.index());
        if (launch >= 0) {
            ApiCall call = ref.trace().apiCalls().get(launch);
            out.add(new PropertyRow(l, "Launched by", call.name()));
            out.add(new PropertyRow(l, "Launch to start", TimeFormat.format(k.startNs() - call.startNs())));
        }
        KernelAttribution a = k.attribution();
        if (a != null) {
            String w = "Work";
            out.add(new PropertyRow(w, "Op", a.op()));
            out.add(new PropertyRow(w, "Fusion group", a.fusionGroup()));
            out.add(new PropertyRow(w, "Fused", a.fused() ? "yes" : "no"));
            out.add(new PropertyRow(w, "Layer", String.valueOf(a.layer())));
            out.add(new PropertyRow(w, "Step", String.valueOf(a.step())));
            out.add(new PropertyRow(w, "Bytes moved", CellFormat.bytes(a.bytes())));
            out.add(new PropertyRow(w, "FLOPs", String.format(java.util.Locale.ROOT, "%,d", a.flops())));
            double gbs = k.durationNs() == 0 ? Double.NaN : (double) a.bytes() / k.durationNs();
            out.add(new PropertyRow(w, "Achieved", String.format(java.util.Locale.ROOT, "%.1f GB/s", gbs)));
        }
        MeasuredKernel m = ref.run().recording().measured(ref.run().info().id(), k.startNs());
        if (m != null) {
            out.addAll(MeasuredRows.of(m, a == null ? 0 : a.bytes()));
        }
        return out;
    }

    /** What the timeline's columns know of a kernel, while the run's full trace is still loading. */
    private static List<PropertyRow> timelineRows(KernelRef ref) {
        TimelineData t = ref.run().timeline();
        TimelineColumns.Kernels k = t.columns().kernels();
        int i = ref.index();
        List<PropertyRow> out = new ArrayList<>();
        String c = "Kernel";
        out.add(new PropertyRow(c, "Name", k.name(i)));
        out.add(new PropertyRow(c, "Duration", TimeFormat.format(k.ends()[i] - k.starts()[i])));
        out.add(new PropertyRow(c, "Start", TimeFormat.exact(k.starts()[i] - t.startNs())));
        out.add(new PropertyRow(c, "Stream", String.valueOf(k.streams()[i])));
        out.add(new PropertyRow(c, "Correlation id", String.valueOf(k.correlations()[i])));
        out.add(new PropertyRow(c, "Details", LOADING));
        return out;
    }

    static List<PropertyRow> runRows(OpenRun run) {
        RunInfo r = run.info();
        List<PropertyRow> out = new ArrayList<>();
        String c = "Run";
        out.add(new PropertyRow(c, "Name", r.name()));
        out.add(new PropertyRow(c, "Recording", run.recording().label()));
        out.add(new PropertyRow(c, "Variant", r.variant()));
        out.add(new PropertyRow(c, "Fusions", r.fusions().isEmpty() ? "none" : String.join(", ", r.fusions())));
        out.add(new PropertyRow(c, "Batch", String.valueOf(r.batch())));
        out.add(new PropertyRow(c, "Mode", r.mode()));
        out.add(new PropertyRow(c, "Layers", String.valueOf(r.layers())));
        out.add(new PropertyRow(c, "Status", r.status().word()));
        out.add(new PropertyRow(c, "Origin", r.synthetic() ? "synthetic" : "measured"));
        out.add(new PropertyRow(c, "Kernels", String.valueOf(run.timeline().runKernelCount())));
        out.add(new PropertyRow(
                "Device", "GPU", run.traceLoaded() ? run.trace().device().name() : LOADING));
        TracingCost.Row cost = TracingCost.of(r, run.recording().metadata());
        if (cost != null) {
            String t = "Tracing";
            out.add(new PropertyRow(t, "Trace level", cost.trace()));
            out.add(new PropertyRow(t, "Step timing", cost.stepTiming()));
            out.add(new PropertyRow(t, "Traced step", TimeFormat.format(Math.round(cost.tracedNs()))));
            out.add(new PropertyRow(t, "Untraced step", TimeFormat.format(Math.round(cost.untracedNs()))));
            out.add(new PropertyRow(t, "Tracing overhead", overhead(cost.overhead())));
            if (!Double.isNaN(cost.noCuptiNs())) {
                out.add(new PropertyRow(t, "Step without CUPTI", TimeFormat.format(Math.round(cost.noCuptiNs()))));
                out.add(new PropertyRow(t, "Overhead vs no CUPTI", overhead(cost.overheadVsNoCupti())));
            }
            if (!Double.isNaN(cost.hostNsPerLaunchTraced())) {
                out.add(new PropertyRow(
                        t, "Host per launch, traced", TimeFormat.format(Math.round(cost.hostNsPerLaunchTraced()))));
                out.add(new PropertyRow(
                        t, "Host per launch, untraced", TimeFormat.format(Math.round(cost.hostNsPerLaunchUntraced()))));
            }
        }
        return out;
    }

    /** A tracing overhead (traced over reference, minus one) as a signed percentage, e.g. {@code +4.5 %}. */
    private static String overhead(double fraction) {
        return String.format(java.util.Locale.ROOT, "%+.1f %%", 100 * fraction);
    }
}
