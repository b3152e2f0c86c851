package org.fusescope.runner.gpu;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.fusescope.kernels.cuda.Blas;
import org.fusescope.kernels.cuda.CudaContext;
import org.fusescope.kernels.cuda.CudaEvent;
import org.fusescope.kernels.cuda.CudaGraph;
import org.fusescope.kernels.cuda.CudaStream;
import org.fusescope.kernels.cuda.StreamGate;
import org.fusescope.kernels.ops.KernelLibrary;
import org.fusescope.profiler.cupti.Sink;
import org.fusescope.profiler.model.DeviceInfo;
import org.fusescope.profiler.ops.Op;
import org.fusescope.runner.model.MixerWeights;
import org.fusescope.runner.model.MoeWeights;
import org.fusescope.runner.model.WeightSource;
import org.fusescope.runner.record.BlockOutputs;
import org.fusescope.runner.record.LayerTables;
import org.fusescope.runner.record.MixerOutputs;
import org.fusescope.runner.record.StepDevice;
import org.fusescope.runner.record.StepTiming;
import org.fusescope.runner.record.TraceOptions;
import org.fusescope.runner.record.Tracer;
import org.fusescope.runner.step.BlockPlan;
import org.fusescope.runner.step.DecodeSplit;
import org.fusescope.runner.step.DecodeStateSizes;
import org.fusescope.runner.step.DecoderStepPlan;
import org.fusescope.runner.step.LayerPlan;
import org.fusescope.runner.step.StepSpec;

/**
 * The {@link StepDevice} on GPU 0: CUPTI starts before the context exists, then the context, kernel
 * library (NVRTC, cached cubins), one non-blocking stream, cuBLAS and the copy-bandwidth calibration.
 * Each layer's weights are uploaded once per layout (routed experts only, or with the shared expert
 * appended) and kept for every run; when the MoE weights of all layers do not fit, layers share them
 * ({@link #weightNote}). With mixers, each layer's mixer weights are uploaded once, and each run gets
 * its own decode state (checked against free memory first). Use from the thread that opened it.
 */
public final class CudaStepDevice implements StepDevice {
    /** Device memory left free after the decode state and mixer weights: activations, cuBLAS, graphs. */
    private static final long HEADROOM_BYTES = 1L << 30;

    /** The most launches an eager step may have to be timed at the gate ({@link StreamGate}'s queue limit). */
    public static final int MAX_GATED_LAUNCHES = 256;

    private final CuptiTracer tracer;
    private final StepTiming timing;
    private final WeightSource weights;
    private final Set<Boolean> layouts;
    /** Layers of the largest step the runs prepare. */
    private final int plannedLayers;
    /** Bytes of the largest decode state the runs allocate (0 without mixers). */
    private final long plannedStateBytes;

    private final CudaContext context;
    private final KernelLibrary library;
    private final CudaStream stream;
    private final Blas blas;
    private final CudaEvent start;
    private final CudaEvent end;
    private final StreamGate gate;
    /** Launches of one eager step of the prepared run. */
    private int launchesPerStep;
    /**
     * Steps of the prepared run timed so far. The first is never held at the gate: it is where cuBLAS and the
     * kernels set themselves up, and a call that waited for the device then would wait for the gate forever.
     */
    private int timedSteps;

    private final DeviceInfo info;
    private final Map<Boolean, BlockKernels> kernels = new HashMap<>();
    private final Map<String, DeviceWeights> uploaded = new HashMap<>();
    private final Map<Integer, DeviceMixerWeights> mixerWeights = new HashMap<>();
    private MixerKernels mixerKernels;
    /** Distinct MoE weight sets layers use ({@link #moeWeightSets}). */
    private int moeSets;

    private GpuBlock block;
    private GpuMixers mixers;
    private CudaGraph graph;

    /**
     * Starts tracing into {@code sink}, opens GPU 0 and calibrates.
     *
     * @param steps the steps the runs will prepare (in any order, verification steps need not be
     *     listed): which weight layouts they need (routed experts only, or with the shared expert as
     *     expert E), their most layers and largest decode state decide how many MoE weight sets stay
     *     on the device ({@link #moeWeightSets})
     */
    public CudaStepDevice(Sink sink, WeightSource weights, List<StepSpec> steps) {
        this(sink, weights, steps, TraceOptions.DEFAULT);
    }

    /** As {@link #CudaStepDevice(Sink, WeightSource, List)}, tracing and timing steps as {@code options} say. */
    public CudaStepDevice(Sink sink, WeightSource weights, List<StepSpec> steps, TraceOptions options) {
        this.tracer = new CuptiTracer(options.level());
        this.timing = options.timing();
        this.weights = weights;
        Set<Boolean> needed = new TreeSet<>();
        steps.forEach(s -> needed.add(s.sharedAsExpert()));
        this.layouts = Set.copyOf(needed);
        this.plannedLayers = steps.stream().mapToInt(StepSpec::layers).max().orElse(1);
        this.plannedStateBytes = steps.stream()
                .filter(StepSpec::mixers)
                .mapToLong(s -> DecodeStateSizes.of(s).totalBytes())
                .max()
                .orElse(0);
        tracer.start(sink);
        try {
            context = CudaContext.open(0);
            library = KernelLibrary.open(context);
            stream = CudaStream.create();
            blas = Blas.create();
            start = CudaEvent.create();
            end = CudaEvent.create();
            gate = new StreamGate();
            info = DeviceCalibration.measure(context, stream);
        } catch (RuntimeException e) {
            tracer.close();
            throw e;
        }
    }

