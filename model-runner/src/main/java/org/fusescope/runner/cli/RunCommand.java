package org.fusescope.runner.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.fusescope.kernels.cuda.Gpu;
import org.fusescope.profiler.cli.FusionSpeedUps;
import org.fusescope.profiler.cupti.Cupti;
import org.fusescope.profiler.model.NumericCheck;
import org.fusescope.profiler.ops.Fusion;
import org.fusescope.profiler.store.TraceReader;
import org.fusescope.runner.gpu.CudaStepDevice;
import org.fusescope.runner.model.ModelConfig;
import org.fusescope.runner.model.RoutingScenario;
import org.fusescope.runner.model.WeightSource;
import org.fusescope.runner.record.Progress;
import org.fusescope.runner.record.RunOutcome;
import org.fusescope.runner.record.RunRecording;
import org.fusescope.runner.record.RunRequest;
import org.fusescope.runner.record.StepDevice;
import org.fusescope.runner.record.StepTimingChoice;
import org.fusescope.runner.record.StepTimingOption;
import org.fusescope.runner.record.TraceLevel;
import org.fusescope.runner.record.TraceOptions;
import org.fusescope.runner.step.DecodeContext;
import org.fusescope.runner.step.StepSpec;
import org.fusescope.runner.verify.BlockVerifier;
import org.fusescope.runner.verify.MixerVerifier;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fusescope run}: records real MoE decode steps on the GPU into a new trace database. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Run Qwen3-Next decode steps on GPU 0 (MoE blocks, or whole decoder layers with --mixers all), fused and"
                    + " unfused, eager and in CUDA graphs, and record every kernel with CUPTI into a new trace database.",
            "Range markers: step, then 'layer N' (with --mixers all 'layer N (linear attention)' or 'layer N"
                    + " (attention)'), then the block (linear_attn, self_attn or moe), then each op.",
            "Runs go in the order batch, mode, variant. A run that fails keeps what it recorded (marked incomplete)"
                    + " and the command exits with status 1; so does --verify when a check is outside its tolerance"
                    + " (the runs are still recorded)."
        })
final class RunCommand implements Callable<Integer> {
    /** The longest --context: 16 Mi tokens (the KV cache grows with it; memory is checked per run). */
    static final int MAX_CONTEXT = 1 << 24;

    static final class Model {
        @Option(names = "--preset", description = "qwen3-next-80b-a3b (default), qwen3.5-35b-a3b or tiny.")
        String preset;

        @Option(names = "--config", paramLabel = "config.json", description = "A HuggingFace config.json.")
        Path config;
    }

    @ArgGroup(exclusive = true)
    Model model;

    @Option(names = "--weights", paramLabel = "DIR", description = "A safetensors checkpoint (default: synthetic).")
    Path weights;

    @Option(
            names = {"--batch", "--batches"},
            split = ",",
            defaultValue = "1,4,16,64,256",
            description = "Decode batch sizes M (default: ${DEFAULT-VALUE}).")
    List<Integer> batches;

    @Option(
            names = "--variants",
            split = ",",
            defaultValue = "unfused,fused",
            description = "unfused, fused, or fusion switches joined by '+' and taken out by '-'; fused has every"
                    + " switch but shared_gate (router_gemv runs up to M = 4, gemm1_silu and gemm2_sum up to"
                    + " M = 4), fused-topk_wide-align_shared_counts has the kernels those two replace"
                    + " (default: ${DEFAULT-VALUE}).")
    List<String> variants;

    @Option(
            names = {"--mode", "--modes"},
            split = ",",
            defaultValue = "graph,eager",
            description = "graph and/or eager (default: ${DEFAULT-VALUE}).")
    List<String> modes;

    @Option(
            names = "--layers",
            defaultValue = "1",
            description = "Layers per step, layers 0..L-1 of the model (default: ${DEFAULT-VALUE}): with --mixers all,"
                    + " L whole decoder layers in the model's pattern (layer i is attention iff (i+1) %% 4 == 0 for"
                    + " Qwen3-Next), each mixer followed by its MoE block; with --mixers none, L MoE blocks.")
    int layers;

    @Option(
            names = "--mixers",
            defaultValue = "none",
            description = "none (default): each layer is its MoE block only, the step recorded so far (the bundled"
                    + " sample); all: whole decoder layers, gated-delta-net or gated attention mixer then the MoE"
                    + " block. When the MoE weights of all layers do not fit in device memory (e.g. --layers 48"
                    + " of Qwen3-Next: about 3.2 GB per layer and layout), the first layers that fit get their own"
                    + " and layer l reuses layer (l mod n)'s; each run's metadata (fusescope.run.N.weights) says"
                    + " so.")
    String mixers;

