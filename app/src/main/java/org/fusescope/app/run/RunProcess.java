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
 * output lines and the end on the {@code ui} executor, in the order the child wrote them. One
 * instance per run; {@link #stop} may be called from any thread.
 */
public final class RunProcess {
    /** How long a stopped runner may take to exit after SIGTERM before it is killed. */
    public static final long STOP_GRACE_MS = 3_000;

    /** What the workbench hears from a run. */
    public interface Listener {
        void progress(RunProgress progress);

        void output(String line);

        /** The process ended (after every progress and output line of it was delivered). */
        void finished(RunEnd end);
    }

    private final ProgressParser parser = new ProgressParser();
    private final Executor ui;
    private volatile Process process;
    private volatile boolean stopRequested;
    private volatile String lastError = "";

    public RunProcess(Executor ui) {
        this.ui = ui;
    }

    /** The command that starts the runner with these arguments: this JVM's java and class path. */
    public static List<String> command(List<String> arguments) {
        return javaCommand("org.fusescope.app.Launcher", arguments);
    }

    /** {@code java -cp <this class path> mainClass arguments…} with this JVM's java. */
    public static List<String> javaCommand(String mainClass, List<String> arguments) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(arguments);
        return cmd;
    }

    /** Starts the command; the listener hears everything on the ui executor. */
    public void start(List<String> command, Listener listener) throws IOException {
        Process p = new ProcessBuilder(command).start();
        process = p;
        Thread out = reader(p.getInputStream(), line -> {
            var progress = parser.parse(line);
            if (progress.isPresent()) {
                if (progress.get().error()) {
                    lastError = progress.get().message() == null
                            ? "the runner failed"
                            : progress.get().message();
                }
                ui.execute(() -> listener.progress(progress.get()));
            } else {
                ui.execute(() -> listener.output(line));
            }
        });
        Thread err = reader(p.getErrorStream(), line -> {
            if (!line.isBlank() && lastError.isEmpty()) {
                lastError = line.trim();
            }
            ui.execute(() -> listener.output("stderr: " + line));
        });
        Thread waiter = new Thread(
                () -> {
                    try {
                        int code = p.waitFor();
                        out.join();
                        err.join();
                        ui.execute(() -> listener.finished(end(code)));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "fusescope-run-wait");
        waiter.setDaemon(true);
        waiter.start();
    }

    private RunEnd end(int code) {
        if (stopRequested) {
            return new RunEnd(code, RunEnd.STOPPED, true);
        }
        String reason = code == 0 ? "" : lastError.isEmpty() ? "the runner exited with status " + code : lastError;
        return new RunEnd(code, reason, false);
    }

    /** True while the child runs. */
    public boolean running() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** The child's process id, or -1 before {@link #start}. */
    public long pid() {
        Process p = process;
        return p == null ? -1 : p.pid();
    }

    /**
     * Stops the child and every process it started: asks politely (SIGTERM, so the runner can close
     * its database), then kills what is left after {@link #STOP_GRACE_MS}. Blocks up to that long;
     * call it off the FX thread.
     */
    public void stop() {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        stopRequested = true;
        // taken before the parent dies: orphans are re-parented and would no longer be its descendants
        List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
        tree.add(p.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_GRACE_MS);
        try {
            for (ProcessHandle h : tree) {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    h.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // killed below
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
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