    @Override
    public DeviceInfo device() {
        return info;
    }

    @Override
    public Tracer tracer() {
        return tracer;
    }

    @Override
    public void prepare(StepSpec spec) {
        release();
        launchesPerStep = DecoderStepPlan.launchCount(spec.layerPlans());
        timedSteps = 0;
        if (spec.mixers()) {
            int chunks = DecodeSplit.of(spec, info.smCount()).chunks();
            if (spec.context().splits() != chunks) {
                throw new IllegalArgumentException("the step's plan splits decode attention into "
                        + spec.context().splits() + " parts, this device into " + chunks
                        + "; plan with DecodeSplit.forDevice");
            }
            DecodeStateSizes.of(spec).requireFits(context.freeMemoryBytes() - HEADROOM_BYTES);
        }
        List<DeviceMixerWeights> layerMixers = new ArrayList<>();
        if (spec.mixers()) {
            for (int layer = 0; layer < spec.layers(); layer++) {
                layerMixers.add(uploadMixer(layer));
            }
        }
        int sets = moeWeightSets(spec);
        List<DeviceWeights> layerWeights = new ArrayList<>();
        for (int layer = 0; layer < spec.layers(); layer++) {
            layerWeights.add(upload(spec, layer % sets));
        }
        BlockKernels k = kernels.computeIfAbsent(
                spec.sharedAsExpert(),
                on -> new BlockKernels(library, blas, spec.dims(), spec.config().sharedInter()));
        block = new GpuBlock(spec, stream, k, layerWeights);
        if (spec.mixers()) {
            if (mixerKernels == null) {
                mixerKernels = new MixerKernels(library, spec.config());
            }
            mixers = new GpuMixers(
                    spec,
                    stream,
                    k,
                    mixerKernels,
                    block.activations(),
                    layerMixers,
                    DecodeSplit.of(spec, info.smCount()));
        }
        context.synchronize();
    }

    /**
     * How many layers get MoE weights of their own: all layers of the largest step (planned or prepared)
     * when their weights (every layout the runs need) fit in the free memory (plus what the MoE weights
     * already uploaded hold) less a reserve for the largest planned decode state and activations
     * ({@link #reserveBytes}); else as many as fit, at least one, and layer l uses layer (l mod n)'s MoE
     * weights ({@link #weightNote}). Decided at the first prepare, for every run alike (a one-layer
     * verification step first does not limit a 48-layer run to one set, a batch-1 run first does not
     * leave a batch-256 run without room for its decode state), and again only for a step with more
     * layers than any before (the uploaded sets stay cached, so the count never shrinks).
     */
    private int moeWeightSets(StepSpec spec) {
        int layers = Math.max(spec.layers(), plannedLayers);
        if (layers > setsDecidedFor) {
            Set<Boolean> needed = new TreeSet<>(layouts);
            needed.add(spec.sharedAsExpert());
            long perLayer = needed.stream()
                    .mapToLong(l -> DeviceWeights.bytes(spec.config(), l))
                    .sum();
            long available = context.freeMemoryBytes() + uploadedMoeBytes - reserveBytes(spec);
            moeSets = (int) Math.max(moeSets, Math.max(1, Math.min(layers, available / perLayer)));
            setsDecidedFor = layers;
        }
        layersAsked = spec.layers();
        return Math.min(moeSets, spec.layers());
    }

    /** The most layers a prepared step had (0 before the first). */
    private int setsDecidedFor;

    /** Layers of the step prepared last. */
    private int layersAsked;

    /** Device bytes the cached MoE weight sets hold. */
    private long uploadedMoeBytes;

    /** Distinct MoE weight sets uploaded (package-private for the GPU test). */
    int uploadedMoeSets() {
        return (int) uploaded.keySet().stream()
                .map(k -> k.substring(0, k.indexOf(':')))
                .distinct()
                .count();
    }

    /**
     * Memory kept free of MoE weights: the largest decode state of the planned steps and {@code spec}
     * plus 4 GiB for activations, routing tables, cuBLAS and the graph; 6 GiB at least.
     */
    private long reserveBytes(StepSpec spec) {
        long state = spec.mixers() ? DecodeStateSizes.of(spec).totalBytes() : 0;
        return Math.max(6L << 30, Math.max(state, plannedStateBytes) + (4L << 30));
    }