    @Option(
            names = "--context",
            defaultValue = "1024",
            description = "Tokens each request already holds (default: ${DEFAULT-VALUE}), 0.." + MAX_CONTEXT
                    + ": the attention layers' KV caches hold that many seeded random past tokens, every position"
                    + " is the context, the gated-delta-net conv and recurrent states are seeded random (a decode"
                    + " step at that context). Used with --mixers all.")
    int context;

    @Option(names = "--iters", defaultValue = "20", description = "Measured steps per run (default: ${DEFAULT-VALUE}).")
    int iters;

    @Option(names = "--warmup", defaultValue = "3", description = "Warm-up steps per run (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--routing", defaultValue = "router", description = RoutingScenario.FORMS + " (default: router).")
    String routing;

    @Option(names = "--seed", defaultValue = "0", description = "Seeds weights, inputs and routing scenarios.")
    long seed;

    @Option(
            names = "--tp",
            defaultValue = "1",
            paramLabel = "N",
            description = "Tensor-parallel size (default: ${DEFAULT-VALUE}, one GPU). N > 1 shards the model over N"
                    + " GPUs of one host (attention and gated-delta-net heads and each expert's intermediate size"
                    + " split, router, norms and the shared expert's gate replicated). The multi-GPU run is not"
                    + " built yet (the sharding is verified on the CPU): N > 1 stops with one line saying how many"
                    + " GPUs are visible.")
    int tp;

    @Option(names = "--verify", description = "Compare fused, unfused and a CPU reference once per batch.")
    boolean verify;

    @Option(
            names = "--dump",
            paramLabel = "DIR",
            description = "Write each run's layer-0 MoE block tensors (inputs, router logits, routing ids and"
                    + " weights, expert counts, outputs; run once from the step's initial inputs) to DIR as"
                    + " safetensors files, with DIR/index.json.")
    Path dump;

    @Option(names = "--out", required = true, paramLabel = "run.sqlite", description = "The database to create.")
    Path out;

    @Option(
            names = "--trace",
            defaultValue = "full",
            paramLabel = "LEVEL",
            description = "full (default: every kernel, API call, copy, set and synchronization), kernels (kernels"
                    + " and the API calls that launch them) or none (no CUPTI: step times and metadata only, so"
                    + " that ncu or nsys profile can wrap the run). With another CUPTI client in the process, the"
                    + " run falls back to none and says so.")
    TraceLevel trace;

    @Option(
            names = "--step-timing",
            defaultValue = "auto",
            paramLabel = "HOW",
            description = "auto (default: gated, or direct when a CUDA tool such as ncu or nsys is injected through "
                    + StepTimingChoice.INJECTION_VARIABLE
                    + ", saying so in one line), gated (the stream waits until the host has enqueued the step, so a"
                    + " step's time is the GPU's alone; graph replays and eager steps of up to "
                    + CudaStepDevice.MAX_GATED_LAUNCHES
                    + " launches; never under ncu, which waits for each kernel inside its launch) or direct (the"
                    + " events bracket the launches as the host makes them).")
    StepTimingOption stepTiming;

    /** What {@code --overhead-reference} compares the traced steps with. */
    enum OverheadReference {
        /** Steps of the same process with CUPTI paused, half before and half after the measured ones. */
        PAUSED,
        /** Also the same runs in a child process without CUPTI, recorded first. */
        PROCESS
    }

    @Option(
            names = "--overhead-reference",
            defaultValue = "paused",
            paramLabel = "HOW",
            description = "paused (default: the tracing overhead compares with steps of this process timed with CUPTI"
                    + " paused) or process (also record the same runs first in a child process without CUPTI, and"
                    + " store each run's step time there and the overhead against it: a process with CUPTI attached"
                    + " runs steps slower even while paused, so paused can understate the cost; takes as long"
                    + " again).")
    OverheadReference overheadReference;

    @Option(
            names = "--progress",
            defaultValue = "auto",
            description = "auto (a bar on a terminal, else lines), bar, lines, json (one object per line on stdout),"
                    + " none.")
    String progress;

    @Spec
    CommandSpec spec;

    private final DeviceOpener opener;
    private final Map<String, String> environment;

    RunCommand() {
        this(DeviceOpener.CUDA);
    }

