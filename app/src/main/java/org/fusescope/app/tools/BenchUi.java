package org.fusescope.app.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.fusescope.app.data.OpenRun;
import org.fusescope.app.data.Recording;
import org.fusescope.app.data.RecordingService;
import org.fusescope.app.data.Selection;
import org.fusescope.app.timeline.Lane;
import org.fusescope.app.timeline.LodColumns;
import org.fusescope.app.timeline.TimelineData;
import org.fusescope.app.timeline.TimelineLayout;
import org.fusescope.app.timeline.TimelineView;
import org.fusescope.app.timeline.TimelineViewModel;

/**
 * {@code fusescope bench-ui [--kernels N] [--db FILE] [--frames N] [--inputs N]}: opens a large
 * recording (a generated one of about N kernels unless --db names one). With a display (DISPLAY
 * set, e.g. under Xvfb) it opens it in the real workbench window and times load stages and input to
 * rendered frame ({@link WindowBench}, --inputs zooms and as many pans). Without one it opens the
 * timeline alone headless and reports the time to the
 * first rendered timeline frame and the median / 95th percentile redraw time while zooming and
 * panning. A frame is timed twice: issuing the canvas commands, and issuing plus rendering them
 * (a snapshot of the canvas forces the render).
 */
public final class BenchUi {
    /** The window's width (px): the timeline's canvas gets all of it. */
    private static final int WIDTH = 1600;

    private BenchUi() {}