    @Override
    public Optional<String> weightNote() {
        if (layersAsked == 0 || moeSets >= layersAsked) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                Locale.ROOT,
                "MoE weights of layers 0..%d only (all %d layers' do not fit in device memory): layer l uses layer"
                        + " (l mod %d)'s MoE weights; every layer has its own mixer weights",
                moeSets - 1,
                layersAsked,
                moeSets));
    }

    private DeviceMixerWeights uploadMixer(int layer) {
        DeviceMixerWeights w = mixerWeights.get(layer);
        if (w == null) {
            MixerWeights host = weights.mixer(layer);
            long need = DeviceMixerWeights.bytes(host);
            long free = context.freeMemoryBytes();
            if (need > free - HEADROOM_BYTES) {
                throw new IllegalStateException(String.format(
                        Locale.ROOT,
                        "layer %d's mixer weights need %.2f GB of device memory, %.2f GB are free; record fewer layers",
                        layer,
                        need / 1e9,
                        free / 1e9));
            }
            w = DeviceMixerWeights.upload(host);
            mixerWeights.put(layer, w);
        }
        return w;
    }

    private DeviceWeights upload(StepSpec spec, int layer) {
        String key = layer + ":" + spec.sharedAsExpert();
        DeviceWeights w = uploaded.get(key);
        if (w != null) {
            return w;
        }
        MoeWeights host = weights.layer(layer);
        Set<Boolean> needed = new TreeSet<>(layouts);
        needed.add(spec.sharedAsExpert());
        for (boolean layout : needed) {
            if (uploaded.containsKey(layer + ":" + layout)) {
                continue;
            }
            long need = DeviceWeights.bytes(spec.config(), layout);
            long free = context.freeMemoryBytes();
            if (need > free - (256L << 20)) {
                throw new IllegalStateException(String.format(
                        Locale.ROOT,
                        "layer %d's weights need %.2f GB of device memory, %.2f GB are free; record fewer layers",
                        layer,
                        need / 1e9,
                        free / 1e9));
            }
            uploaded.put(layer + ":" + layout, new DeviceWeights(host, layout));
            uploadedMoeBytes += need;
        }
        return uploaded.get(key);
    }

    @Override
    public void launch(Op launch, int layer) {
        block.launch(launch, layer);
    }

    @Override
    public void launch(String blockName, Op launch, int layer) {
        if (blockName.equals(DecoderStepPlan.MOE_BLOCK)) {
            block.launch(launch, layer);
        } else {
            mixers.launch(launch, layer);
        }
    }

    @Override
    public void capture(Runnable launches) {
        if (graph != null) {
            graph.close();
        }
        graph = CudaGraph.capture(stream, launches);
    }

    @Override
    public void replay() {
        graph.launch(stream);
    }

    @Override
    public StepTiming stepTiming(boolean graph) {
        return timing == StepTiming.GATED && (graph || launchesPerStep <= MAX_GATED_LAUNCHES)
                ? StepTiming.GATED
                : StepTiming.DIRECT;
    }

    @Override
    public void beginTiming() {
        if (timedSteps++ > 0 && stepTiming(graph != null) == StepTiming.GATED) {
            gate.hold(stream);
        }
        start.record(stream);
    }

    @Override
    public void beginDirectTiming() {
        timedSteps++;
        start.record(stream);
    }

    @Override
    public double endTiming() {
        end.record(stream);
        gate.release();
        end.synchronize();
        return end.elapsedMillis(start) * 1e6;
    }

    @Override
    public LayerTables tables(int layer) {
        stream.synchronize();
        return block.tables(layer);
    }

    @Override
    public BlockOutputs runLayerOnce(StepSpec spec) {
        tracer.pause();
        try {
            prepare(spec);
            for (Op l : spec.moeLaunches()) {
                block.launch(l, 0);
            }
            stream.synchronize();
            return block.outputs();
        } finally {
            release();
            tracer.resume();
        }
    }

    @Override
    public MixerOutputs runMixerOnce(StepSpec asked, int layer) {
        StepSpec spec = DecodeSplit.forDevice(asked, info.smCount());
        tracer.pause();
        try {
            prepare(spec);
            LayerPlan plan = spec.layerPlans().get(layer);
            BlockPlan mixer = plan.blocks().get(0);
            for (Op l : mixer.launches()) {
                launch(mixer.name(), l, layer);
            }
            stream.synchronize();
            int n = spec.batch() * spec.config().hidden();
            short[] hidden = new short[n];
            short[] residual = new short[n];
            block.activations().hidden.download(hidden);
            block.activations().residual.download(residual);
            return new MixerOutputs(layer, hidden, residual);
        } finally {
            release();
            tracer.resume();
        }
    }

    @Override
    public void release() {
        if (graph != null) {
            graph.close();
            graph = null;
        }
        if (mixers != null) {
            mixers.close();
            mixers = null;
        }
        if (block != null) {
            block.close();
            block = null;
        }
    }

    @Override
    public void close() {
        try {
            release();
            uploaded.values().forEach(DeviceWeights::close);
            uploaded.clear();
            mixerWeights.values().forEach(DeviceMixerWeights::close);
            mixerWeights.clear();
            gate.close();
            start.close();
            end.close();
            blas.close();
            stream.close();
            library.close();
            context.close();
        } finally {
            tracer.close();
        }
    }
}
