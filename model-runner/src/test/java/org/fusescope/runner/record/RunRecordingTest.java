package org.fusescope.runner.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.fusescope.profiler.model.ExpertCounts;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.Problem;
import org.fusescope.profiler.model.RangeLevel;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunStatus;
import org.fusescope.profiler.model.RunTrace;
import org.fusescope.profiler.model.Severity;
import org.fusescope.profiler.ops.Fusion;
import org.fusescope.profiler.ops.LaunchKind;
import org.fusescope.profiler.ops.Op;
import org.fusescope.profiler.store.TraceReader;
import org.fusescope.runner.model.ModelConfig;
import org.fusescope.runner.model.RoutingScenario;
import org.fusescope.runner.step.MoeBlockPlan;
import org.fusescope.runner.step.StepSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run loop, attribution and database writing, on the labelled fake device (no GPU). */
class RunRecordingTest {
    private static final int WARMUP = 2;
    private static final int ITERS = 3;
    private static final int LAYERS = 2;

    @TempDir
    Path dir;

    private final List<FakeStepDevice> opened = new ArrayList<>();
    private final List<ProgressEvent> events = new ArrayList<>();

    @Test
    void everyKernelOfEveryStepIsAttributedInPlanOrder() {
        Path db = record(
                List.of(
                        run("unfused", 4, false),
                        run("fused", 4, false),
                        run("unfused", 4, true),
                        run("fused", 4, true)),
                null);
        try (TraceReader reader = TraceReader.open(db)) {
            assertThat(reader.runs())
                    .extracting(RunInfo::name)
                    .containsExactly("unfused b=4 eager", "fused b=4 eager", "unfused b=4 graph", "fused b=4 graph");
            assertThat(reader.runs()).allMatch(r -> r.status() == RunStatus.COMPLETE && !r.synthetic());
            for (RunInfo run : reader.runs()) {
                RunTrace t = reader.load(run.id());
                List<Op> plan = MoeBlockPlan.launches(Fusion.parseVariant(run.variant()), run.batch());
                for (int step = 0; step < ITERS; step++) {
                    for (int layer = 0; layer < LAYERS; layer++) {
                        assertThat(ops(t, step, layer))
                                .as("%s step %d layer %d", run.name(), step, layer)
                                .isEqualTo(expectedOps(plan));
                    }
                }
                assertThat(t.kernels()).as("no kernel without attribution").allMatch(KernelEvent::hasAttribution);
            }
        }
    }

    @Test
    void graphKernelsShareTheReplaysCorrelationAndEagerOnesHaveTheirOwn() {
        Path db = record(List.of(run("fused", 1, true), run("fused", 1, false)), null);
        try (TraceReader reader = TraceReader.open(db)) {
            RunTrace graph = reader.load(1);
            List<KernelEvent> step0 = stepKernels(graph, 0);
            assertThat(step0)
                    .extracting(KernelEvent::correlationId)
                    .containsOnly(step0.get(0).correlationId());
            assertThat(step0).allMatch(k -> k.graphNodeId() > 0);
            assertThat(graph.apiCalls())
                    .anyMatch(a -> a.name().equals("cuGraphLaunch")
                            && a.correlationId() == step0.get(0).correlationId());
            RunTrace eager = reader.load(2);
            List<KernelEvent> eager0 = stepKernels(eager, 0);
            // every eager kernel has its own launch call (cuBLAS's two kernels have two)
            assertThat(eager0.stream()
                            .map(KernelEvent::correlationId)
                            .distinct()
                            .count())
                    .isEqualTo(eager0.size());
            assertThat(eager0).allMatch(k -> k.graphNodeId() == 0);
        }
    }

    @Test
    void rangesNestStepLayerBlockOpAroundEagerLaunchesAndStepAroundReplays() {
        Path db = record(List.of(run("unfused", 1, false), run("unfused", 1, true)), null);
        try (TraceReader reader = TraceReader.open(db)) {
            RunTrace eager = reader.load(1);
            int launches = MoeBlockPlan.launches(Fusion.parseVariant("unfused")).size();
            Map<RangeLevel, Long> byLevel =
                    eager.ranges().stream().collect(Collectors.groupingBy(r -> r.level(), Collectors.counting()));
            assertThat(byLevel)
                    .containsEntry(RangeLevel.STEP, (long) ITERS)
                    .containsEntry(RangeLevel.LAYER, (long) ITERS * LAYERS)
                    .containsEntry(RangeLevel.BLOCK, (long) ITERS * LAYERS)
                    .containsEntry(RangeLevel.OP, (long) ITERS * LAYERS * launches);
            assertThat(eager.ranges()).allMatch(r -> r.globalTid() == FakeStepDevice.TID);
            RunTrace graph = reader.load(2);
            assertThat(graph.ranges())
                    .extracting(r -> r.level())
                    .containsOnly(RangeLevel.STEP)
                    .hasSize(ITERS);
        }
    }

