package org.fusescope.profiler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.fusescope.assets.Samples;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.store.TraceReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code info}, {@code report} and {@code compare} on the bundled recording from a real H100 (no GPU needed). */
class H100SampleTest {
    @TempDir
    static Path dir;

    private static Path sample;

    @BeforeAll
    static void copySample() {
        sample = Samples.copyTo(Samples.H100_MOE, dir);
    }

    @Test
    void theSampleIsAMeasuredH100RecordingOfBothVariantsInBothModes() {
        try (TraceReader reader = TraceReader.open(sample)) {
            assertThat(reader.devices()).singleElement().satisfies(d -> {
                assertThat(d.name()).contains("H100");
                assertThat(d.hasMeasuredBandwidth()).isTrue();
            });
            List<RunInfo> runs = reader.runs();
            assertThat(runs).hasSize(12).allMatch(r -> r.isComplete() && !r.synthetic());
            assertThat(runs).extracting(RunInfo::variant).containsOnly("unfused", "fused");
            assertThat(runs).extracting(RunInfo::mode).containsOnly("graph", "eager");
            assertThat(runs).extracting(RunInfo::batch).containsOnly(1, 16, 64);
        }
    }

    @Test
    void reportShowsTheH100AndEveryRun() {
        Cli.Result info = Cli.run("info", sample.toString());
        assertThat(info.exitCode()).as(info.err()).isZero();
        assertThat(info.out())
                .contains("H100")
                .contains("fused b=64 graph")
                .contains("unfused b=1 eager")
                .doesNotContain("synthetic");
        Cli.Result report = Cli.run("report", sample.toString(), "--run", "fused b=16 graph");
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.out())
                .contains("grouped_gemm1_tcp_kernel")
                .contains("fused_add_rmsnorm_kernel")
                .contains("topk_softmax_shared_wide_kernel")
                .doesNotContain("append_shared_expert_kernel");
    }

    @Test
    void compareShowsEachFusionReplacingItsUnfusedKernels() {
        Cli.Result r = Cli.run("compare", sample.toString(), "--runs", "unfused b=1 graph,fused b=1 graph");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .containsPattern("add_rmsnorm\\s+FASTER\\s+residual_add \\+ rmsnorm\\s+fused_add_rmsnorm")
                .containsPattern("shared_gate\\s+REMOVED\\s+sigmoid \\+ mul \\+ add")
                .containsPattern("router_gate\\s+FASTER\\s+router_gemm \\+ gate_gemv\\s+router_gate_gemv")
                .contains("moe_out fused vs unfused");
        Cli.Result paired = Cli.run("compare", sample.toString());
        assertThat(paired.exitCode()).as(paired.err()).isZero();
        for (String pair : List.of("b=1 graph", "b=16 graph", "b=64 graph", "b=1 eager", "b=16 eager", "b=64 eager")) {
            assertThat(paired.out()).contains("== unfused " + pair + " -> fused " + pair + " ==");
        }
    }

    /** The sample's fused runs launch programmatically: report names the kernels that waited, and how long. */
    @Test
    void reportShowsTheKernelsThatWaitedOnTheKernelBeforeThem() {
        Cli.Result r = Cli.run(
                "report", sample.toString(), "--run", "fused b=16 graph", "--section", "waits", "--format", "csv");
        assertThat(r.exitCode()).as(r.err()).isZero();
        String silu = r.out()
                .lines()
                .filter(l -> l.startsWith("silu_and_mul_kernel,"))
                .findFirst()
                .orElseThrow();
        String[] f = silu.split(",");
        double duration = Double.parseDouble(f[3]);
        double waitNs = Double.parseDouble(f[4]);
        double own = Double.parseDouble(f[5]);
        // on the H100 it lasts about 20 µs as recorded, most of it waiting for grouped_gemm1
        assertThat(waitNs).isGreaterThan(own).isGreaterThan(10_000);
        assertThat(own + waitNs).isCloseTo(duration, within(1.0));
    }

    /** Issue 14: the tracing overhead the runner stored with each run, in report and in compare. */
    @Test
    void reportAndCompareShowWhatTracingCostEachRun() {
        Cli.Result report = Cli.run("report", sample.toString(), "--run", "unfused b=1 graph", "--section", "tracing");
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.out())
                .contains("Tracing cost")
                .containsPattern("75,088\\.0\\s+68,432\\.0\\s+9\\.7\\s+67,968\\.0\\s+10\\.5");
        Cli.Result compare = Cli.run(
                "compare", sample.toString(), "--runs", "unfused b=1 graph,fused b=1 graph", "--section", "tracing");
        assertThat(compare.exitCode()).as(compare.err()).isZero();
        assertThat(compare.out()).contains("Tracing cost").contains("10.5").contains("3.7");
        // the sample's runs were also timed in a process without CUPTI (--overhead-reference process)
        Cli.Result untraced = Cli.run(
                "compare",
                sample.toString(),
                "--runs",
                "unfused b=1 graph,fused b=1 graph",
                "--section",
                "untraced",
                "--format",
                "csv");
        assertThat(untraced.exitCode()).as(untraced.err()).isZero();
        String row = untraced.out()
                .lines()
                .filter(l -> l.contains("no CUPTI"))
                .findFirst()
                .orElseThrow();
        String[] f = row.split(",");
        assertThat(Double.parseDouble(f[f.length - 4])).isEqualTo(67_968.0, within(0.5));
        assertThat(Double.parseDouble(f[f.length - 3])).isEqualTo(39_296.0, within(0.5));
        assertThat(Double.parseDouble(f[f.length - 2])).isCloseTo(67_968.0 / 39_296.0, within(1e-3));
        assertThat(Double.parseDouble(f[f.length - 1])).isCloseTo(75_088.0 / 40_736.0, within(1e-3));
    }

    /** Issue 4's measure on the H100 recording: GPU busy time per step (median), fused below unfused. */
    @Test
    void aMoeOnlyRecordingHasOneLayerTypeTheMoeBlock() {
        Cli.Result r = Cli.run("compare", sample.toString(), "--section", "layer-types", "--format", "csv");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().skip(1).map(l -> l.split(",")[1])).hasSize(6).containsOnly("MoE block (1 layer)");
    }

    @Test
    void fusedSpendsLessGpuTimePerStepThanUnfusedAtEveryBatchInGraphMode() {
        Cli.Result r = Cli.run("compare", sample.toString(), "--section", "step-totals", "--format", "csv");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> busy =
                r.out().lines().filter(l -> l.contains(" graph,GPU busy,ns,")).toList();
        assertThat(busy).hasSize(3);
        for (String line : busy) {
            String[] f = line.split(",");
            double unfused = Double.parseDouble(f[3]);
            double fused = Double.parseDouble(f[4]);
            assertThat(fused).as(line).isPositive().isLessThan(unfused);
        }
    }
}
