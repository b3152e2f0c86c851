package org.fusescope.app.workbench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import javafx.animation.PauseTransition;
import javafx.util.Duration;
import org.fusescope.app.compare.CompareViewModel;
import org.fusescope.app.data.Recording;
import org.fusescope.app.timeline.TimelineViewModel;
import org.fusescope.app.tools.Snapshots;
import org.fusescope.profiler.model.RunInfo;

/**
 * Renders the main views one after the other into {@code DIR/NAME.png} ({@code fusescope
 * --screenshot DIR --views}): each view is brought to front in the workbench window, with the
 * timeline of {@value #CANDIDATE} and one of its grouped GEMM kernels selected, and the compare
 * editor of {@value #BASELINE} against {@value #CANDIDATE}. Runs on the FX thread; waits for the
 * background work of each step before it writes the window.
 */
public final class ViewShots {
    /** The views, in the order they are rendered. */
    public static final List<String> NAMES =
            List.of("timeline", "kernel-stats", "expert-load", "compare", "roofline", "problems", "console");

    static final String BASELINE = "unfused b=16 graph";
    static final String CANDIDATE = "fused b=16 graph";
    private static final long STEP_TIMEOUT_NS = 90_000_000_000L;

    private final WorkbenchView view;
    private final WorkbenchViewModel vm;
    private final Path dir;
    private final IntConsumer done;
    private final Deque<Step> steps = new ArrayDeque<>();
    private boolean kernelChosen;

    /** A step: run {@code action}, wait until no work is pending and {@code ready}; or write {@code shot}. */
    private record Step(String what, Runnable action, BooleanSupplier ready, String shot) {}

    private ViewShots(WorkbenchView view, Path dir, IntConsumer done) {
        this.view = view;
        this.vm = view.viewModel();
        this.dir = dir;
        this.done = done;
    }

    /**
     * Once the first recording is open, renders {@code names} (of {@link #NAMES}) into {@code dir}
     * and calls {@code done} with 0, or with 1 when a view could not be prepared or written.
     */
    public static void arm(WorkbenchView view, Path dir, List<String> names, IntConsumer done) {
        ViewShots shots = new ViewShots(view, dir, done);
        shots.step(
                "open a recording",
                () -> {},
                () -> !shots.vm.explorer().recordings().isEmpty());
        names.forEach(shots::plan);
        shots.next();
    }

    private void plan(String name) {
        if (name.equals("compare")) {
            step(
                    "open the compare editor",
                    this::openCompare,
                    () -> vm.activeEditorProperty().get() instanceof CompareViewModel);
            step("lay out", () -> view.setDividers(0.14, 1.0, 1.0), () -> true);
        } else {
            step(
                    "open " + CANDIDATE,
                    () -> openTimeline(CANDIDATE),
                    () -> timeline(CANDIDATE) != null
                            && timeline(CANDIDATE).run().traceLoaded());
            step("select a kernel", this::chooseKernel, () -> true);
            step("lay out " + name, () -> arrange(name), () -> true);
        }
        steps.add(new Step("write " + name, () -> {}, () -> true, name));
    }

    private void step(String what, Runnable action, BooleanSupplier ready) {
        steps.add(new Step(what, action, ready, null));
    }

    private void next() {
        Step step = steps.poll();
        if (step == null) {
            done.accept(0);
            return;
        }
        if (step.shot() != null) {
            shoot(step.shot());
            return;
        }
        try {
            step.action().run();
        } catch (RuntimeException e) {
            fail(step.what() + ": " + e);
            return;
        }
        await(step, System.nanoTime() + STEP_TIMEOUT_NS);
    }

    private void await(Step step, long deadline) {
        PauseTransition wait = new PauseTransition(Duration.millis(150));
        wait.setOnFinished(e -> {
            if (vm.pendingProperty().get() == 0 && step.ready().getAsBoolean()) {
                next();
            } else if (System.nanoTime() > deadline) {
                fail("timed out: " + step.what() + "; " + vm.statusProperty().get());
            } else {
                await(step, deadline);
            }
        });
        wait.play();
    }

    private void fail(String why) {
        System.err.println("fusescope: view screenshots: " + why);
        done.accept(1);
    }

    private Recording recording() {
        return vm.explorer().recordings().get(0);
    }

    /** The run named {@code name}, else the first run whose name contains "b=16", else the first. */
    private long runId(String name, int fallback) {
        List<RunInfo> runs = recording().runs();
        return runs.stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElse(runs.get(Math.min(fallback, runs.size() - 1)))
                .id();
    }

    private TimelineViewModel timeline(String name) {
        long id = runId(name, 1);
        for (Object e : vm.editors()) {
            if (e instanceof TimelineViewModel t
                    && t.run().recording().file().equals(recording().file())
                    && t.run().info().id() == id) {
                return t;
            }
        }
        return null;
    }

    private void openTimeline(String name) {
        vm.openRun(recording(), runId(name, 1));
    }

    private void openCompare() {
        for (Object e : vm.editors()) {
            if (e instanceof CompareViewModel c) {
                vm.activeEditorProperty().set(c);
                return;
            }
        }
        vm.compare(recording(), runId(BASELINE, 0), recording(), runId(CANDIDATE, 1));
    }

    /** Selects the first grouped GEMM of the candidate (else its first kernel) and shows its layer. */
    private void chooseKernel() {
        TimelineViewModel t = timeline(CANDIDATE);
        vm.activeEditorProperty().set(t);
        if (kernelChosen) {
            return;
        }
        kernelChosen = true;
        if (t.find("grouped_gemm1") == 0 && t.find("gemm") == 0) {
            t.select(0);
            t.zoomToSelection();
        }
        t.window().zoom(8, 0.5);
        t.revisionProperty().set(t.revisionProperty().get() + 1);
    }

    private void arrange(String name) {
        ToolWindows tools = view.tools();
        switch (name) {
            case "timeline" -> {
                view.setDividers(0.17, 0.55, 0.72);
                tools.show("properties", true);
                tools.show("kernelStats", true);
            }
            case "kernel-stats" -> {
                view.setDividers(0.17, 0.4, 0.72);
                tools.show("properties", true);
                tools.show("kernelStats", true);
            }
            case "expert-load" -> {
                view.setDividers(0.17, 0.36, 0.72);
                tools.show("expertLoad", true);
            }
            case "roofline" -> {
                view.setDividers(0.17, 0.66, 0.5);
                tools.show("roofline", true);
            }
            case "problems" -> {
                view.setDividers(0.17, 0.55, 0.72);
                tools.show("problems", true);
            }
            case "console" -> {
                view.setDividers(0.17, 0.55, 0.72);
                tools.show("console", true);
            }
            default -> throw new IllegalArgumentException("unknown view " + name);
        }
    }

    private void shoot(String name) {
        PauseTransition settle = new PauseTransition(Duration.millis(600));
        Path file = dir.resolve(name + ".png");
        settle.setOnFinished(e -> {
            try {
                Snapshots.writePng(view.getScene(), file);
                System.out.println("wrote " + file);
            } catch (IOException x) {
                fail("cannot write " + file + ": " + x.getMessage());
                return;
            }
            next();
        });
        settle.play();
    }
}
