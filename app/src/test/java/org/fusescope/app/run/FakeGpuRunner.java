package org.fusescope.app.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.fusescope.assets.Samples;
import org.fusescope.profiler.model.RunTrace;
import org.fusescope.profiler.store.TraceWriter;
import org.fusescope.profiler.synthetic.SyntheticRecording;
import org.fusescope.profiler.synthetic.SyntheticSpec;

/**
 * FAKE, for CPU-only tests: stands in for {@code fusescope run … --progress json}, which needs an
 * NVIDIA GPU. It is started as a real child process through {@link RunProcess}, prints the runner's
 * JSON progress lines (phase, run, runIndex, runs, step, steps, fraction, message; the same fields
 * and the same fraction rule as the runner's ProgressTracker) and, instead of recording anything on
 * a GPU, copies the bundled H100 sample to {@code --out}.
 *
 * <p>The last argument {@code --fake=MODE} picks what it does: {@code ok} (exit 0), {@code fail}
 * (an error line, then exit 1), {@code crash} (only a stderr line, then exit 1) or {@code hang}
 * (writes a partial recording as a runner killed in its second run leaves it, starts a grandchild
 * process, prints its pid and waits to be stopped).
 */
public final class FakeGpuRunner {
    /** Runs and measured steps the fake reports. */
    public static final int RUNS = 2;

    public static final int STEPS = 3;

    /** The reason line of {@code fail} and {@code crash}. */
    public static final String REASON = "CUDA_ERROR_OUT_OF_MEMORY: out of memory (fake runner)";

    /** Prefix of the line that gives the {@code hang} mode's grandchild pid. */
    public static final String GRANDCHILD = "fake grandchild pid ";

    private static int done;

    private FakeGpuRunner() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        List<String> a = List.of(args);
        String mode = a.get(a.size() - 1).replace("--fake=", "");
        Path out = Path.of(a.get(a.indexOf("--out") + 1));
        System.out.println("fake runner: no GPU work is done; " + String.join(" ", a));
        emit("calibrate", null, 0, -1, "opening the GPU and measuring its copy bandwidth");
        if (mode.equals("crash")) {
            System.err.println(REASON);
            System.exit(1);
        }
        for (int run = 1; run <= RUNS; run++) {
            String name = (run == 1 ? "unfused" : "fused") + " b=1 graph";
            done++;
            emit("prepare", name, run, -1, null);
            for (int step = 0; step < STEPS; step++) {
                done++;
                emit("measure", name, run, step, null);
                if (mode.equals("fail") && run == 2 && step == 1) {
                    emit("error", null, 0, -1, REASON);
                    System.err.println("fusescope: " + REASON);
                    System.exit(1);
                }
            }
            done++;
            emit("write", name, run, -1, null);
            if (mode.equals("hang")) {
                hang(out);
            }
        }
        writeSample(out);
        emit("done", null, 0, -1, "wrote " + out);
        System.exit(0);
    }

    /** The bundled sample as {@code out}: the recording a GPU run would have written. */
    private static void writeSample(Path out) throws IOException {
        Path dir = Files.createTempDirectory("fake-runner-");
        Files.move(Samples.copyTo(Samples.H100_MOE, dir), out, StandardCopyOption.REPLACE_EXISTING);
        Files.delete(dir);
    }

    /**
     * Leaves what a runner killed in its second run leaves (the first run written, the second begun
     * and committed as incomplete, the writer never closed), starts a grandchild and waits to be
     * stopped.
     */
    private static void hang(Path out) throws IOException, InterruptedException {
        List<RunTrace> runs = SyntheticRecording.generate(
                SyntheticSpec.tiny(1, SyntheticSpec.UNFUSED, SyntheticSpec.GRAPH)
                        .withSize(2, 3),
                List.of(1),
                List.of(SyntheticSpec.UNFUSED, SyntheticSpec.FUSED),
                List.of(SyntheticSpec.GRAPH));
        @SuppressWarnings("resource") // a killed runner never closes its writer
        TraceWriter writer = TraceWriter.create(out);
        writer.writeRun(runs.get(0));
        long second = writer.beginRun(runs.get(1).run());
        writer.kernels(second, runs.get(1).kernels().subList(0, 10));
        writer.flush();
        Process grandchild = new ProcessBuilder("sleep", "600")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        System.out.println(GRANDCHILD + grandchild.pid());
        System.out.flush();
        Thread.sleep(600_000);
    }

    /** One progress line, as ProgressPrinters.json writes it. */
    private static void emit(String phase, String run, int runIndex, int step, String message) {
        double fraction = phase.equals("done") ? 1 : Math.min(1, done / (double) (RUNS * (STEPS + 2)));
        StringBuilder b = new StringBuilder("{\"phase\":\"").append(phase).append('"');
        if (run != null) {
            b.append(",\"run\":\"").append(run).append("\",\"runIndex\":").append(runIndex);
        }
        b.append(",\"runs\":").append(RUNS);
        if (step >= 0) {
            b.append(",\"step\":").append(step).append(",\"steps\":").append(STEPS);
        }
        b.append(String.format(Locale.ROOT, ",\"fraction\":%.4f", fraction));
        if (message != null) {
            b.append(",\"message\":\"")
                    .append(message.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        System.out.println(b.append('}'));
        System.out.flush();
    }
}
