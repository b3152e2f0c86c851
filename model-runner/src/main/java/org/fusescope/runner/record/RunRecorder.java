package org.fusescope.runner.record;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fusescope.profiler.model.ApiCall;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.NumericCheck;
import org.fusescope.profiler.model.Problem;
import org.fusescope.profiler.model.RangeEvent;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunMetadata;
import org.fusescope.profiler.model.RunStatus;
import org.fusescope.profiler.model.Severity;
import org.fusescope.profiler.store.TraceWriter;
import org.fusescope.runner.step.LayerPlan;
import org.fusescope.runner.step.OpWork;
import org.fusescope.runner.step.StepSpec;

/**
 * Records one run: prepares the device, begins the run in the database (incomplete), warms up, measures
 * the steps between two halves of the untraced steps (so that drift over the run, clocks or heat, weighs
 * on traced and untraced time alike), then — outside the measured steps — attributes the kernels
 * and writes every record, the expert counts and the problems, and ends the run complete. When
 * anything fails part-way, what was recorded is still written, the run stays incomplete with a
 * {@code run-failed} problem, and the failure is rethrown. Not thread-safe.
 */
final class RunRecorder {
    /** The most steps timed untraced per run, half before the measured steps and half after them. */
    static final int UNTRACED_STEPS = 10;
    /**
     * The system property that asks graph runs for an experiment after their steps: this many replays back to
     * back, traced and paused ({@link StepLoop#backToBack}), reported on stderr; 0 or absent: none.
     */
    static final String BACK_TO_BACK_PROPERTY = "fusescope.run.backToBack";
    /** The system property that, when {@code true}, prints every timed step of each run on stderr (experiment). */
    static final String PRINT_STEPS_PROPERTY = "fusescope.run.printSteps";

    private final StepDevice device;
    private final TraceWriter writer;
    private final RunCapture capture;
    private final ProgressTracker progress;
    private final BlockDump dump;
    private final List<Problem> everyRun;
    private final Map<String, Double> noCuptiStepNs;

    /**
     * @param dump where each run's layer-0 block results go, or null
     * @param everyRun problems stored with every run (e.g. why its steps are timed as they are)
     * @param noCuptiStepNs by run name, the median step time of the same run in a process without CUPTI (ns);
     *     runs not in it have none
     */
    RunRecorder(
            StepDevice device,
            TraceWriter writer,
            RunCapture capture,
            ProgressTracker progress,
            BlockDump dump,
            List<Problem> everyRun,
            Map<String, Double> noCuptiStepNs) {
        this.device = device;
        this.writer = writer;
        this.capture = capture;
        this.progress = progress;
        this.dump = dump;
        this.everyRun = everyRun;
        this.noCuptiStepNs = noCuptiStepNs;
    }

    /** Records {@code request}; {@code checks} (from verification) are stored with the run. */
    RunOutcome record(RunRequest asked, String host, List<NumericCheck> checks) {
        Tracer tracer = device.tracer();
        RunRequest request = asked.forDevice(device.device().smCount());
        // the setup (uploads, allocations, compiles) comes before the run's window, so that the run
        // shows its steps; a failed setup still gets its (incomplete) run
        progress.phase("prepare", request.name(), -1);
        RuntimeException failure = null;
        try {
            if (dump != null) {
                StepSpec s = request.spec();
                // layer 0's MoE block alone, as --verify runs it: one layer, no mixers
                StepSpec block =
                        new StepSpec(s.config(), s.switches(), s.batch(), 1, s.routing(), s.seed(), s.context());
                dump.write(request, device.runLayerOnce(block));
            }
            device.prepare(request.spec());
        } catch (RuntimeException e) {
            failure = e;
        }
        long start = tracer.timestampNs();
        long runId = writer.beginRun(new RunInfo(
                0,
                request.name(),
                request.variant(),
                request.fusions(),
                request.spec().config().toJson(),
                request.spec().batch(),
                request.mode(),
                request.spec().layers(),
                start,
                Long.MAX_VALUE,
                System.currentTimeMillis(),
                host,
                RunStatus.INCOMPLETE,
                false,
                device.device().id()));
        StepLoop loop = new StepLoop(device, request);
        try {
            if (failure != null) {
                throw failure;
            }
            progress.phase("warmup", request.name(), -1);
            loop.warmUp();
            int untraced = Math.min(request.iters(), UNTRACED_STEPS);
            loop.measureUntraced(untraced / 2);
            for (int step = 0; step < request.iters(); step++) {
                loop.measure(step);
                progress.phase("measure", request.name(), step);
            }
            loop.measureUntraced(untraced - untraced / 2);
            if (Boolean.getBoolean(PRINT_STEPS_PROPERTY)) {
                System.err.printf(
                        Locale.ROOT,
                        "fusescope: %s: paused steps µs (in order) %s; traced %s%n",
                        request.name(),
                        micros(loop.untracedStepNs),
                        micros(loop.tracedStepNs));
            }
            int backToBack = Integer.getInteger(BACK_TO_BACK_PROPERTY, 0);
            if (request.graph() && backToBack > 0) {
                double[] ns = loop.backToBack(backToBack);
                System.err.printf(
                        Locale.ROOT,
                        "fusescope: %s: %d replays back to back: %.1f µs per replay traced, %.1f µs paused (%+.1f%%);"
                                + " host %.1f / %.1f µs to enqueue one%n",
                        request.name(),
                        backToBack,
                        ns[0] / 1e3,
                        ns[1] / 1e3,
                        100 * (ns[0] / ns[1] - 1),
                        ns[2] / 1e3,
                        ns[3] / 1e3);
            }
        } catch (RuntimeException e) {
            failure = e;
        }
        progress.phase("write", request.name(), -1);
        RunOutcome outcome = write(runId, request, loop, checks, start, failure);
        device.release();
        if (failure != null) {
            throw failure;
        }
        return outcome;
    }