    RunCommand(DeviceOpener opener) {
        this(opener, System.getenv());
    }

    /** @param environment the process's environment ({@link StepTimingChoice#of} reads it) */
    RunCommand(DeviceOpener opener, Map<String, String> environment) {
        this.opener = opener;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        ModelConfig config = config();
        TensorParallelGate.check(config, tp);
        boolean withMixers = mixers();
        if (context < 0 || context > MAX_CONTEXT) {
            throw new IllegalArgumentException("--context must be in 0.." + MAX_CONTEXT + " tokens, not " + context);
        }
        RoutingScenario scenario = RoutingScenario.parse(routing);
        List<RunRequest> runs = runs(config, scenario, withMixers);
        WeightSource source =
                weights == null ? WeightSource.synthetic(config, seed) : WeightSource.checkpoint(config, weights);
        if (opener == DeviceOpener.CUDA) {
            requireGpu(trace); // before the database exists: no empty file is left behind
        }
        StepTimingChoice timing = StepTimingChoice.of(stepTiming, trace, environment);
        TraceOptions options = new TraceOptions(trace, timing.timing());
        DeviceOpener chosen =
                opener == DeviceOpener.CUDA ? (sink, w, s) -> new CudaStepDevice(sink, w, s, options) : opener;
        PrintWriter err = spec.commandLine().getErr();
        timing.notice().ifPresent(n -> {
            err.println("fusescope: " + n);
            err.flush();
        });
        Map<String, Double> noCupti = noCuptiReference(timing, err);
        List<StepSpec> steps = runs.stream().map(RunRequest::spec).toList();
        PrintWriter summary = progress.equals("json")
                ? spec.commandLine().getErr()
                : spec.commandLine().getOut();
        RunRecording recording = new RunRecording(
                runs,
                verify ? (device, batch) -> verify(device, source, runs, batch) : null,
                progress(),
                dump,
                timing.problems());
        recording.noCuptiStepNs(noCupti);
        List<RunOutcome> outcomes = recording.record(out, sink -> {
            StepDevice device = chosen.open(sink, source, steps);
            device.tracer().notice().ifPresent(n -> {
                err.println("fusescope: " + n);
                err.flush();
            });
            return device;
        });
        summary.println("wrote " + out + ": " + outcomes.size() + " runs, weights " + source.describe()
                + (withMixers ? ", whole decoder layers at context " + context : ", MoE blocks only"));
        outcomes.forEach(o -> summary.println(o.summary()));
        boolean checksPassed = printClosingLines(summary, err);
        summary.flush();
        outcomes.forEach(o -> o.alerts().forEach(a -> err.println("fusescope: " + o.name() + ": " + a)));
        err.flush();
        return checksPassed ? 0 : 1;
    }

    /**
     * What follows the runs' own lines: each fused run's speed-up without the tracer's cost, then {@code --verify}'s
     * result (on {@code err} when a check is outside its tolerance).
     *
     * @return false when a check is outside its tolerance
     */
    private boolean printClosingLines(PrintWriter summary, PrintWriter err) {
        if (trace == TraceLevel.NONE && !verify) {
            return true;
        }
        try (TraceReader reader = TraceReader.open(out)) {
            if (trace != TraceLevel.NONE) {
                FusionSpeedUps.lines(reader.runs(), reader.metadata()).forEach(summary::println);
            }
            if (!verify) {
                return true;
            }
            Map<Integer, List<NumericCheck>> checks = VerifySummary.read(out, reader.runs());
            boolean passed = VerifySummary.passed(checks);
            VerifySummary.lines(checks).forEach(l -> {
                if (passed) {
                    summary.println(l);
                } else {
                    err.println("fusescope: " + l);
                }
            });
            return passed;
        }
    }

    /**
     * Layer 0's MoE block and, with mixers, the first layer of each mixer type, at {@code batch}; the fused
     * side of the block also runs the opt-in kernels any run at that batch switched on.
     */
    private static List<NumericCheck> verify(StepDevice device, WeightSource source, List<RunRequest> runs, int batch) {
        List<StepSpec> atBatch = runs.stream()
                .map(RunRequest::spec)
                .filter(s -> s.batch() == batch)
                .toList();
        StepSpec spec = atBatch.get(0);
        Set<Fusion> optIn = EnumSet.noneOf(Fusion.class);
        atBatch.forEach(s -> s.switches().stream().filter(Fusion::optIn).forEach(optIn::add));
        List<NumericCheck> checks = new ArrayList<>(BlockVerifier.verify(device, source.layer(0), spec, optIn));
        checks.addAll(MixerVerifier.verify(device, source, spec));
        return checks;
    }

