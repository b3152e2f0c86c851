package org.fusescope.app.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.fusescope.app.data.KernelRef;
import org.fusescope.app.data.OpenRun;
import org.fusescope.app.data.Selection;
import org.fusescope.profiler.store.TimelineColumns;

/**
 * State and commands of one timeline editor: the visible window, zoom and pan, hit tests, search,
 * and the kernel selection it shares through {@link Selection}. Plot coordinates are pixels from
 * the left edge of the plot (right of the row headers). Use on the FX thread.
 */
public final class TimelineViewModel {
    private static final double ZOOM_STEP = 0.8;
    private static final double PAN_STEP = 0.15;

    private final OpenRun run;
    private final Selection selection;
    private final TimeWindow window;
    private TimelineData data;
    private TimelineLayout layout;
    private final IntegerProperty revision = new SimpleIntegerProperty(this, "revision");
    private final List<Integer> found = new ArrayList<>();
    private int foundAt = -1;
    private int[] highlighted = new int[0];

    public TimelineViewModel(OpenRun run, Selection selection) {
        this(run, selection, 0);
    }

    /**
     * A timeline whose window may extend {@code minSpanNs} past the run's start, so that runs of
     * different lengths show on one time scale (the compare editor).
     */
    public TimelineViewModel(OpenRun run, Selection selection, double minSpanNs) {
        this.run = run;
        this.selection = selection;
        this.data = run.timeline();
        this.window = new TimeWindow(data.startNs(), Math.max(data.endNs(), data.startNs() + minSpanNs));
        this.layout = new TimelineLayout(data.lanes());
        selection.kernelProperty().addListener((obs, old, now) -> changed());
        selection.revealRequestsProperty().addListener((obs, old, now) -> revealSelection());
    }

    public OpenRun run() {
        return run;
    }

    /**
     * The lanes this editor draws: the run's timeline as of the last {@link #refreshTimeline()}, so
     * that lane indices stay consistent with {@link #layout()} between frames.
     */
    public TimelineData data() {
        return data;
    }

    /**
     * Takes the run's current timeline (e.g. the CPU and range rows that arrived after the GPU
     * rows): lays out its rows again, widens the time bounds to take them in, and redraws. Call on
     * the FX thread; does nothing when the timeline has not changed.
     */
    public void refreshTimeline() {
        TimelineData now = run.timeline();
        if (now == data) {
            return;
        }
        data = now;
        layout = new TimelineLayout(now.lanes());
        window.extend(now.startNs(), now.endNs());
        changed();
    }

    /**
     * The view has drawn a frame: a run opened on an overview of its kernels starts reading them now
     * (see {@link OpenRun#startReading()}).
     */
    public void drawn() {
        run.startReading();
    }

    public TimeWindow window() {
        return window;
    }

    public TimelineLayout layout() {
        return layout;
    }

    /** Counts changes of anything drawn; the view redraws when it changes. */
    public IntegerProperty revisionProperty() {
        return revision;
    }

    private void changed() {
        revision.set(revision.get() + 1);
    }

    public void zoomIn() {
        window.zoom(ZOOM_STEP, 0.5);
        changed();
    }

    public void zoomOut() {
        window.zoom(1 / ZOOM_STEP, 0.5);
        changed();
    }

    public void panLeft() {
        window.pan(-PAN_STEP);
        changed();
    }

    public void panRight() {
        window.pan(PAN_STEP);
        changed();
    }

    public void fit() {
        window.fit();
        changed();
    }