    private RunOutcome write(
            long runId,
            RunRequest request,
            StepLoop loop,
            List<NumericCheck> checks,
            long start,
            RuntimeException failure) {
        List<Problem> problems = new ArrayList<>(everyRun);
        problems.addAll(loop.problems);
        try {
            device.tracer().flush();
        } catch (RuntimeException e) {
            problems.add(new Problem(
                    Severity.ERROR,
                    "trace-flush",
                    "records after the failure may be missing: " + e.getMessage(),
                    -1,
                    -1,
                    -1));
        }
        RunCapture.Records records = capture.take();
        KernelAttributor attributor = new KernelAttributor(
                loop.marks,
                loop.replays,
                m -> OpWork.of(m.launch(), request.spec(), loop.touched(m.layer(), m.step())));
        List<KernelEvent> kernels = attributor.attribute(records.kernels(), records.apiCalls());
        problems.addAll(
                TraceCoverage.problems(device.tracer(), kernels.size(), loop.marks.size() + loop.replays.size()));
        problems.addAll(records.problems());
        problems.addAll(attributor.problems());
        long end = records.lastEndNs(device.tracer().timestampNs());
        if (failure != null) {
            problems.add(new Problem(
                    Severity.ERROR, "run-failed", request.name() + " failed: " + failure.getMessage(), -1, -1, end));
        }
        long tid = launchingThread(records.apiCalls());
        writer.threadName(tid, "fusescope run");
        writer.apiCalls(records.apiCalls());
        writer.kernels(runId, kernels);
        writer.memcpys(records.memcpys());
        writer.memsets(records.memsets());
        writer.syncs(records.syncs());
        writer.ranges(withThread(loop.ranges, tid));
        writer.expertCounts(runId, loop.counts);
        writer.checks(runId, checks);
        RunOutcome measured = RunOutcome.of(
                request,
                kernels,
                loop.tracedStepNs,
                loop.untracedStepNs,
                loop.tracedHostNsPerLaunch,
                loop.untracedHostNsPerLaunch,
                noCuptiStepNs.getOrDefault(request.name(), Double.NaN),
                problems);
        problems.addAll(TracingOverheadCheck.problems(measured, device.tracer().level()));
        writer.problems(runId, problems);
        RunOutcome outcome = measured.withProblems(problems);
        outcome.metadata(runId).forEach(writer::metadata);
        stepMetadata(runId, request).forEach(writer::metadata);
        writer.endRun(runId, end, failure == null ? RunStatus.COMPLETE : RunStatus.INCOMPLETE);
        return outcome;
    }

    /** What the step was: mixers on or off, the context and its split, how the weights were held. */
    private Map<String, String> stepMetadata(long runId, RunRequest request) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(RunMetadata.key(runId, RunMetadata.MIXERS), request.spec().mixers() ? "all" : "none");
        if (request.spec().mixers()) {
            m.put(
                    RunMetadata.key(runId, RunMetadata.CONTEXT),
                    Integer.toString(request.spec().context().tokens()));
            m.put(
                    RunMetadata.key(runId, RunMetadata.ATTENTION_SPLITS),
                    Integer.toString(request.spec().context().splits()));
        }
        device.weightNote().ifPresent(note -> m.put(RunMetadata.key(runId, RunMetadata.WEIGHTS), note));
        m.put(RunMetadata.key(runId, RunMetadata.TRACE), device.tracer().level().label());
        m.put(
                RunMetadata.key(runId, RunMetadata.STEP_TIMING),
                device.stepTiming(request.graph()).label());
        // the ops' colour families, so that a reader learns them from the recording, not from a build of its own
        for (LayerPlan layer : request.spec().layerPlans()) {
            layer.launches()
                    .forEach(op -> m.put(op.familyKey(), op.family().name().toLowerCase(Locale.ROOT)));
        }
        return m;
    }

    /** The thread that made most API calls: the one that pushed the ranges. */
    private static long launchingThread(Collection<ApiCall> calls) {
        Map<Long, Integer> byThread = new HashMap<>();
        calls.forEach(c -> byThread.merge(c.globalTid(), 1, Integer::sum));
        return byThread.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(0L);
    }

    private static List<RangeEvent> withThread(List<RangeEvent> ranges, long tid) {
        return ranges.stream()
                .map(r -> new RangeEvent(r.startNs(), r.endNs(), r.text(), r.level(), tid))
                .toList();
    }

    private static String micros(List<Double> ns) {
        StringBuilder b = new StringBuilder();
        for (double v : ns) {
            b.append(b.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f", v / 1e3));
        }
        return b.toString();
    }
}