    /**
     * With {@code --overhead-reference process}, each run's step time in a child without CUPTI; else none. A child
     * that fails costs the runs their reference only: one line says why.
     */
    private Map<String, Double> noCuptiReference(StepTimingChoice timing, PrintWriter err) {
        if (overheadReference != OverheadReference.PROCESS) {
            return Map.of();
        }
        if (trace == TraceLevel.NONE) {
            err.println("fusescope: --overhead-reference process: a --trace none run has no tracing to compare; no"
                    + " reference process");
            err.flush();
            return Map.of();
        }
        try {
            return NoCuptiReference.measure(runOptions(), timing.timing(), out, err);
        } catch (IOException | RuntimeException e) {
            err.println("fusescope: the reference process without CUPTI failed, the runs keep the in-run overhead"
                    + " only: " + e.getMessage());
            err.flush();
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the reference process without CUPTI ran", e);
        }
    }

    /**
     * This run's options that say which runs to record (for a child recording the same runs). A new option goes
     * here or into {@code NoCuptiReferenceTest}'s list of options the child does not get; that test fails until it
     * is one or the other.
     */
    List<String> runOptions() {
        List<String> o = new ArrayList<>();
        if (model != null && model.config != null) {
            o.addAll(List.of("--config", model.config.toString()));
        } else {
            o.addAll(List.of("--preset", model == null || model.preset == null ? "qwen3-next-80b-a3b" : model.preset));
        }
        if (weights != null) {
            o.addAll(List.of("--weights", weights.toString()));
        }
        o.addAll(List.of(
                "--batch",
                batches.stream().map(String::valueOf).collect(Collectors.joining(",")),
                "--variants",
                String.join(",", variants),
                "--mode",
                String.join(",", modes),
                "--layers",
                String.valueOf(layers),
                "--mixers",
                mixers,
                "--context",
                String.valueOf(context),
                "--iters",
                String.valueOf(iters),
                "--warmup",
                String.valueOf(warmup),
                "--routing",
                routing,
                "--seed",
                String.valueOf(seed)));
        return o;
    }

    private static void requireGpu(TraceLevel trace) {
        Gpu.probe();
        if (trace != TraceLevel.NONE && !Cupti.isAvailable()) {
            throw new IllegalStateException(Cupti.unavailableReason());
        }
    }

    private boolean mixers() {
        return switch (mixers.trim().toLowerCase(Locale.ROOT)) {
            case "none" -> false;
            case "all" -> true;
            default -> throw new IllegalArgumentException(
                    "unknown --mixers '" + mixers + "': use none (MoE blocks only) or all (whole decoder layers)");
        };
    }

    private List<RunRequest> runs(ModelConfig config, RoutingScenario scenario, boolean withMixers) {
        List<RunRequest> runs = new ArrayList<>();
        for (int batch : batches) {
            for (String mode : modes) {
                boolean graph =
                        switch (mode.trim().toLowerCase(Locale.ROOT)) {
                            case "graph" -> true;
                            case "eager" -> false;
                            default -> throw new IllegalArgumentException(
                                    "unknown mode '" + mode + "': use graph or eager");
                        };
                for (String variant : variants) {
                    StepSpec step = new StepSpec(
                            config,
                            Fusion.parseVariant(variant),
                            batch,
                            layers,
                            scenario,
                            seed,
                            DecodeContext.of(context),
                            withMixers);
                    runs.add(new RunRequest(step, variant.trim(), graph, warmup, iters));
                }
            }
        }
        return runs;
    }

    private ModelConfig config() {
        if (model != null && model.config != null) {
            return ModelConfig.fromHuggingFace(model.config);
        }
        return ModelConfig.preset(model == null || model.preset == null ? "qwen3-next-80b-a3b" : model.preset);
    }

    private Progress progress() {
        PrintWriter err = spec.commandLine().getErr();
        return switch (progress) {
            case "json" -> ProgressPrinters.json(spec.commandLine().getOut());
            case "bar" -> ProgressPrinters.bar(err);
            case "lines" -> ProgressPrinters.lines(err);
            case "none" -> Progress.NONE;
            case "auto" -> System.console() != null ? ProgressPrinters.bar(err) : ProgressPrinters.lines(err);
            default -> throw new IllegalArgumentException(
                    "unknown --progress '" + progress + "': use auto, bar, lines, json or none");
        };
    }
}
