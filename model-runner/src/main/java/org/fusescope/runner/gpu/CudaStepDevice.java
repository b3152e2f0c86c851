package org.fusescope.runner.gpu;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.fusescope.kernels.cuda.Blas;
import org.fusescope.kernels.cuda.CudaContext;
import org.fusescope.kernels.cuda.CudaEvent;
import org.fusescope.kernels.cuda.CudaGraph;
import org.fusescope.kernels.cuda.CudaStream;
import org.fusescope.kernels.ops.KernelLibrary;
import org.fusescope.profiler.cupti.Sink;
import org.fusescope.profiler.model.DeviceInfo;
import org.fusescope.runner.model.MoeWeights;
import org.fusescope.runner.model.WeightSource;
import org.fusescope.runner.record.BlockOutputs;
import org.fusescope.runner.record.LayerTables;
import org.fusescope.runner.record.StepDevice;
import org.fusescope.runner.record.Tracer;
import org.fusescope.runner.step.Launch;
import org.fusescope.runner.step.MoeBlockPlan;
import org.fusescope.runner.step.StepSpec;

/**
 * The {@link StepDevice} on GPU 0: CUPTI starts before the context exists, then the context, kernel
 * library (NVRTC, cached cubins), one non-blocking stream, cuBLAS and the copy-bandwidth calibration.
 * Each layer's weights are uploaded once per layout (routed experts only, or with the shared expert
 * appended) and kept for every run. Use from the thread that opened it.
 */
public final class CudaStepDevice implements StepDevice {
    private final CuptiTracer tracer = new CuptiTracer();
    private final WeightSource weights;
    private final Set<Boolean> layouts;
    private final CudaContext context;
    private final KernelLibrary library;
    private final CudaStream stream;
    private final Blas blas;
    private final CudaEvent start;
    private final CudaEvent end;
    private final DeviceInfo info;
    private final Map<Boolean, BlockKernels> kernels = new HashMap<>();
    private final Map<String, DeviceWeights> uploaded = new HashMap<>();
    private GpuBlock block;
    private CudaGraph graph;

    /**
     * Starts tracing into {@code sink}, opens GPU 0 and calibrates.
     *
     * @param layouts which weight layouts the runs need: {@code false} routed experts only, {@code
     *     true} with the shared expert appended as expert E
     */
    public CudaStepDevice(Sink sink, WeightSource weights, Set<Boolean> layouts) {
        this.weights = weights;
        this.layouts = Set.copyOf(layouts);
        tracer.start(sink);
        try {
            context = CudaContext.open(0);
            library = KernelLibrary.open(context);
            stream = CudaStream.create();
            blas = Blas.create();
            start = CudaEvent.create();
            end = CudaEvent.create();
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
        List<DeviceWeights> layerWeights = new ArrayList<>();
        for (int layer = 0; layer < spec.layers(); layer++) {
            layerWeights.add(upload(spec, layer));
        }
        BlockKernels k = kernels.computeIfAbsent(
                spec.sharedAsExpert(),
                on -> new BlockKernels(library, blas, spec.dims(), spec.config().sharedInter()));
        block = new GpuBlock(spec, stream, k, layerWeights);
        context.synchronize();
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
        }
        return uploaded.get(key);
    }

    @Override
    public void launch(Launch launch, int layer) {
        block.launch(launch, layer);
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
    public void beginTiming() {
        start.record(stream);
    }

    @Override
    public double endTiming() {
        end.record(stream);
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
            for (Launch l : MoeBlockPlan.launches(spec.switches())) {
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
    public void release() {
        if (graph != null) {
            graph.close();
            graph = null;
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
