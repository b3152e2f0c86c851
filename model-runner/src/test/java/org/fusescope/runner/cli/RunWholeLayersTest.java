package org.fusescope.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.RangeEvent;
import org.fusescope.profiler.model.RangeLevel;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunTrace;
import org.fusescope.profiler.store.TraceReader;
import org.fusescope.runner.record.FakeStepDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code fusescope run --mixers} on the labelled fake device (CPU only; the fake records a kernel per
 * launch, so what is checked here is the run loop over whole layers, not GPU results): layer ranges
 * name the type, blocks follow the plan, every kernel is attributed to a layer, and the options are
 * validated.
 */
class RunWholeLayersTest {
    @TempDir
    Path dir;

    @Test
    void wholeLayersNameTheirTypeAndRunMixerThenMoe() {
        Path db = dir.resolve("layers.sqlite");
        Cli.Result r =
                run("--mixers", "all", "--layers", "4", "--batch", "2", "--mode", "eager", "--out", db.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("whole decoder layers at context 64");
        try (TraceReader reader = TraceReader.open(db)) {
            for (RunInfo run : reader.runs()) {
                RunTrace t = reader.load(run.id());
                List<String> layers = texts(t, RangeLevel.LAYER, 0, 4);
                assertThat(layers)
                        .containsExactly(
                                "layer 0 (linear attention)",
                                "layer 1 (linear attention)",
                                "layer 2 (linear attention)",
                                "layer 3 (attention)");
                assertThat(texts(t, RangeLevel.BLOCK, 0, 8))
                        .containsExactly(
                                "linear_attn", "moe", "linear_attn", "moe", "linear_attn", "moe", "self_attn", "moe");
                assertThat(t.kernels())
                        .allSatisfy(k -> assertThat(k.attribution()).isNotNull());
                Map<Integer, Set<String>> opsByLayer = t.kernels().stream()
                        .collect(Collectors.groupingBy(
                                k -> k.attribution().layer(),
                                Collectors.mapping(k -> k.attribution().op(), Collectors.toSet())));
                assertThat(opsByLayer.get(0)).contains("gated_delta_rule", "in_proj_gemm");
                assertThat(opsByLayer.get(3)).contains("decode_attention", "kv_append");
                for (int layer : new int[] {0, 3}) {
                    // grouped_gemm1, or grouped_gemm1_silu in fused at this batch
                    assertThat(opsByLayer.get(layer)).anyMatch(op -> op.startsWith("grouped_gemm1"));
                }
                assertThat(opsByLayer.get(3)).doesNotContain("gated_delta_rule");
                assertThat(reader.metadata()).containsEntry("fusescope.run." + run.id() + ".mixers", "all");
                assertThat(reader.metadata()).containsEntry("fusescope.run." + run.id() + ".context", "64");
                // every recorded op's colour family is in the recording, for readers that do not know the op
                for (Set<String> ops : opsByLayer.values()) {
                    for (String op : ops) {
                        assertThat(reader.metadata()).containsKey(org.fusescope.profiler.ops.Op.familyKey(op));
                    }
                }
                assertThat(reader.metadata())
                        .containsEntry(org.fusescope.profiler.ops.Op.familyKey("gated_delta_rule"), "linear_attention")
                        .containsEntry(org.fusescope.profiler.ops.Op.familyKey("grouped_gemm1"), "gemm");
            }
        }
    }

    @Test
    void fusedWholeLayersLaunchFewerKernelsThanUnfused() {
        Path db = dir.resolve("fused.sqlite");
        Cli.Result r =
                run("--mixers", "all", "--layers", "4", "--batch", "1", "--mode", "graph", "--out", db.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        try (TraceReader reader = TraceReader.open(db)) {
            RunInfo unfused = reader.run("unfused b=1 graph");
            RunInfo fused = reader.run("fused b=1 graph");
            long u = reader.load(unfused.id()).kernels().stream()
                    .filter(k -> k.attribution() != null)
                    .count();
            long f = reader.load(fused.id()).kernels().stream()
                    .filter(k -> k.attribution() != null)
                    .count();
            assertThat(f).isPositive().isLessThan(u);
        }
    }

    @Test
    void withoutMixersTheLayersAreMoeBlocksAsBefore() {
        Path db = dir.resolve("moe.sqlite");
        Cli.Result r = run("--layers", "2", "--batch", "1", "--mode", "eager", "--out", db.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("MoE blocks only");
        try (TraceReader reader = TraceReader.open(db)) {
            RunTrace t = reader.load(reader.runs().get(0).id());
            assertThat(texts(t, RangeLevel.LAYER, 0, 2)).containsExactly("layer 0", "layer 1");
            assertThat(texts(t, RangeLevel.BLOCK, 0, 2)).containsExactly("moe", "moe");
            assertThat(t.kernels().stream().map(KernelEvent::attribution).map(a -> a.op()))
                    .doesNotContain("in_proj_gemm", "decode_attention");
        }
    }

    @Test
    void badMixersAndContextAreNamed() {
        Path db = dir.resolve("bad.sqlite");
        assertThat(run("--mixers", "some", "--out", db.toString()).err()).contains("unknown --mixers 'some'");
        assertThat(run("--mixers", "all", "--context", "-1", "--out", db.toString())
                        .err())
                .contains("--context must be in 0..16777216 tokens, not -1");
        assertThat(run("--mixers", "all", "--layers", "5", "--out", db.toString())
                        .err())
                .contains("layers must be in 1..4");
        assertThat(db).doesNotExist();
    }

    private static List<String> texts(RunTrace t, RangeLevel level, int step, int n) {
        String stepText = "step " + step;
        RangeEvent stepRange = t.ranges().stream()
                .filter(x -> x.level() == RangeLevel.STEP && x.text().equals(stepText))
                .findFirst()
                .orElseThrow();
        return t.ranges().stream()
                .filter(x -> x.level() == level && x.startNs() >= stepRange.startNs() && x.endNs() <= stepRange.endNs())
                .sorted(java.util.Comparator.comparingLong(RangeEvent::startNs))
                .map(RangeEvent::text)
                .limit(n)
                .toList();
    }

    private Cli.Result run(String... args) {
        List<String> all = new java.util.ArrayList<>(
                List.of("run", "--preset", "tiny", "--iters", "2", "--warmup", "1", "--progress", "none"));
        all.addAll(List.of(args));
        if (!all.contains("--context")) {
            all.addAll(List.of("--context", "64"));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine.IFactory fake = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == RunCommand.class) {
                    return cls.cast(new RunCommand((sink, weights, steps) -> new FakeStepDevice(sink)));
                }
                return CommandLine.defaultFactory().create(cls);
            }
        };
        int exit = FuseScopeCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), fake)
                .execute(all.toArray(String[]::new));
        return new Cli.Result(exit, out.toString(), err.toString());
    }
}
