package org.fusescope.app.tools;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import org.fusescope.app.timeline.Lane;
import org.fusescope.app.timeline.TimelineView;
import org.fusescope.app.workbench.WorkbenchApp;
import org.fusescope.app.workbench.WorkbenchView;
import org.fusescope.app.workbench.WorkbenchViewModel;

/**
 * {@code fusescope bench-ui} with a display: opens a recording in the real workbench window and
 * times what a user sees, each up to the frame that shows it ({@link FrameProbe}): the window, the
 * first timeline (GPU rows with kernels), Kernel statistics filled, everything loaded; then input
 * to rendered frame for zooming (mouse wheel) and panning (drag) through the display server
 * ({@link InputLatency}).
 */
final class WindowBench {
    /** Give up when the recording has not loaded after this long (ms). */
    private static final long LOAD_LIMIT_MS = 180_000;

    private final int inputs;
    private WorkbenchView view;
    private FrameProbe probe;
    private long shownNs;
    private long windowNs;
    private long timelineNs;
    private long statsNs;
    private volatile long kernelsNs;
    private volatile long rowsNs;
    private long loadedNs;
    private boolean timelineSeen;
    private boolean statsSeen;
    private boolean measuring;
    private long[] zooms;
    private int status = 1;

    private WindowBench(int inputs) {
        this.inputs = inputs;
    }

    /** Runs the workbench on {@code db}, prints the times and returns the exit status. */
    static int run(Path db, int inputs) {
        WindowBench bench = new WindowBench(inputs);
        WorkbenchApp.launchForBenchmark(db, bench::shown);
        return bench.status;
    }

    private void shown(WorkbenchView workbench) {
        view = workbench;
        shownNs = System.nanoTime();
        Scene scene = view.getScene();
        probe = new FrameProbe(scene);
        probe.nextFrame(() -> windowNs = System.nanoTime());
        scene.addPostLayoutPulseListener(this::watch);
        InputLatency.pause(LOAD_LIMIT_MS, () -> {
            if (!measuring) {
                fail("not loaded within " + LOAD_LIMIT_MS / 1000 + " s: "
                        + view.viewModel().statusProperty().get());
            }
        });
    }

    /** Every pulse until the load is timed: notes the frames that first show the timeline and the statistics. */
    private void watch() {
        WorkbenchViewModel vm = view.viewModel();
        if (!timelineSeen) {
            TimelineView t = find(view, TimelineView.class);
            if (t != null && t.canvas().lastDrawNs() > 0 && hasKernels(t)) {
                timelineSeen = true;
                probe.thisFrame(() -> timelineNs = System.nanoTime());
                t.viewModel().run().kernelTimeline().thenRun(() -> kernelsNs = System.nanoTime());
                t.viewModel().run().fullTimeline().thenRun(() -> rowsNs = System.nanoTime());
            }
        }
        if (!statsSeen && !vm.stats().rows().isEmpty()) {
            statsSeen = true;
            probe.thisFrame(() -> statsNs = System.nanoTime());
        }
        if (timelineSeen && statsSeen && !measuring && vm.pendingProperty().get() == 0) {
            measuring = true;
            probe.thisFrame(() -> {
                loadedNs = System.nanoTime();
                // let the last rows' layout settle before the first input
                InputLatency.pause(500, this::measureInput);
            });
        }
    }

    private static boolean hasKernels(TimelineView t) {
        return t.viewModel().data().lanes().stream().anyMatch(l -> l.kind() == Lane.LaneKind.GPU && l.size() > 0);
    }

    private void measureInput() {
        TimelineView t = find(view, TimelineView.class);
        InputLatency input = new InputLatency(t, probe, this::fail);
        input.zooms(inputs, z -> {
            zooms = z;
            input.pans(inputs, p -> {
                report(t, p);
                status = 0;
                Platform.exit();
            });
        });
    }

    private void report(TimelineView t, long[] pans) {
        long jvmStartMs = ManagementFactory.getRuntimeMXBean().getStartTime();
        double jvmToShownS = (System.currentTimeMillis() - jvmStartMs) / 1e3 - (System.nanoTime() - shownNs) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "recording          %s, %d kernels%n",
                t.viewModel().run().recording().file(),
                t.viewModel().data().columns().kernels().size());
        System.out.printf(
                Locale.ROOT,
                "window shown       %.2f s after the JVM started (stage shown), first frame %.2f s later%n",
                jvmToShownS,
                (windowNs - shownNs) / 1e9);
        target("first timeline", timelineNs, 1.5);
        System.out.printf(
                Locale.ROOT,
                "%-18s %.2f s after the window (every kernel read; CPU and range rows %.2f s)%n",
                "kernel columns",
                (kernelsNs - windowNs) / 1e9,
                (rowsNs - windowNs) / 1e9);
        target("kernel statistics", statsNs, 3.0);
        System.out.printf(
                Locale.ROOT,
                "%-18s %.2f s after the window (every row, details, checks)%n",
                "all loaded",
                (loadedNs - windowNs) / 1e9);
        input("zoom (wheel)", zooms);
        input("pan (drag)", pans);
    }

    private void target(String what, long ns, double limitS) {
        double s = (ns - windowNs) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "%-18s %.2f s after the window (target <= %.1f s: %s)%n",
                what,
                s,
                limitS,
                s <= limitS ? "met" : "missed");
    }

    private static void input(String what, long[] ns) {
        double p95 = Stats.percentile(ns, 95) / 1e6;
        System.out.printf(
                Locale.ROOT,
                "%-18s input to frame: median %.1f ms, p95 %.1f ms, max %.1f ms over %d (target <= 50 ms: %s)%n",
                what,
                Stats.median(ns) / 1e6,
                p95,
                Stats.max(ns) / 1e6,
                ns.length,
                p95 <= 50 ? "met" : "missed");
    }

    private void fail(String why) {
        System.err.println("fusescope bench-ui: " + why);
        status = 1;
        Platform.exit();
    }

    /** The first node of {@code type} under {@code node} (depth first), or null. */
    private static <T> T find(Node node, Class<T> type) {
        if (type.isInstance(node)) {
            return type.cast(node);
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                T found = find(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
