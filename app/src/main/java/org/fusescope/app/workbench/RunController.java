package org.fusescope.app.workbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.fusescope.app.data.Recording;
import org.fusescope.app.run.GpuProbe;
import org.fusescope.app.run.RunConfigViewModel;
import org.fusescope.app.run.RunEnd;
import org.fusescope.app.run.RunNotice;
import org.fusescope.app.run.RunProcess;
import org.fusescope.app.run.RunProgress;
import org.fusescope.app.run.RunTask;

/**
 * Starts, follows and stops {@code fusescope run} child processes for the workbench: progress to
 * the status bar and to a {@link RunTask} (task-progress views), output to the console, and at the
 * end the written recording opened (also the partial one a stopped or failed run kept) and a
 * {@link RunNotice} to show. Use on the FX thread.
 */
public final class RunController {
    private final WorkbenchViewModel workbench;
    private final Optional<String> whyNoGpu;
    private final UnaryOperator<List<String>> commandFor;
    private final RunConfigViewModel config = new RunConfigViewModel();
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final ObjectProperty<RunTask> task = new SimpleObjectProperty<>(this, "task");
    private final ObjectProperty<RunNotice> notice = new SimpleObjectProperty<>(this, "notice");
    private RunProcess process;

    /** Runs {@code fusescope run} on this machine, if it has a GPU. */
    public RunController(WorkbenchViewModel workbench) {
        this(workbench, GpuProbe.whyNoGpu(), RunProcess::command);
    }

    /**
     * @param whyNoGpu why Run is off here, or empty
     * @param commandFor the command line that runs {@code fusescope} with the given arguments
     */
    public RunController(
            WorkbenchViewModel workbench, Optional<String> whyNoGpu, UnaryOperator<List<String>> commandFor) {
        this.workbench = workbench;
        this.whyNoGpu = whyNoGpu;
        this.commandFor = commandFor;
        config.outProperty()
                .set(Path.of(System.getProperty("user.home"), "fusescope-run.sqlite")
                        .toString());
    }

    public RunConfigViewModel config() {
        return config;
    }

    /** Why Run is off here, or empty on a GPU host. */
    public Optional<String> whyNoGpu() {
        return whyNoGpu;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    /** Overall progress 0..1, or -1 while unknown. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** The task of the run in progress (set when a run starts; it ends with the run). */
    public ObjectProperty<RunTask> taskProperty() {
        return task;
    }

    /** Set when a run has ended and what it wrote has been opened (or could not be). */
    public ObjectProperty<RunNotice> noticeProperty() {
        return notice;
    }

    /**
     * Starts a run with the current configuration; false when it cannot, with the reason in the
     * status bar, the console and a notification.
     */
    public boolean start() {
        List<String> errors = config.errors();
        if (running.get() || whyNoGpu.isPresent() || !errors.isEmpty()) {
            String why = running.get()
                    ? "a run is in progress"
                    : whyNoGpu.orElse(
                            "fix the run configuration first (Run → Run configuration…): " + String.join("; ", errors));
            workbench.statusProperty().set("Cannot run: " + why);
            notify(RunNotice.Kind.FAILED, "Cannot run", why);
            return false;
        }
        Path out = Path.of(config.outProperty().get().trim());
        RunProcess child = new RunProcess(workbench.background().ui());
        RunTask runTask = new RunTask("fusescope run → " + out.getFileName(), this::stop);
        workbench.console().append("$ fusescope " + String.join(" ", config.arguments()));
        try {
            child.start(commandFor.apply(config.arguments()), new RunProcess.Listener() {
                @Override
                public void progress(RunProgress p) {
                    progress.set(p.fraction());
                    message.set(p.describe());
                    runTask.report(p);
                    workbench.statusProperty().set(p.describe());
                }

                @Override
                public void output(String line) {
                    workbench.console().append(line);
                }

                @Override
                public void finished(RunEnd end) {
                    running.set(false);
                    progress.set(0);
                    runTask.finish(end);
                    ended(end, out);
                }
            });
        } catch (IOException e) {
            workbench.console().append("cannot start the runner: " + e.getMessage());
            return false;
        }
        process = child;
        running.set(true);
        progress.set(-1);
        task.set(runTask);
        Thread waiter = new Thread(runTask, "fusescope-run-task");
        waiter.setDaemon(true);
        waiter.start();
        return true;
    }

    private void ended(RunEnd end, Path out) {
        if (end.succeeded()) {
            message.set("Run finished");
            workbench.open(
                    out,
                    null,
                    r -> notify(RunNotice.Kind.SUCCEEDED, "Run finished", "opened " + describe(r)),
                    why -> notify(RunNotice.Kind.FAILED, "Run finished, but its recording cannot be opened", why));
        } else if (end.stopped()) {
            message.set("Run stopped");
            if (Files.isRegularFile(out)) {
                workbench.open(
                        out,
                        null,
                        r -> notify(
                                RunNotice.Kind.STOPPED,
                                "Run stopped",
                                "kept the partial recording: opened " + describe(r)),
                        why -> notify(
                                RunNotice.Kind.STOPPED,
                                "Run stopped",
                                "its partial recording cannot be opened: " + why));
            } else {
                notify(RunNotice.Kind.STOPPED, "Run stopped", "it had written nothing yet");
            }
        } else {
            message.set("Run failed (exit " + end.exitCode() + "): " + end.reason());
            workbench.problems().failed("run", message.get());
            // the runner keeps the runs it finished and the failed one, marked incomplete
            if (Files.isRegularFile(out)) {
                workbench.open(out, null, r -> {}, why -> {});
            }
            notify(RunNotice.Kind.FAILED, "Run failed", end.reason());
        }
        workbench.statusProperty().set(message.get());
    }

    private static String describe(Recording r) {
        long complete = r.runs().stream()
                .filter(org.fusescope.profiler.model.RunInfo::isComplete)
                .count();
        return r.file().getFileName() + " ("
                + (complete == r.runs().size()
                        ? r.runs().size() + " runs"
                        : complete + " of " + r.runs().size() + " runs complete")
                + ")";
    }

    private void notify(RunNotice.Kind kind, String title, String text) {
        workbench.console().append(title + ": " + text);
        notice.set(null); // an equal notice must still be shown
        notice.set(new RunNotice(kind, title, text));
    }

    /** Stops the running child process (and what it started) off the FX thread. */
    public void stop() {
        RunProcess p = process;
        if (p != null && p.running()) {
            Thread stopper = new Thread(p::stop, "fusescope-run-stop");
            stopper.setDaemon(true);
            stopper.start();
            workbench.console().append("stopping the run");
        }
    }
}