    /**
     * W/S zoom in/out, A/D pan left/right (as in Perfetto), N or ] / P or [ select the next /
     * previous kernel on the selected kernel's stream; true when the key was one of them. Takes a
     * character or a {@code KeyCode} name ("Close Bracket").
     */
    public boolean key(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "w" -> zoomIn();
            case "s" -> zoomOut();
            case "a" -> panLeft();
            case "d" -> panRight();
            case "n", "]", "close bracket" -> stepKernel(1);
            case "p", "[", "open bracket" -> stepKernel(-1);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Mouse wheel: zooms around the pointer at plot x. */
    public void wheel(double deltaY, double x, double plotWidth) {
        window.zoom(deltaY > 0 ? ZOOM_STEP : 1 / ZOOM_STEP, x / plotWidth);
        changed();
    }

    /** Drag: moves the content by {@code dx} pixels. */
    public void drag(double dx, double plotWidth) {
        window.pan(-dx / plotWidth);
        changed();
    }

    /** Shows [start, end] as fractions (0..1) of the whole run: the minimap's range. */
    public void showFractions(double from, double to) {
        double span = window.maxNs() - window.minNs();
        window.show(window.minNs() + from * span, window.minNs() + to * span);
        changed();
    }

    /** The visible window as fractions {from, to} of the whole run. */
    public double[] fractions() {
        double span = window.maxNs() - window.minNs();
        return new double[] {(window.startNs() - window.minNs()) / span, (window.endNs() - window.minNs()) / span};
    }

    /** Marks kernels (indices in this run) that belong together, e.g. a fusion group in the compare editor. */
    public void highlight(int[] kernelIndices) {
        highlighted = kernelIndices.clone();
        changed();
    }

    /** The marked kernels of the lanes drawn (none while they are an overview). */
    public int[] highlighted() {
        return java.util.Arrays.stream(highlighted)
                .filter(k -> k >= 0 && k < data.kernelCount())
                .toArray();
    }

    /** The selected kernel's index in this run, or -1. */
    @SuppressWarnings("ReferenceEquality") // one OpenRun per loaded run; equals() would compare every event
    public int selectedKernel() {
        KernelRef ref = selection.kernel();
        // the index is a kernel of the lanes drawn: none while they are an overview
        return ref != null && ref.run() == run && ref.index() < data.kernelCount() ? ref.index() : -1;
    }

    /** Selects kernel {@code index} of this run (-1 clears). */
    public void select(int index) {
        selection.selectKernel(run, index);
    }

    /**
     * Selects the kernel after ({@code direction} 1) or before (-1) the selected one on its stream's
     * row, and pans the window (keeping its zoom) when that kernel is not wholly visible; zooms to it
     * when it is wider than the window. False when nothing is selected or there is no such kernel.
     */
    public boolean stepKernel(int direction) {
        int k = selectedKernel();
        int laneIndex = k < 0 ? -1 : data.laneOfKernel(k);
        if (laneIndex < 0) {
            return false;
        }
        Lane lane = data.lanes().get(laneIndex);
        int at = -1;
        // the row is sorted by start: look from the selected kernel's start on
        for (int i = lane.lowerBound(data.columns().kernels().starts()[k], 0); i < lane.size(); i++) {
            if (lane.refs()[i] == k) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            at = lane.indexOfRef(k);
        }
        int next = at + Integer.signum(direction);
        if (at < 0 || next < 0 || next >= lane.size()) {
            return false;
        }
        select(lane.refs()[next]);
        bringIntoView(lane.starts()[next], lane.ends()[next]);
        return true;
    }

    /** Brings the selected kernel of this run into view, if there is one ({@link Selection#selectAndReveal}). */
    public void revealSelection() {
        int k = selectedKernel();
        if (k >= 0) {
            TimelineColumns.Kernels kernels = data.columns().kernels();
            bringIntoView(kernels.starts()[k], kernels.ends()[k]);
        }
    }

    /** Pans the window, keeping its zoom, when [start, end] is not wholly visible; zooms to it when it is wider. */
    private void bringIntoView(long start, long end) {
        double span = window.spanNs();
        if (end - start > span) {
            window.focus(start, end);
        } else if (start < window.startNs() || end > window.endNs()) {
            double centre = start + (end - start) / 2.0;
            window.show(centre - span / 2, centre + span / 2);
        }
        changed();
    }

    /** Zooms so that the selected kernel, with its launch call, fills the editor. */
    public void zoomToSelection() {
        int k = selectedKernel();
        if (k >= 0) {
            TimelineColumns.Kernels kernels = data().columns().kernels();
            int launch = data().launchOfKernel(k);
            long start = launch < 0
                    ? kernels.starts()[k]
                    : Math.min(data().columns().calls().starts()[launch], kernels.starts()[k]);
            window.focus(start, kernels.ends()[k]);
            changed();
        }
    }

    /** Plot pixel → the item under it: {lane, index in lane}, or null. */
    public int[] hit(double x, double y, double plotWidth) {
        int lane = layout.laneAt(y);
        if (lane < 0 || x < 0) {
            return null;
        }
        double nsPerPx = window.spanNs() / plotWidth;
        int i = data().lanes().get(lane).itemAt(window.timeAt(x, plotWidth), 2 * nsPerPx);
        return i < 0 ? null : new int[] {lane, i};
    }

    /** Click: selects the kernel under the pointer, or the kernel a CPU launch put on the GPU. */
    public void click(double x, double y, double plotWidth) {
        int[] hit = hit(x, y, plotWidth);
        if (hit == null) {
            select(-1);
            return;
        }
        Lane lane = data().lanes().get(hit[0]);
        if (lane.kind() == Lane.LaneKind.GPU) {
            // an overview item (negative ref) stands for several kernels: it selects none
            select(Math.max(-1, lane.refs()[hit[1]]));
        } else if (lane.kind() == Lane.LaneKind.CPU) {
            long corr = data().columns().calls().correlations()[lane.refs()[hit[1]]];
            long[] kernels = data().columns().kernels().correlations();
            for (int i = 0; i < kernels.length; i++) {
                if (kernels[i] == corr) {
                    select(i);
                    return;
                }
            }
        } else if (lane.kind() == Lane.LaneKind.GPU_RANGE) {
            // on the GPU's time already: its kernels are inside it
            window.focus(lane.starts()[hit[1]], lane.ends()[hit[1]]);
            changed();
        } else {
            zoomToRange(lane.starts()[hit[1]], lane.ends()[hit[1]]);
        }
    }

    /**
     * Zooms to a range with its GPU work: the kernels launched inside it, which end after it (a
     * step's CPU range is over long before its last kernels are).
     */
    public void zoomToRange(long startNs, long endNs) {
        long[] span = LaunchedWork.span(data.columns(), startNs, endNs);
        window.focus(span[0], span[1]);
        changed();
    }

    /** The tooltip for the item under the pointer, or null. */
    public String describe(double x, double y, double plotWidth) {
        int[] hit = hit(x, y, plotWidth);
        if (hit == null) {
            return null;
        }
        Lane lane = data().lanes().get(hit[0]);
        // the full trace may still be loading: never wait for it on the FX thread
        return run.traceLoaded() && lane.refs()[hit[1]] >= 0
                ? TimelineText.describe(run.trace(), data(), lane, hit[1])
                : TimelineText.describe(data(), lane, hit[1]);
    }

    /** Finds kernels whose name contains {@code text} (any case); selects and shows the first. */
    public int find(String text) {
        found.clear();
        foundAt = -1;
        String needle = text.trim().toLowerCase(Locale.ROOT);
        if (!needle.isEmpty()) {
            TimelineColumns.Kernels kernels = data().columns().kernels();
            String[] strings = kernels.strings();
            boolean[] matches = new boolean[strings.length];
            for (int s = 0; s < strings.length; s++) {
                matches[s] = strings[s].toLowerCase(Locale.ROOT).contains(needle);
            }
            int[] names = kernels.names();
            for (int i = 0; i < names.length; i++) {
                if (matches[names[i]]) {
                    found.add(i);
                }
            }
        }
        findNext();
        return found.size();
    }

    /** Finds the kernels of op {@code op} (exactly); selects and shows the first. */
    public int findOp(String op) {
        found.clear();
        foundAt = -1;
        TimelineColumns.Kernels kernels = data().columns().kernels();
        int[] ops = kernels.ops();
        for (int i = 0; i < ops.length; i++) {
            if (ops[i] >= 0 && kernels.strings()[ops[i]].equals(op)) {
                found.add(i);
            }
        }
        findNext();
        return found.size();
    }

    /** Selects and shows the next match of the last search; false when there is none. */
    public boolean findNext() {
        if (found.isEmpty()) {
            return false;
        }
        foundAt = (foundAt + 1) % found.size();
        select(found.get(foundAt));
        zoomToSelection();
        return true;
    }

    /** "3 / 96" for the search field, or empty. */
    public String findStatus() {
        return found.isEmpty() ? "" : (foundAt + 1) + " / " + found.size();
    }

    /** The launch → kernel arrow of the selection as {launchNs, cpuLane, kernelNs, gpuLane}, or null. */
    public double[] launchArrow() {
        int k = selectedKernel();
        int cpu = data().cpuLane();
        if (k < 0 || cpu < 0) {
            return null;
        }
        int launch = data().launchOfKernel(k);
        return launch < 0
                ? null
                : new double[] {
                    data().columns().calls().starts()[launch],
                    cpu,
                    data().columns().kernels().starts()[k],
                    data().laneOfKernel(k)
                };
    }
}
