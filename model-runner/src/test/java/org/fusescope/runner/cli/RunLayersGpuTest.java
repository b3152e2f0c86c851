package org.fusescope.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
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
 * GPU: {@code fusescope run --mixers all} on the tiny model's 4 layers (three gated-delta-net, one
 * attention) at context 300 (decode attention split into chunks and combined at both batches), both
 * variants and modes, verified (MoE block and both mixer types). Skipped only where there is no NVIDIA driver ({@link GpuTests}).
 */
class RunLayersGpuTest {
    @TempDir
    static Path dir;

    private static Path db;
    private static Cli.Result result;

    @BeforeAll
    static void record() {
        GpuTests.requireGpuAndCupti();
        db = dir.resolve("layers.sqlite");
        result = Cli.run(
                "run",
                "--preset",
                "tiny",
                "--mixers",
                "all",
                "--layers",
                "4",
                "--batch",
                "1,3",
                "--context",
                "300",
                "--variants",
                "unfused,fused",
                "--mode",
                "graph,eager",
                "--iters",
                "3",
                "--warmup",
                "1",
                "--verify",
                "--progress",
                "lines",
                "--out",
                db.toString());
        System.out.println(result.out());
        System.err.println(result.err());
    }

    @Test
    void everyRunCompletesWithEveryKernelAttributed() {
        assertThat(result.exitCode()).as(result.err()).isZero();
        try (TraceReader reader = TraceReader.open(db)) {
            assertThat(reader.runs()).hasSize(8);
            for (RunInfo run : reader.runs()) {
                assertThat(run.status()).isEqualTo(RunStatus.COMPLETE);
                RunTrace t = reader.load(run.id());
                assertThat(t.kernels()).isNotEmpty();
                assertThat(t.kernels())
                        .allSatisfy(
                                k -> assertThat(k.attribution()).as(k.name()).isNotNull());
                assertThat(t.problems())
                        .as("%s: no problem but the measured tracing-overhead warning", run.name())
                        .filteredOn(p -> !p.code().equals(TracingOverheadCheck.CODE))
                        .isEmpty();
            }
        }
    }

    @Test
    void checksAreGreen() {
        try (TraceReader reader = TraceReader.open(db)) {
            for (RunInfo run : reader.runs()) {
                assertThat(reader.load(run.id()).checks()).isNotEmpty().allSatisfy(c -> assertThat(c.passed())
                        .as(c.name() + " " + c.relNorm())
                        .isTrue());
            }
        }
    }

    @Test
    void verificationCoversBothMixerTypes() {
        try (TraceReader reader = TraceReader.open(db)) {
            List<String> names = reader.load(reader.runs().get(0).id()).checks().stream()
                    .map(NumericCheck::name)
                    .toList();
            assertThat(names)
                    .anyMatch(n -> n.startsWith("layer 0 linear_attn out fused vs cpu"))
                    .anyMatch(n -> n.startsWith("layer 3 self_attn out fused vs cpu"))
                    .contains("layer 0 linear_attn out fused vs unfused", "layer 3 self_attn out fused vs unfused")
                    .anyMatch(n -> n.startsWith("moe_out fused vs cpu"));
        }
    }

    @Test
    void theAttentionCombineIsAttributedToItsOwnOp() {
        try (TraceReader reader = TraceReader.open(db)) {
            RunTrace t = reader.load(reader.run("fused b=1 eager").id());
            assertThat(t.kernels())
                    .filteredOn(k -> k.name().contains("decode_attention_combine"))
                    .isNotEmpty()
                    .allSatisfy(k -> assertThat(k.attribution().op()).isEqualTo("decode_attention_combine"));
            assertThat(t.kernels())
                    .filteredOn(
                            k -> k.attribution() != null && k.attribution().op().equals("decode_attention"))
                    .isNotEmpty()
                    .noneMatch(k -> k.name().contains("combine"));
        }
    }

    @Test
    void fusedLaunchesFewerKernelsPerStep() {
        try (TraceReader reader = TraceReader.open(db)) {
            for (String mode : new String[] {"graph", "eager"}) {
                for (int batch : new int[] {1, 3}) {
                    long u = kernels(reader, "unfused b=" + batch + " " + mode);
                    long f = kernels(reader, "fused b=" + batch + " " + mode);
                    assertThat(f).as(mode + " b=" + batch).isPositive().isLessThan(u);
                }
            }
        }
    }

    private static long kernels(TraceReader reader, String run) {
        return reader.load(reader.run(run).id()).kernels().stream()
                .filter(k -> k.attribution() != null && k.attribution().step() >= 0)
                .count();
    }
}
