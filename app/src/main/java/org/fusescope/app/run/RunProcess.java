package org.fusescope.app.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A run of the decode step as a child JVM ({@code fusescope run … --progress json}), so that a CUDA
 * fault cannot take the workbench down. Reads its output on daemon threads and reports progress,
 * output lines and the end on the {@code ui} executor. One instance per run.
 */
public final class RunProcess {
    /** What the workbench hears from a run. */
    public interface Listener {
        void progress(RunProgress progress);

        void output(String line);

        /** The process ended: exit code 0 is success; {@code reason} is the last error line otherwise. */
        void finished(int exitCode, String reason);
    }

    private final ProgressParser parser = new ProgressParser();
    private final Executor ui;
    private Process process;
    private volatile String lastError = "";

    public RunProcess(Executor ui) {
        this.ui = ui;
    }

    /** The command that starts the runner with these arguments: this JVM's java and class path. */
    public static List<String> command(List<String> arguments) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.fusescope.app.Launcher");
        cmd.addAll(arguments);
        return cmd;
    }

    /** Starts the command; the listener hears everything on the ui executor. */
    public void start(List<String> command, Listener listener) throws IOException {
        process = new ProcessBuilder(command).start();
        Thread out = reader(process.getInputStream(), line -> {
            var p = parser.parse(line);
            if (p.isPresent()) {
                if (p.get().error()) {
                    lastError = p.get().message() == null
                            ? "the runner failed"
                            : p.get().message();
                }
                ui.execute(() -> listener.progress(p.get()));
            } else {
                ui.execute(() -> listener.output(line));
            }
        });
        Thread err = reader(process.getErrorStream(), line -> {
            if (!line.isBlank()) {
                lastError = lastError.isEmpty() ? line : lastError;
            }
            ui.execute(() -> listener.output("stderr: " + line));
        });
        Process p = process;
        Thread waiter = new Thread(
                () -> {
                    try {
                        int code = p.waitFor();
                        out.join();
                        err.join();
                        ui.execute(() -> listener.finished(code, code == 0 ? "" : lastError));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "fusescope-run-wait");
        waiter.setDaemon(true);
        waiter.start();
    }

    /** True while the child runs. */
    public boolean running() {
        return process != null && process.isAlive();
    }

    /** Stops the child: asks politely, then kills it after 3 s. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(3, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private static Thread reader(InputStream in, Consumer<String> line) {
        Thread t = new Thread(
                () -> {
                    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                        for (String s = r.readLine(); s != null; s = r.readLine()) {
                            line.accept(s);
                        }
                    } catch (IOException e) {
                        line.accept("(output closed: " + e.getMessage() + ")");
                    }
                },
                "fusescope-run-output");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
