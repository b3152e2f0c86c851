package org.fusescope.runner.record;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fusescope.profiler.model.ExpertCounts;
import org.fusescope.profiler.model.Problem;
import org.fusescope.profiler.model.RangeEvent;
import org.fusescope.profiler.model.RangeLevel;
import org.fusescope.profiler.ops.Op;
import org.fusescope.runner.step.BlockPlan;
import org.fusescope.runner.step.LayerPlan;

/**
 * Enqueues the steps of one run (its layers' blocks in the plan's order: the MoE block alone, or the
 * mixer then the MoE block) and notes what the recorder needs afterwards: range markers step →
 * layer → block → op around every eager launch (the step range around a graph replay), the CPU
 * interval of each launch and replay for attribution, the GPU time of each step, and per layer and
 * step the expert counts and broken invariants (tables copied back after the step, outside its
 * range). Untraced steps get the same cadence (each followed by the same untimed table copy, its
 * contents unrecorded), so that traced and untraced step times differ by the tracing alone. Not
 * thread-safe.
 */
final class StepLoop {
    private final StepDevice device;
    private final Tracer clock;
    private final RunRequest request;
    private final List<LayerPlan> plan;
    final List<RangeEvent> ranges = new ArrayList<>();
    final List<OpMark> marks = new ArrayList<>();
    final List<GraphMark> replays = new ArrayList<>();
    final List<ExpertCounts> counts = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();
    final List<Double> tracedStepNs = new ArrayList<>();
    final List<Double> untracedStepNs = new ArrayList<>();
    /** Eager runs: per measured step, the host time to enqueue one launch (ns, the tracer's clock). */
    final List<Double> tracedHostNsPerLaunch = new ArrayList<>();
    /** Eager runs: the same per step timed with the tracer paused. */
    final List<Double> untracedHostNsPerLaunch = new ArrayList<>();
    /** Experts touched per {@code layer * 1_000_003 + step} (step -1: the last warm-up). */
    private final Map<Long, Integer> touched = new HashMap<>();

    StepLoop(StepDevice device, RunRequest request) {
        this.device = device;
        this.clock = device.tracer();
        this.request = request;
        this.plan = request.spec().layerPlans();
    }

    /**
     * Warm-up: eager steps, or one eager step (the attribution template), the capture and replays; then one
     * untimed step with the tracer paused and one traced step after it. On the H100 a process's first paused
     * steps ran at the traced speed (unfused M = 1 graph: 75–76 µs paused, 75–76 traced, 69–70 once the tracer had
     * been paused and resumed once; benchmarks/h100/overhead.md), which made its first run's tracing cost read
     * low; the pause and resume here settle that before any step is timed.
     */
    void warmUp() {
        if (request.graph()) {
            timed(() -> eager(-1, false));
            readTables(-1);
            device.capture(this::launchAll);
            for (int i = 0; i < request.warmup(); i++) {
                timed(() -> replay(-1, false));
            }
        } else {
            for (int i = 0; i < request.warmup(); i++) {
                timed(() -> eager(-1, false));
                readTables(-1);
            }
        }
        clock.pause();
        try {
            timed(request.graph() ? device::replay : this::launchAll);
            copyTables();
        } finally {
            clock.resume();
        }
        timed(() -> enqueue(-1, false));
        readTables(-1);
    }

    /** Measured step {@code step}: enqueued inside its ranges, timed, its tables read and checked. */
    void measure(int step) {
        int before = marks.size();
        tracedStepNs.add(timed(() -> enqueue(step, true)));
        if (!request.graph()) {
            long host = 0;
            for (OpMark m : marks.subList(before, marks.size())) {
                host += m.endNs() - m.startNs();
            }
            tracedHostNsPerLaunch.add((double) host / Math.max(1, marks.size() - before));
        }
        readTables(step);
    }

    /**
     * Steps timed with the tracer paused, for the tracing overhead: enqueued and timed as measured steps
     * are, each followed by the same table copy (untimed; nothing of it is recorded).
     */
    void measureUntraced(int steps) {
        clock.pause();
        try {
            for (int i = 0; i < steps; i++) {
                untracedStepNs.add(
                        timed(request.graph() ? device::replay : () -> untracedHostNsPerLaunch.add(launchAll())));
                copyTables();
            }
        } finally {
            clock.resume();
        }
    }

