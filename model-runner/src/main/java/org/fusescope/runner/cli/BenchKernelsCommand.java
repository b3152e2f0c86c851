package org.fusescope.runner.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.fusescope.kernels.bench.CopyBandwidth;
import org.fusescope.kernels.bench.CopyKernel;
import org.fusescope.kernels.bench.EmptyKernel;
import org.fusescope.kernels.bench.GraphTimer;
import org.fusescope.kernels.bench.Timing;
import org.fusescope.kernels.cuda.Blas;
import org.fusescope.kernels.cuda.CudaContext;
import org.fusescope.kernels.cuda.CudaStream;
import org.fusescope.kernels.cuda.DeviceProperties;
import org.fusescope.kernels.cuda.Gpu;
import org.fusescope.kernels.ops.AttentionBenchCases;
import org.fusescope.kernels.ops.BenchCase;
import org.fusescope.kernels.ops.DenseBenchCases;
import org.fusescope.kernels.ops.KernelBenchCases;
import org.fusescope.kernels.ops.KernelLibrary;
import org.fusescope.kernels.ops.LinearAttentionBenchCases;
import org.fusescope.kernels.ops.RouterBenchCases;
import org.fusescope.kernels.shape.AttentionDims;
import org.fusescope.kernels.shape.LinearAttentionDims;
import org.fusescope.kernels.shape.ModelDims;
import org.fusescope.profiler.cli.OneLineErrors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fusescope bench kernels}: every MoE-block and attention-layer kernel at decode sizes and at M = 4096, timed in
 * CUDA graphs with rotating inputs larger than L2, against the measured copy bandwidth and an empty
 * kernel.
 */
@Command(
        name = "kernels",
        mixinStandardHelpOptions = true,
        description =
                "Time every MoE-block and attention-layer kernel (median of CUDA-event timings of graph replays).")
final class BenchKernelsCommand implements Callable<Integer> {
    /** The case groups, in their default order. */
    static final List<String> GROUPS = List.of("moe", "dense", "router", "linear-attention", "attention");

    @Option(
            names = "--preset",
            defaultValue = "qwen3-next-80b-a3b",
            description = "qwen3-next-80b-a3b or qwen3.5-35b-a3b.")
    String preset;

    @Option(names = "--tokens", split = ",", defaultValue = "1,16,64,256,4096", description = "Decode batch sizes M.")
    List<Integer> tokens;

    @Option(
            names = "--shared-as-expert",
            description = "Size the tables for the shared expert as expert E (K' = K + 1).")
    boolean sharedAsExpert;

    @Option(
            names = "--context",
            defaultValue = "4096",
            description = "Keys every request attends in the attention-layer cases (default: ${DEFAULT-VALUE}).")
    int attentionContext;

    @Option(
            names = "--launches",
            defaultValue = "20",
            description = "Launches captured per graph (default: ${DEFAULT-VALUE}).")
    int launches;

    @Option(names = "--replays", defaultValue = "21", description = "Timed graph replays (default: ${DEFAULT-VALUE}).")
    int replays;

    @Option(
            names = "--groups",
            split = ",",
            defaultValue = "moe,dense,router,linear-attention,attention",
            description = "Case groups to time, in this order (default: ${DEFAULT-VALUE}); router: cuBLAS vs"
                    + " router_gemv and the two topk_softmax_shared layouts.")
    List<String> groupNames;