    @Test
    void expertCountsAddUpAndWorkFollowsTheTouchedExperts() {
        Path db = record(List.of(run("fused", 4, false)), null);
        try (TraceReader reader = TraceReader.open(db)) {
            RunTrace t = reader.load(1);
            assertThat(t.expertCounts()).hasSize(ITERS * LAYERS);
            int slots = 4 * (ModelConfig.preset("tiny").topK() + 1);
            assertThat(t.expertCounts()).extracting(ExpertCounts::total).containsOnly((long) slots);
            assertThat(t.problems()).isEmpty();
            KernelEvent gemm = t.kernels().stream()
                    .filter(k -> k.attribution().op().startsWith("grouped_gemm1")
                            && k.attribution().step() == 0)
                    .findFirst()
                    .orElseThrow();
            assertThat(gemm.attribution().bytesRead()).isPositive();
            assertThat(gemm.attribution().flops()).isPositive();
            assertThat(reader.metadata())
                    .containsKeys(
                            "fusescope.run.1.stepGpuNsTraced",
                            "fusescope.run.1.stepGpuNsUntraced",
                            "fusescope.run.1.tracingOverhead");
            assertThat(reader.devices()).singleElement().satisfies(d -> assertThat(d.hasMeasuredBandwidth())
                    .isTrue());
        }
    }

    @Test
    void aBrokenInvariantIsRecordedAsAProblemOfItsLayerAndStep() {
        Path db = dir.resolve("broken.sqlite");
        // table reads: WARMUP * LAYERS in warm-up, 2 * LAYERS after its paused and its traced step, LAYERS per
        // untraced step before the measured ones, then LAYERS per step: step 1, layer 1
        recordBreakingTableRead(db, WARMUP * LAYERS + 2 * LAYERS + ITERS / 2 * LAYERS + LAYERS + 1);
        try (TraceReader reader = TraceReader.open(db)) {
            RunTrace t = reader.load(1);
            assertThat(t.run().status()).isEqualTo(RunStatus.COMPLETE);
            assertThat(t.problems()).anySatisfy(p -> {
                assertThat(p.code()).isEqualTo("expert-count-sum");
                assertThat(p.layer()).isEqualTo(1);
                assertThat(p.step()).isEqualTo(1);
            });
        }
    }

    @Test
    void untracedStepsFrameTheMeasuredOnesEachFollowedByTheSameTableCopy() {
        record(List.of(run("unfused", 4, false), run("unfused", 4, true)), null);
        String copies = "r".repeat(LAYERS);
        String untracedBefore = ("U" + copies).repeat(ITERS / 2);
        String measured = ("T" + copies).repeat(ITERS);
        String untracedAfter = ("U" + copies).repeat(ITERS - ITERS / 2);
        // eager: warm-up steps each with their table copy; graph: one eager step and its copy, then the replays;
        // both end the warm-up with one step paused and one traced, each with its table copy
        String settle = "U" + copies + "T" + copies;
        String eager = ("T" + copies).repeat(WARMUP) + settle;
        String graph = "T" + copies + "T".repeat(WARMUP) + settle;
        assertThat(opened.get(0).timeline.toString())
                .isEqualTo(eager
                        + untracedBefore
                        + measured
                        + untracedAfter
                        + graph
                        + untracedBefore
                        + measured
                        + untracedAfter);
    }

    @Test
    void theBackToBackExperimentAddsTracedAndPausedReplaysToGraphRunsOnlyAttributedAsWarmUp() {
        int replays = 4;
        System.setProperty(RunRecorder.BACK_TO_BACK_PROPERTY, String.valueOf(replays));
        Path db;
        try {
            db = record(List.of(run("unfused", 4, false), run("fused", 4, true)), null);
        } finally {
            System.clearProperty(RunRecorder.BACK_TO_BACK_PROPERTY);
        }
        String copies = "r".repeat(LAYERS);
        String steps = ("U" + copies).repeat(ITERS / 2)
                + ("T" + copies).repeat(ITERS)
                + ("U" + copies).repeat(ITERS - ITERS / 2);
        String settle = "U" + copies + "T" + copies;
        String eager = ("T" + copies).repeat(WARMUP) + settle + steps;
        String graphRun = "T" + copies + "T".repeat(WARMUP) + settle + steps + "TUTU";
        assertThat(opened.get(0).timeline.toString()).isEqualTo(eager + graphRun);
        try (TraceReader reader = TraceReader.open(db)) {
            RunTrace graph = reader.load(2);
            assertThat(graph.problems()).isEmpty();
            assertThat(graph.kernels()).allMatch(KernelEvent::hasAttribution);
            long perReplay = stepKernels(graph, 0).size();
            assertThat(stepKernels(graph, -1))
                    .as("capture template, warm-up replays, the traced one after the pause, and the traced"
                            + " back-to-back replays, each batch after an untimed one")
                    .hasSize((int) (perReplay * (1 + WARMUP + 1 + 2 * (1 + replays))));
            for (int step = 0; step < ITERS; step++) {
                assertThat(stepKernels(graph, step)).hasSize((int) perReplay);
            }
        }
    }