    /** Runs the benchmark; returns the exit status. */
    public static int run(String[] args) {
        int kernels = 1_000_000;
        int frames = 120;
        int inputs = 20;
        Path db = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--kernels" -> kernels = Integer.parseInt(args[i + 1]);
                case "--frames" -> frames = Integer.parseInt(args[i + 1]);
                case "--db" -> db = Path.of(args[i + 1]);
                case "--inputs" -> inputs = Integer.parseInt(args[i + 1]);
                default -> {
                    System.err.println("usage: fusescope bench-ui [--kernels N] [--db FILE] [--frames N] [--inputs N]");
                    return 2;
                }
            }
        }
        try {
            if (db == null) {
                long g = System.nanoTime();
                db = BenchData.generate(kernels);
                System.out.printf(Locale.ROOT, "generated %s in %.1f s%n", db, (System.nanoTime() - g) / 1e9);
            }
            if (!Headless.noDisplay()) {
                return WindowBench.run(db, inputs);
            }
            Headless.use();
            CompletableFuture<Void> started = new CompletableFuture<>();
            Platform.startup(() -> started.complete(null));
            started.get(30, TimeUnit.SECONDS);
            return measure(db, frames);
        } catch (Exception e) {
            System.err.println("fusescope bench-ui: " + e);
            return 1;
        } finally {
            Platform.exit();
        }
    }

    private static int measure(Path db, int frames) throws Exception {
        // As in the workbench, whose window is up before a recording is opened: the window is shown
        // (and rendered once) on the FX thread while the read starts, not after it.
        long t0 = System.nanoTime();
        CompletableFuture<Stage> shown = new CompletableFuture<>();
        long[] stageNs = new long[1];
        Platform.runLater(() -> {
            try {
                long s = System.nanoTime();
                Stage stage = show();
                stageNs[0] = System.nanoTime() - s;
                shown.complete(stage);
            } catch (RuntimeException e) {
                shown.completeExceptionally(e);
            }
        });
        try (RecordingService service = new RecordingService()) {
            Recording recording = service.open(db);
            // As the workbench does: an overview of the kernels (GPU rows drawn at once), the kernels'
            // columns read behind it, then the API calls and ranges, then the full trace.
            OpenRun run =
                    service.loadTimeline(recording, recording.runs().get(0).id(), WIDTH - TimelineLayout.HEADER);
            long loaded = System.nanoTime();
            TimelineData first = run.timeline();
            Stage stage = shown.get(10, TimeUnit.MINUTES);
            Frames[] f = new Frames[1];
            long firstNs = onFx(() -> {
                f[0] = new Frames(run, stage);
                return f[0].first(t0);
            });
            run.kernelTimeline().join();
            long kernelsReadNs = System.nanoTime() - t0;
            long kernelsFrameNs = onFx(() -> f[0].refreshed(t0));
            int[] agreement = onFx(() -> f[0].agreement(first));
            run.fullTimeline().join();
            long allReadNs = System.nanoTime() - t0;
            long allFrameNs = onFx(() -> f[0].refreshed(t0));
            // The workbench loads the full trace off the FX thread; redraws are timed once it is in.
            run.trace();
            long detailsNs = System.nanoTime() - t0;
            long[][] r = onFx(() -> f[0].redraws(frames));
            System.out.printf(
                    Locale.ROOT, "kernels            %d%n", run.timeline().kernelCount());
            System.out.printf(
                    Locale.ROOT,
                    "first read         %.2f s (%s)%n",
                    (loaded - t0) / 1e9,
                    first.overview() != null
                            ? "overview: " + first.overview().kernels().size() + " of "
                                    + first.overview().kernelCount() + " kernels, chosen per pixel column of "
                                    + first.overview().buckets()
                            : "kernel columns and GPU rows");
            System.out.printf(
                    Locale.ROOT,
                    "window shown       %.2f s (empty stage shown and rendered on the FX thread during the read)%n",
                    stageNs[0] / 1e9);
            System.out.printf(
                    Locale.ROOT,
                    "first frame        %.2f s after open (target <= 2 s; %s, CPU and range rows \"loading …\"; "
                            + "%.2f s after the first read)%n",
                    firstNs / 1e9,
                    first.overview() != null ? "GPU rows from the overview" : "GPU rows only",
                    (firstNs - (loaded - t0)) / 1e9);
            System.out.printf(
                    Locale.ROOT,
                    "first vs kernels   %d of %d pixel columns of the GPU rows show the same colour at the first "
                            + "zoom, %d painted alike%n",
                    agreement[0],
                    agreement[2],
                    agreement[1]);
            System.out.printf(
                    Locale.ROOT,
                    "kernels in         %.2f s after open (read and GPU rows laid out %.2f s after open)%n",
                    kernelsFrameNs / 1e9,
                    kernelsReadNs / 1e9);
            System.out.printf(
                    Locale.ROOT,
                    "all rows in        %.2f s after open (calls and ranges read and laid out %.2f s after open)%n",
                    allFrameNs / 1e9,
                    allReadNs / 1e9);
            System.out.printf(
                    Locale.ROOT,
                    "full trace         loaded in background %.2f s after open (%d kernels)%n",
                    detailsNs / 1e9,
                    run.trace().kernels().size());
            print("redraw (issue)", r[1]);
            print("redraw (issue + render)", r[2]);
            print("snapshot alone", r[4]);
            System.out.printf(
                    Locale.ROOT, "rectangles/frame   median %d (max %d)%n", Stats.median(r[3]), Stats.max(r[3]));
            return 0;
        }
    }

    /** Runs {@code task} on the FX thread and waits for its result. */
    private static <T> T onFx(java.util.function.Supplier<T> task) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(task.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(10, TimeUnit.MINUTES);
    }

    /** The timeline editor on a stage, drawn on the FX thread. */
    private static final class Frames {
        private final TimelineViewModel vm;
        private final TimelineView view;
        private final Stage stage;

        Frames(OpenRun run, Stage stage) {
            vm = new TimelineViewModel(run, new Selection());
            view = new TimelineView(vm);
            this.stage = stage;
        }

        /** Puts the timeline into the shown window and renders the first frame; ns after {@code t0}. */
        long first(long t0) {
            stage.getScene().setRoot(view);
            view.applyCss();
            view.layout();
            view.canvas().draw();
            view.canvas().canvas().snapshot(null, null);
            return System.nanoTime() - t0;
        }

        /**
         * Columns of the GPU rows at the first zoom where the first timeline ({@code first}, e.g. the
         * overview) and the current one show: the same key, anything alike, and in all.
         */
        int[] agreement(TimelineData first) {
            TimelineData now = vm.data();
            int width = (int) Math.ceil(view.canvas().canvas().getWidth() - TimelineLayout.HEADER);
            double nsPerPx = (double) (first.endNs() - first.startNs()) / width;
            List<Lane> a = first.lanes().stream()
                    .filter(l -> l.kind() == Lane.LaneKind.GPU)
                    .toList();
            List<Lane> b = now.lanes().stream()
                    .filter(l -> l.kind() == Lane.LaneKind.GPU)
                    .toList();
            int[] out = new int[3];
            for (int l = 0; l < Math.min(a.size(), b.size()); l++) {
                int[] x = LodColumns.of(a.get(l), first.startNs(), nsPerPx, width);
                int[] y = LodColumns.of(b.get(l), first.startNs(), nsPerPx, width);
                out[0] += LodColumns.same(x, y);
                out[1] += LodColumns.sameCoverage(x, y);
            }
            out[2] = Math.max(a.size(), b.size()) * width;
            return out;
        }

        /** Takes the rows that arrived in (kernels, or CPU and range rows) and renders the frame; ns after {@code t0}. */
        long refreshed(long t0) {
            vm.refreshTimeline();
            view.applyCss();
            view.layout();
            view.canvas().draw();
            view.canvas().canvas().snapshot(null, null);
            return System.nanoTime() - t0;
        }

        long[][] redraws(int frames) {
            long[] issue = new long[frames];
            long[] render = new long[frames];
            long[] rects = new long[frames];
            List<Runnable> moves =
                    List.of(vm::zoomIn, vm::panRight, vm::zoomIn, vm::panLeft, vm::zoomOut, vm::panRight);
            for (int i = 0; i < frames; i++) {
                long s = System.nanoTime();
                moves.get((i / 8) % moves.size()).run();
                view.canvas().canvas().snapshot(null, null);
                render[i] = System.nanoTime() - s;
                issue[i] = view.canvas().lastDrawNs();
                rects[i] = view.canvas().lastRects();
            }
            // What a snapshot costs without any redraw: the measurement's own overhead.
            long[] idle = new long[20];
            for (int i = 0; i < idle.length; i++) {
                long s = System.nanoTime();
                view.canvas().canvas().snapshot(null, null);
                idle[i] = System.nanoTime() - s;
            }
            stage.close();
            return new long[][] {{0}, issue, render, rects, idle};
        }
    }

    /** Shows a window with an empty editor area and renders it once. */
    private static Stage show() {
        Stage stage = new Stage();
        StackPane empty = new StackPane(new Label("loading …"));
        stage.setScene(new Scene(empty, WIDTH, 900));
        stage.show();
        empty.applyCss();
        empty.layout();
        empty.snapshot(null, null);
        return stage;
    }

    private static void print(String what, long[] ns) {
        System.out.printf(
                Locale.ROOT,
                "%-18s median %.2f ms, p95 %.2f ms (target median <= 16 ms)%n",
                what,
                Stats.median(ns) / 1e6,
                Stats.percentile(ns, 95) / 1e6);
    }

    static boolean exists(Path p) {
        return Files.exists(p);
    }
}
