package org.fusescope.profiler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.fusescope.assets.Samples;
import org.fusescope.profiler.model.NumericCheck;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.store.TraceReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code info}, {@code report} and {@code compare} on the bundled 4-layer H100 recording (no GPU needed). */
class H100LayersSampleTest {
    @TempDir
    static Path dir;

    private static Path sample;

    @BeforeAll
    static void copySample() {
        sample = Samples.copyTo(Samples.H100_LAYERS4, dir);
    }

    @Test
    void theSampleIsAMeasuredFourLayerH100Recording() {
        try (TraceReader reader = TraceReader.open(sample)) {
            assertThat(reader.devices()).singleElement().satisfies(d -> assertThat(d.name())
                    .contains("H100"));
            List<RunInfo> runs = reader.runs();
            assertThat(runs).hasSize(12).allMatch(r -> r.isComplete() && !r.synthetic() && r.layers() == 4);
        }
    }

    @Test
    void everyRunCarriesGreenChecksOfTheMoeBlockAndBothMixerTypes() {
        try (TraceReader reader = TraceReader.open(sample)) {
            for (RunInfo run : reader.runs()) {
                List<NumericCheck> checks = reader.load(run.id()).checks();
                assertThat(checks).hasSizeGreaterThanOrEqualTo(13).allSatisfy(c -> assertThat(c.passed())
                        .as(run.name() + ": " + c.name())
                        .isTrue());
                List<String> names = checks.stream().map(NumericCheck::name).toList();
                assertThat(names)
                        .contains("moe_out fused vs unfused", "layer 0 linear_attn out fused vs unfused")
                        .contains("layer 3 self_attn out fused vs unfused")
                        .anyMatch(n -> n.startsWith("routing_ids fused vs cpu"));
                // every whole-array check has its worst-row twin (per-row tolerances)
                for (String n : names) {
                    if (!n.contains(", worst token") && !n.startsWith("routing_ids")) {
                        assertThat(names).as(run.name()).anyMatch(w -> w.startsWith(n + ", worst token"));
                    }
                }
            }
        }
    }

    @Test
    void compareSplitsKernelTimeByLayerTypeAndFusedWinsInBoth() {
        Cli.Result r = Cli.run("compare", sample.toString(), "--section", "layer-types", "--format", "csv");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String[]> rows = r.out().lines().skip(1).map(l -> l.split(",")).toList();
        assertThat(rows).hasSize(12); // 6 pairs × 2 layer types
        assertThat(rows).extracting(f -> f[1]).containsOnly("linear attention (3 layers)", "attention (1 layer)");
        for (String[] f : rows) {
            assertThat(Double.parseDouble(f[4]))
                    .as(String.join(",", f))
                    .isPositive()
                    .isLessThan(Double.parseDouble(f[3]));
        }
    }

    @Test
    void theAttentionCombineHasItsOwnOp() {
        try (TraceReader reader = TraceReader.open(sample)) {
            assertThat(reader.load(reader.run("fused b=1 graph").id()).kernels())
                    .filteredOn(k -> k.name().contains("decode_attention_combine"))
                    .isNotEmpty()
                    .allSatisfy(k -> assertThat(k.attribution().op()).isEqualTo("decode_attention_combine"));
        }
    }

    @Test
    void theReportNamesTheKernelsOfBothLayerTypes() {
        Cli.Result report = Cli.run("report", sample.toString(), "--run", "fused b=16 graph");
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.out())
                .contains("conv_pack_gdn_kernel")
                .contains("gated_delta_rule_kernel")
                .contains("decode_attention")
                .contains("grouped_gemm1_tcp_kernel");
    }

    @Test
    void fusedSpendsLessGpuTimePerStepAtEveryBatchAndMode() {
        Cli.Result r = Cli.run("compare", sample.toString(), "--section", "step-totals", "--format", "csv");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> busy =
                r.out().lines().filter(l -> l.contains(",GPU busy,ns,")).toList();
        assertThat(busy).hasSize(6);
        for (String line : busy) {
            String[] f = line.split(",");
            assertThat(Double.parseDouble(f[4])).as(line).isPositive().isLessThan(Double.parseDouble(f[3]));
        }
    }
}