    @Test
    void eagerRunsStoreTheHostTimePerLaunchTracedAndUntracedGraphRunsDoNot() {
        Path db = record(List.of(run("unfused", 4, false), run("unfused", 4, true)), null);
        try (TraceReader reader = TraceReader.open(db)) {
            Map<String, String> meta = reader.metadata();
            double traced = Double.parseDouble(meta.get("fusescope.run.1.hostNsPerLaunchTraced"));
            double untraced = Double.parseDouble(meta.get("fusescope.run.1.hostNsPerLaunchUntraced"));
            assertThat(traced).isPositive();
            assertThat(untraced).isPositive();
            assertThat(meta)
                    .doesNotContainKeys(
                            "fusescope.run.2.hostNsPerLaunchTraced", "fusescope.run.2.hostNsPerLaunchUntraced");
        }
    }

    @Test
    void aRunWithAStepTimeWithoutCuptiStoresItAndTheOverheadAgainstIt() {
        RunRequest eager = run("unfused", 4, false);
        RunRequest graph = run("fused", 4, true);
        Path db = dir.resolve("reference.sqlite");
        List<RunOutcome> outcomes = new RunRecording(List.of(eager, graph), null, events::add)
                .noCuptiStepNs(Map.of(eager.name(), 5_000.0))
                .record(db, FakeStepDevice::new);
        try (TraceReader reader = TraceReader.open(db)) {
            Map<String, String> meta = reader.metadata();
            double traced = Double.parseDouble(meta.get("fusescope.run.1.stepGpuNsTraced"));
            assertThat(Double.parseDouble(meta.get("fusescope.run.1.stepGpuNsNoCupti")))
                    .isEqualTo(5_000.0);
            assertThat(Double.parseDouble(meta.get("fusescope.run.1.tracingOverheadNoCupti")))
                    .isCloseTo(traced / 5_000.0 - 1, org.assertj.core.api.Assertions.within(1e-4));
            assertThat(meta)
                    .as("a run the reference did not time has neither key")
                    .doesNotContainKeys("fusescope.run.2.stepGpuNsNoCupti", "fusescope.run.2.tracingOverheadNoCupti");
            assertThat(traced)
                    .as("the fake's traced step is far above the reference")
                    .isGreaterThan(5_250.0);
            assertThat(reader.load(1).problems()).extracting(Problem::code).containsOnlyOnce(TracingOverheadCheck.CODE);
            assertThat(reader.load(2).problems()).extracting(Problem::code).doesNotContain(TracingOverheadCheck.CODE);
        }
        assertThat(outcomes.get(0).summary()).contains("5.0 µs without CUPTI");
        assertThat(outcomes.get(1).summary()).doesNotContain("without CUPTI");
    }

    @Test
    void theTablesOfUntracedStepsAreCopiedButNotRecorded() {
        Path db = dir.resolve("untraced-tables.sqlite");
        // the first untraced step's copy of layer 0, after the warm-up's
        recordBreakingTableRead(db, WARMUP * LAYERS);
        try (TraceReader reader = TraceReader.open(db)) {
            RunTrace t = reader.load(1);
            assertThat(t.problems()).isEmpty();
            assertThat(t.expertCounts()).hasSize(ITERS * LAYERS);
            assertThat(reader.metadata().get("fusescope.run.1.stepGpuNsUntraced"))
                    .isNotBlank();
        }
    }

    @Test
    void problemsForEveryRunAreStoredWithEachRun() {
        Path db = dir.resolve("every-run.sqlite");
        Problem note = new Problem(Severity.WARNING, "step-timing-injected-tool", "timed direct", -1, -1, -1);
        new RunRecording(
                        List.of(run("unfused", 4, false), run("fused", 4, true)),
                        null,
                        events::add,
                        null,
                        List.of(note))
                .record(db, FakeStepDevice::new);
        try (TraceReader reader = TraceReader.open(db)) {
            assertThat(reader.runs())
                    .hasSize(2)
                    .allSatisfy(r -> assertThat(reader.load(r.id()).problems()).containsExactly(note));
        }
    }

