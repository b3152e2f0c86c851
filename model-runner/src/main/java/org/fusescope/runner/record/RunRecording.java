package org.fusescope.runner.record;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.fusescope.profiler.cupti.Sink;
import org.fusescope.profiler.model.DeviceInfo;
import org.fusescope.profiler.model.NumericCheck;
import org.fusescope.profiler.model.Problem;
import org.fusescope.profiler.store.TraceWriter;

/**
 * A whole {@code fusescope run}: opens the device (tracing from before its context exists), writes
 * the device with its measured copy bandwidth, verifies each batch when asked, records the runs in
 * order, and closes the database. The first run that fails stops the recording: the database keeps
 * every finished run and the failed run's records, marked incomplete, and the failure is rethrown.
 * Not thread-safe.
 */
public final class RunRecording {
    private final List<RunRequest> runs;
    private final BiFunction<StepDevice, Integer, List<NumericCheck>> verifier;
    private final Progress progress;
    private final Path dump;
    private final List<Problem> everyRun;
    private Map<String, Double> noCuptiStepNs = Map.of();

    /**
     * @param verifier the numeric checks of one batch (fused vs unfused vs CPU reference), or null
     *     to skip verification
     */
    public RunRecording(
            List<RunRequest> runs, BiFunction<StepDevice, Integer, List<NumericCheck>> verifier, Progress progress) {
        this(runs, verifier, progress, null, List.of());
    }

    /**
     * @param verifier the numeric checks of one batch, or null to skip verification
     * @param dump the directory for each run's layer-0 tensors ({@link BlockDump}), or null for none
     */
    public RunRecording(
            List<RunRequest> runs,
            BiFunction<StepDevice, Integer, List<NumericCheck>> verifier,
            Progress progress,
            Path dump) {
        this(runs, verifier, progress, dump, List.of());
    }

    /**
     * @param verifier the numeric checks of one batch, or null to skip verification
     * @param dump the directory for each run's layer-0 tensors ({@link BlockDump}), or null for none
     * @param everyRun problems stored with every run, e.g. why its steps are timed as they are ({@link
     *     StepTimingChoice#problems})
     */
    public RunRecording(
            List<RunRequest> runs,
            BiFunction<StepDevice, Integer, List<NumericCheck>> verifier,
            Progress progress,
            Path dump,
            List<Problem> everyRun) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("nothing to record: no runs");
        }
        this.runs = List.copyOf(runs);
        this.verifier = verifier;
        this.progress = progress;
        this.dump = dump;
        this.everyRun = List.copyOf(everyRun);
    }

    /**
     * Stores with each run named here the median step time of the same run in a process without CUPTI (ns), and
     * the tracing overhead against it ({@link org.fusescope.profiler.model.RunMetadata#STEP_GPU_NS_NO_CUPTI}).
     *
     * @return this recording
     */
    public RunRecording noCuptiStepNs(Map<String, Double> byRunName) {
        this.noCuptiStepNs = Map.copyOf(byRunName);
        return this;
    }

    /**
     * Records every run into a new database at {@code out}.
     *
     * @param openDevice opens the device with its tracer delivering to the given sink
     * @return each run's outcome, in order
     */
    public List<RunOutcome> record(Path out, Function<Sink, StepDevice> openDevice) {
        ProgressTracker tracker =
                new ProgressTracker(progress, runs.size(), runs.get(0).iters());
        List<RunOutcome> outcomes = new ArrayList<>();
        RunCapture capture = new RunCapture();
        try (TraceWriter writer = TraceWriter.create(out)) {
            writer.process((int) ProcessHandle.current().pid(), "fusescope run");
            try {
                tracker.message("calibrate", "opening the GPU and measuring its copy bandwidth");
                try (StepDevice device = openDevice.apply(capture)) {
                    DeviceInfo info = device.device();
                    writer.device(info);
                    writer.metadata(
                            "fusescope.device.measuredCopyBandwidthGBps",
                            String.format(Locale.ROOT, "%.1f", info.measuredBandwidthBytesPerSec() / 1e9));
                    device.tracer().flush();
                    writeUnattributed(writer, capture.take());
                    RunRecorder recorder = new RunRecorder(
                            device,
                            writer,
                            capture,
                            tracker,
                            dump == null ? null : new BlockDump(dump),
                            everyRun,
                            noCuptiStepNs);
                    Map<Integer, List<NumericCheck>> checks = new HashMap<>();
                    for (RunRequest run : runs) {
                        tracker.nextRun();
                        List<NumericCheck> batchChecks =
                                checks.computeIfAbsent(run.spec().batch(), b -> verify(device, b, tracker));
                        outcomes.add(recorder.record(run, host(), batchChecks));
                    }
                }
            } catch (RuntimeException e) {
                tracker.message("error", e.getMessage());
                throw e;
            }
        }
        tracker.message("done", "wrote " + out);
        return outcomes;
    }

    private List<NumericCheck> verify(StepDevice device, int batch, ProgressTracker tracker) {
        if (verifier == null) {
            return List.of();
        }
        tracker.message("verify", "fused vs unfused vs CPU reference at batch " + batch);
        return verifier.apply(device, batch);
    }

    /** Records made outside any run (the calibration): stored without a run or attribution. */
    private static void writeUnattributed(TraceWriter writer, RunCapture.Records r) {
        writer.apiCalls(r.apiCalls());
        writer.kernels(0, r.kernels());
        writer.memcpys(r.memcpys());
        writer.memsets(r.memsets());
        writer.syncs(r.syncs());
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