    @Option(names = "--out", description = "Also write the results as a Markdown file.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ModelDims dims = dims().withSharedAsExpert(sharedAsExpert);
        chosenGroupNames(); // a wrong name fails before the GPU is opened
        Gpu.probe();
        List<String> lines = new ArrayList<>();
        try (CudaContext context = CudaContext.open(0);
                KernelLibrary library = KernelLibrary.open(context);
                CudaStream stream = CudaStream.create();
                EmptyKernel empty = new EmptyKernel(context);
                CopyKernel copyKernel = new CopyKernel(context);
                Blas blas = Blas.create()) {
            DeviceProperties device = context.properties();
            GraphTimer timer = new GraphTimer(stream, launches, replays);
            double copyEngine = CopyBandwidth.copyEngine(stream, 1L << 30, timer);
            double copy = Math.max(copyEngine, CopyBandwidth.copyKernel(copyKernel, stream, 1L << 30, timer));
            Timing emptyTime = timer.time(1, i -> empty.launch(stream));
            long rotate = 2 * device.l2CacheBytes();
            lines.add(String.format(
                    Locale.ROOT,
                    "Card: %s (%d SMs, sm_%d), %s, model %s (%s).",
                    device.name(),
                    device.multiprocessorCount(),
                    device.smArchitecture(),
                    LocalDate.now(ZoneOffset.UTC),
                    preset,
                    dims));
            lines.add(String.format(
                    Locale.ROOT,
                    "Device-to-device copy of 1 GiB (read + written), the faster of a copy kernel and the copy"
                            + " engine: %.0f GB/s (engine: %.0f GB/s). Empty kernel in a graph: %.2f µs.",
                    copy / 1e9,
                    copyEngine / 1e9,
                    emptyTime.medianNs() / 1e3));
            lines.add(String.format(
                    Locale.ROOT,
                    "Each kernel: %d launches per CUDA graph, inputs rotating over ≥ %d MB,"
                            + " median (min–max) of %d replays.",
                    launches,
                    rotate >> 20,
                    replays));
            lines.add("");
            lines.add("| M | kernel | median µs | min–max µs | × empty | MB moved | GB/s | % of copy | GFLOP/s |");
            lines.add("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
            print(lines);
            for (int m : tokens) {
                // one group of cases on the device at a time: all of them together do not fit at M = 256
                Map<String, Supplier<List<BenchCase>>> all = new LinkedHashMap<>();
                all.put("moe", () -> KernelBenchCases.all(library, dims, m, rotate));
                all.put("dense", () -> DenseBenchCases.all(blas, dims, m, rotate));
                // router_gate's router both ways: cuBLAS vs router_gemv, warp vs block top-K
                all.put("router", () -> RouterBenchCases.all(library, blas, dims, m, rotate));
                // both presets have the same gated-delta-net sizes
                all.put(
                        "linear-attention",
                        () -> LinearAttentionBenchCases.all(library, LinearAttentionDims.QWEN3_NEXT, m, rotate));
                all.put(
                        "attention",
                        () -> AttentionBenchCases.all(
                                library, AttentionDims.QWEN3_NEXT, dims, m, attentionContext, rotate));
                List<Supplier<List<BenchCase>>> groups = chosenGroups(all);
                for (Supplier<List<BenchCase>> group : groups) {
                    lines.addAll(group(group, m, context, timer, stream, emptyTime, copy));
                }
            }
        }
        if (out != null) {
            Files.write(out, lines, StandardCharsets.UTF_8);
        }
        return 0;
    }

    /**
     * Allocates one group's cases, times each (printing its row at once) and frees them; a group that
     * cannot be allocated becomes one row saying why.
     */
    private List<String> group(
            Supplier<List<BenchCase>> group,
            int m,
            CudaContext context,
            GraphTimer timer,
            CudaStream stream,
            Timing empty,
            double copy) {
        List<BenchCase> cases;
        try {
            cases = group.get();
        } catch (RuntimeException e) {
            String line = "| " + m + " | (cases) | failed: " + OneLineErrors.oneLine(e) + " | | | | | | |";
            print(List.of(line));
            return List.of(line);
        }
        context.synchronize();
        List<String> rows = new ArrayList<>();
        for (BenchCase c : cases) {
            try (c) {
                String line = row(timer, stream, c, empty, copy);
                rows.add(line);
                print(List.of(line));
            }
        }
        return rows;
    }

    /** One table row; a case that fails (e.g. cannot be captured in a graph) becomes a row saying why. */
    private static String row(GraphTimer timer, CudaStream stream, BenchCase c, Timing empty, double copy) {
        try {
            Timing t = timer.time(c.copies(), copyIndex -> c.launch(stream, copyIndex));
            double seconds = t.medianNs() * 1e-9;
            return String.format(
                    Locale.ROOT,
                    "| %d | %s | %.2f | %.2f–%.2f | %.2f | %.3f | %.0f | %.0f | %.1f |",
                    c.tokens(),
                    c.op(),
                    t.medianNs() / 1e3,
                    t.minNs() / 1e3,
                    t.maxNs() / 1e3,
                    t.medianNs() / empty.medianNs(),
                    c.work().bytes() / 1e6,
                    c.work().bytes() / seconds / 1e9,
                    100 * c.work().bytes() / seconds / copy,
                    c.work().flops() / seconds / 1e9);
        } catch (RuntimeException e) {
            return "| " + c.tokens() + " | " + c.op() + " | failed: " + OneLineErrors.oneLine(e) + " | | | | | | |";
        }
    }

    /** The groups named by {@code --groups}, in that order. */
    private List<Supplier<List<BenchCase>>> chosenGroups(Map<String, Supplier<List<BenchCase>>> all) {
        return chosenGroupNames().stream().map(all::get).toList();
    }

    /**
     * {@code --groups} normalized and checked against {@link #GROUPS}.
     *
     * @throws IllegalArgumentException naming an unknown group and the known ones
     */
    List<String> chosenGroupNames() {
        List<String> chosen = new ArrayList<>();
        for (String name : groupNames) {
            String n = name.trim().toLowerCase(Locale.ROOT);
            if (!GROUPS.contains(n)) {
                throw new IllegalArgumentException(
                        "unknown case group '" + name.trim() + "'; groups: " + String.join(", ", GROUPS));
            }
            chosen.add(n);
        }
        return chosen;
    }

    private ModelDims dims() {
        return switch (preset) {
            case "qwen3-next-80b-a3b" -> ModelDims.QWEN3_NEXT;
            case "qwen3.5-35b-a3b" -> ModelDims.QWEN35;
            default -> throw new IllegalArgumentException(
                    "unknown preset '" + preset + "'; presets: qwen3-next-80b-a3b, qwen3.5-35b-a3b");
        };
    }

    private void print(List<String> lines) {
        PrintWriter w = spec.commandLine().getOut();
        lines.forEach(w::println);
        w.flush();
    }
}
