package org.fusescope.app.workbench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.fusescope.app.run.GpuProbe;
import org.fusescope.app.run.RunConfigViewModel;
import org.fusescope.app.run.RunProcess;
import org.fusescope.app.run.RunProgress;

/**
 * Starts, follows and stops {@code fusescope run} child processes for the workbench: progress to
 * the status bar, output to the console, the written recording opened at the end. Use on the FX
 * thread.
 */
public final class RunController {
    private final WorkbenchViewModel workbench;
    private final RunConfigViewModel config = new RunConfigViewModel();
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final Optional<String> whyNoGpu = GpuProbe.whyNoGpu();
    private RunProcess process;

    public RunController(WorkbenchViewModel workbench) {
        this.workbench = workbench;
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

    /** Starts a run with the current configuration; false (with the reason in the console) when it cannot. */
    public boolean start() {
        List<String> errors = config.errors();
        if (running.get() || whyNoGpu.isPresent() || !errors.isEmpty()) {
            workbench.console().append("cannot run: " + whyNoGpu.orElse(String.join("; ", errors)));
            return false;
        }
        List<String> command = RunProcess.command(config.arguments());
        Path out = Path.of(config.outProperty().get().trim());
        process = new RunProcess(workbench.background().ui());
        workbench.console().append("$ fusescope " + String.join(" ", config.arguments()));
        try {
            process.start(command, new RunProcess.Listener() {
                @Override
                public void progress(RunProgress p) {
                    progress.set(p.fraction());
                    message.set(p.describe());
                    workbench.statusProperty().set(p.describe());
                }

                @Override
                public void output(String line) {
                    workbench.console().append(line);
                }

                @Override
                public void finished(int exitCode, String reason) {
                    running.set(false);
                    progress.set(0);
                    if (exitCode == 0) {
                        message.set("Run finished");
                        workbench.open(out, null);
                    } else {
                        message.set("Run failed (exit " + exitCode + "): " + reason);
                        workbench.problems().failed("run", message.get());
                    }
                    workbench.statusProperty().set(message.get());
                }
            });
        } catch (IOException e) {
            workbench.console().append("cannot start the runner: " + e.getMessage());
            return false;
        }
        running.set(true);
        progress.set(-1);
        return true;
    }

    /** Stops the running child process. */
    public void stop() {
        if (process != null) {
            RunProcess p = process;
            Thread stopper = new Thread(p::stop, "fusescope-run-stop");
            stopper.setDaemon(true);
            stopper.start();
            workbench.console().append("stopping the run");
        }
    }
}