    /**
     * Experiment ({@value RunRecorder#BACK_TO_BACK_PROPERTY}): graph replays enqueued back to back between two
     * events, not held at the gate (the way Nsight Systems' overhead is often timed, over many replays), {@code
     * replays} traced then {@code replays} with the tracer paused, twice, each batch after one untimed replay in
     * the same state. The traced replays count as warm-up (step -1); their tables are neither read nor checked.
     *
     * @return per replay, each the mean of its two rounds: GPU ns traced, GPU ns paused, and the host's ns to
     *     enqueue one replay traced and paused (when the host needs longer than the GPU, the host sets the pace)
     */
    double[] backToBack(int replays) {
        double[] perReplay = new double[4];
        for (int round = 0; round < 2; round++) {
            double[] traced = batch(() -> replay(-1, false), replays);
            clock.pause();
            try {
                double[] paused = batch(device::replay, replays);
                perReplay[1] += paused[0] / 2;
                perReplay[3] += paused[1] / 2;
            } finally {
                clock.resume();
            }
            perReplay[0] += traced[0] / 2;
            perReplay[2] += traced[1] / 2;
        }
        return perReplay;
    }

    /** {@code replays} calls of {@code replay} timed back to back, ungated: {GPU ns, host ns} per replay. */
    private double[] batch(Runnable replay, int replays) {
        // untimed: the first replay after CUPTI's kinds are enabled again sets the graph up for tracing (on the
        // H100 its launch took 0.5 ms, and a batch it began ran 1.5 ms past its replays' steady period): a cost
        // of resuming, not of each traced replay
        replay.run();
        device.beginDirectTiming();
        long host = System.nanoTime();
        for (int i = 0; i < replays; i++) {
            replay.run();
        }
        double hostNs = (double) (System.nanoTime() - host) / replays;
        return new double[] {device.endTiming() / replays, hostNs};
    }

    /** Experts the tables of {@code layer} at {@code step} listed (all of them when unknown). */
    int touched(int layer, int step) {
        Integer t = touched.get(key(layer, step));
        return t != null
                ? t
                : Math.min(request.spec().dims().tableExperts(), request.spec().slots());
    }

    private double timed(Runnable step) {
        device.beginTiming();
        step.run();
        return device.endTiming();
    }

    /** Enqueues every launch of the step, no ranges; returns the host time per launch (ns, the tracer's clock). */
    private double launchAll() {
        long host = 0;
        int launches = 0;
        for (LayerPlan layer : plan) {
            for (BlockPlan block : layer.blocks()) {
                for (Op l : block.launches()) {
                    long start = clock.timestampNs();
                    device.launch(block.name(), l, layer.layer());
                    host += clock.timestampNs() - start;
                    launches++;
                }
            }
        }
        return (double) host / Math.max(1, launches);
    }

    /** Enqueues step {@code step}: the graph's replay, or the eager launches; inside its ranges when asked. */
    private void enqueue(int step, boolean withRanges) {
        if (request.graph()) {
            replay(step, withRanges);
        } else {
            eager(step, withRanges);
        }
    }

    private void eager(int step, boolean withRanges) {
        long stepStart = clock.timestampNs();
        for (LayerPlan layer : plan) {
            long layerStart = clock.timestampNs();
            for (BlockPlan block : layer.blocks()) {
                long blockStart = clock.timestampNs();
                for (Op l : block.launches()) {
                    long start = clock.timestampNs();
                    device.launch(block.name(), l, layer.layer());
                    long end = clock.timestampNs();
                    marks.add(new OpMark(l, layer.layer(), step, start, end));
                    range(withRanges, start, end, l.opName(), RangeLevel.OP);
                }
                range(withRanges, blockStart, clock.timestampNs(), block.name(), RangeLevel.BLOCK);
            }
            range(withRanges, layerStart, clock.timestampNs(), request.spec().layerRangeName(layer), RangeLevel.LAYER);
        }
        range(withRanges, stepStart, clock.timestampNs(), "step " + step, RangeLevel.STEP);
    }

    private void replay(int step, boolean withRange) {
        long start = clock.timestampNs();
        device.replay();
        long end = clock.timestampNs();
        replays.add(new GraphMark(step, start, end));
        range(withRange, start, end, "step " + step, RangeLevel.STEP);
    }

    private void range(boolean on, long start, long end, String text, RangeLevel level) {
        if (on) {
            ranges.add(new RangeEvent(start, end, text, level, 0));
        }
    }

    private void readTables(int step) {
        for (int layer = 0; layer < request.spec().layers(); layer++) {
            LayerTables t = device.tables(layer);
            touched.put(key(layer, step), t.touchedExperts());
            if (step >= 0) {
                counts.add(new ExpertCounts(layer, step, t.count()));
                problems.addAll(TableChecks.check(t, step));
            }
        }
    }

    /** The table copy after a step whose tables are not recorded: its cost without its contents. */
    private void copyTables() {
        for (int layer = 0; layer < request.spec().layers(); layer++) {
            device.tables(layer);
        }
    }

    private static long key(int layer, int step) {
        return layer * 1_000_003L + step;
    }
}