    @Test
    void aFailurePartWayKeepsFinishedRunsAndWhatTheFailedRunRecorded() {
        Path db = dir.resolve("failed.sqlite");
        int perStep = MoeBlockPlan.launches(Fusion.parseVariant("unfused")).size() * LAYERS;
        // run 1: warm-up, measured and untraced steps; run 2: warm-up, the untraced steps before, measured step 0
        int failAt = (WARMUP + ITERS + ITERS) * perStep + (WARMUP + ITERS / 2) * perStep + 5;
        RunRecording recording =
                new RunRecording(List.of(run("unfused", 4, false), run("unfused", 4, false)), null, events::add);
        assertThatThrownBy(() -> recording.record(db, sink -> {
                    FakeStepDevice d = new FakeStepDevice(sink);
                    d.failAtLaunch = failAt;
                    opened.add(d);
                    return d;
                }))
                .hasMessageContaining("CUDA_ERROR_ILLEGAL_ADDRESS");
        assertThat(opened).singleElement().satisfies(d -> assertThat(d.closed).isTrue());
        assertThat(events).last().satisfies(e -> assertThat(e.phase()).isEqualTo("error"));
        try (TraceReader reader = TraceReader.open(db)) {
            assertThat(reader.runs())
                    .extracting(RunInfo::status)
                    .containsExactly(RunStatus.COMPLETE, RunStatus.INCOMPLETE);
            RunTrace failed = reader.load(2);
            assertThat(failed.problems()).anySatisfy(p -> assertThat(p.code()).isEqualTo("run-failed"));
            assertThat(failed.kernels())
                    .as("the warm-up and the launches before the failure")
                    .isNotEmpty();
        }
    }

    @Test
    void aFailedSetupStillLeavesAnIncompleteRunNamingTheCause() {
        Path db = dir.resolve("setup.sqlite");
        RunRecording recording = new RunRecording(List.of(run("fused", 4, true)), null, events::add);
        assertThatThrownBy(() -> recording.record(db, sink -> {
                    FakeStepDevice d = new FakeStepDevice(sink);
                    d.failPrepare = true;
                    return d;
                }))
                .hasMessageContaining("OUT_OF_MEMORY");
        try (TraceReader reader = TraceReader.open(db)) {
            RunTrace t = reader.load(1);
            assertThat(t.run().status()).isEqualTo(RunStatus.INCOMPLETE);
            assertThat(t.problems()).anySatisfy(p -> assertThat(p.message()).contains("OUT_OF_MEMORY"));
            assertThat(t.kernels()).isEmpty();
        }
    }

    @Test
    void progressEndsDoneAtOneAndNeverGoesBack() {
        record(List.of(run("unfused", 1, false), run("fused", 1, true)), null);
        assertThat(events).first().satisfies(e -> assertThat(e.phase()).isEqualTo("calibrate"));
        assertThat(events).last().satisfies(e -> {
            assertThat(e.phase()).isEqualTo("done");
            assertThat(e.fraction()).isEqualTo(1.0);
        });
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).fraction())
                    .isGreaterThanOrEqualTo(events.get(i - 1).fraction());
        }
        assertThat(events).filteredOn(e -> e.phase().equals("measure")).hasSize(2 * ITERS);
    }

    /** Records one unfused eager run at batch 4 into {@code db} whose table read {@code read} loses a count. */
    private void recordBreakingTableRead(Path db, int read) {
        new RunRecording(List.of(run("unfused", 4, false)), null, events::add).record(db, sink -> {
            FakeStepDevice d = new FakeStepDevice(sink);
            d.breakTableRead = read;
            return d;
        });
    }

    private Path record(List<RunRequest> runs, Object unused) {
        Path db = dir.resolve("run.sqlite");
        new RunRecording(runs, null, events::add).record(db, sink -> {
            FakeStepDevice d = new FakeStepDevice(sink);
            opened.add(d);
            return d;
        });
        return db;
    }

    private static RunRequest run(String variant, int batch, boolean graph) {
        StepSpec spec = new StepSpec(
                ModelConfig.preset("tiny"),
                Fusion.parseVariant(variant),
                batch,
                LAYERS,
                RoutingScenario.parse("router"),
                7);
        return new RunRequest(spec, variant, graph, WARMUP, ITERS);
    }

    private static List<KernelEvent> stepKernels(RunTrace t, int step) {
        return t.kernels().stream().filter(k -> k.attribution().step() == step).toList();
    }

    private static List<String> ops(RunTrace t, int step, int layer) {
        return t.kernels().stream()
                .filter(k -> k.attribution().step() == step && k.attribution().layer() == layer)
                .map(k -> k.attribution().op())
                .toList();
    }

    /** The plan's ops as kernels: cuBLAS GEMMs twice (the fake's split-K), the fake's memsets not. */
    private static List<String> expectedOps(List<Op> plan) {
        List<String> ops = new ArrayList<>();
        for (Op l : plan) {
            if (l.kind() == LaunchKind.CUBLAS) {
                ops.add(l.opName());
            }
            ops.add(l.opName());
        }
        return ops;
    }
}
