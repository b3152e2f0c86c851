package org.fusescope.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.fusescope.profiler.model.ExpertCounts;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.NumericCheck;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunStatus;
import org.fusescope.profiler.model.RunTrace;
import org.fusescope.profiler.store.TraceReader;
import org.fusescope.runner.gpu.GpuTests;
import org.fusescope.runner.record.TracingOverheadCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GPU: {@code fusescope run} on the tiny model, both variants and modes, at a batch where the fused
 * align needs more than one block (M·K' > 1024), with verification. Skipped only where there is no NVIDIA driver ({@link GpuTests}).
 */
class RunCommandGpuTest {
    private static final int ITERS = 3;
    private static final int LAYERS = 2;

    @TempDir
    static Path dir;

    private static Path db;
    private static Cli.Result result;

    @BeforeAll
    static void record() {
        GpuTests.requireGpuAndCupti();
        db = dir.resolve("tiny.sqlite");
        result = Cli.run(
                "run",
                "--preset",
                "tiny",
                "--batch",
                "1,256",
                "--layers",
                "" + LAYERS,
                "--iters",
                "" + ITERS,
                "--warmup",
                "2",
                "--verify",
                "--progress",
                "lines",
                "--out",
                db.toString());
        System.out.println(result.out());
        System.err.println(result.err());
    }

    @Test
    void everyRunCompletesAndEveryStepKernelIsDescribedAndAttributed() {
        assertThat(result.exitCode()).as(result.err()).isZero();
        try (TraceReader reader = TraceReader.open(db)) {
            assertThat(reader.runs()).hasSize(8).allMatch(r -> r.status() == RunStatus.COMPLETE);
            for (RunInfo run : reader.runs()) {
                RunTrace t = reader.load(run.id());
                List<KernelEvent> steps = t.kernels().stream()
                        .filter(k -> k.hasAttribution() && k.attribution().step() >= 0)
                        .toList();
                assertThat(steps).as(run.name()).isNotEmpty();
                assertThat(t.kernels())
                        .as(run.name() + ": every kernel has an op")
                        .allMatch(KernelEvent::hasAttribution);
                assertThat(t.kernels()).allSatisfy(k -> {
                    assertThat(k.name()).isNotBlank();
                    assertThat(k.grid().x() * k.grid().y() * k.grid().z()).isPositive();
                    assertThat(k.block().x() * k.block().y() * k.block().z()).isPositive();
                    assertThat(k.registersPerThread()).isPositive();
                });
                assertThat(t.problems())
                        .as("%s: no problem but the measured tracing-overhead warning", run.name())
                        .filteredOn(p -> !p.code().equals(TracingOverheadCheck.CODE))
                        .isEmpty();
                assertThat(t.expertCounts()).hasSize(ITERS * LAYERS);
                int kp = run.variant().equals("fused") ? 5 : 4;
                assertThat(t.expertCounts()).extracting(ExpertCounts::total).containsOnly((long) run.batch() * kp);
            }
        }
    }

    @Test
    void theOutputEndsWithTheVerificationOfEachBatch() {
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern("--verify: \\d+ checks at batch 1, 256, all within tolerance");
    }

    @Test
    void theFusedVariantLaunchesFewerKernelsPerStep() {
        try (TraceReader reader = TraceReader.open(db)) {
            Map<String, Long> perStep = reader.runs().stream()
                    .collect(Collectors.toMap(RunInfo::name, r -> reader.load(r.id()).kernels().stream()
                            .filter(k -> k.attribution().step() == 0)
                            .count()));
            for (String suffix : List.of("b=1 graph", "b=1 eager", "b=256 graph", "b=256 eager")) {
                assertThat(perStep.get("fused " + suffix)).as(suffix).isLessThan(perStep.get("unfused " + suffix));
            }
        }
    }

    @Test
    void verificationIsWithinBf16Tolerance() {
        try (TraceReader reader = TraceReader.open(db)) {
            List<NumericCheck> checks = reader.load(1).checks();
            // per variant: y, router logits, shared gate, routing weights (whole and worst token), routing ids;
            // then moe_out unfused and fused, residual fused, fused vs unfused (whole and worst token)
            assertThat(checks).hasSize(2 * 9 + 4 * 2);
            assertThat(checks)
                    .extracting(NumericCheck::name)
                    .contains(
                            "routing_ids unfused vs cpu (1 of 1 tokens)",
                            "routing_weights fused vs cpu (1 of 1 tokens)");
            assertThat(checks)
                    .allSatisfy(c -> assertThat(c.passed()).as(c.toString()).isTrue());
            assertThat(checks).anySatisfy(c -> assertThat(c.name()).startsWith("moe_out fused vs cpu"));
        }
    }
}
