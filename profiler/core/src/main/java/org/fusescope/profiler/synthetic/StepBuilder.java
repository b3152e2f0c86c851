package org.fusescope.profiler.synthetic;

import java.util.List;
import org.fusescope.profiler.model.ExpertCounts;
import org.fusescope.profiler.model.KernelAttribution;
import org.fusescope.profiler.model.RangeLevel;

/**
 * Lays out decode steps on a CPU clock and a GPU clock. Eager: every kernel gets its own
 * {@code cuLaunchKernel} (4–8 µs) inside step → layer → block → op ranges and starts only after its
 * launch returned, so short kernels leave the GPU idle. Graph: one {@code cuGraphLaunch} per step
 * inside the step range; all kernels of the step share its correlation id, run back to back with
 * ~1 µs gaps and carry the same graph node ids in every step. After each step, outside its range,
 * the expert counts are copied to the host and the stream is synchronized. Not thread-safe.
 */
final class StepBuilder {
    private final SyntheticSpec spec;
    private final ModelShape shape;
    private final List<SyntheticKernel> ops;
    private final LaunchShapes launch;
    private final KernelTimings time;
    private final SyntheticRouting routing;
    private final TraceSink sink;
    private final ReadBack readBack;
    private long cpu;
    private long gpu;

    StepBuilder(SyntheticSpec spec, KernelTimings time, TraceSink sink) {
        this.spec = spec;
        this.shape = ModelShape.of(spec);
        this.ops = KernelSequence.sequence(spec);
        this.launch = new LaunchShapes(shape);
        this.time = time;
        this.routing = new SyntheticRouting(spec.seed(), spec.experts(), spec.topK(), spec.batch(), spec.layers());
        this.sink = sink;
        this.readBack = new ReadBack(spec, time, sink);
        this.cpu = spec.startNs();
        this.gpu = spec.startNs();
    }

    /** Generates step {@code step} and its read-back. */
    void step(int step) {
        long stepStart = cpu;
        cpu += 300;
        if (spec.graph()) {
            graphStep(step);
        } else {
            for (int layer = 0; layer < spec.layers(); layer++) {
                eagerLayer(step, layer);
            }
        }
        cpu += 200;
        sink.range(stepStart, cpu, "step " + step, RangeLevel.STEP);
        cpu = readBack.after(step, cpu + time.between(300, 800), gpu);
        gpu = sink.lastEndNs();
    }

    private void eagerLayer(int step, int layer) {
        int touched = route(step, layer);
        long layerStart = cpu;
        long blockStart = layerStart + 100;
        cpu = blockStart + 100;
        for (SyntheticKernel op : ops) {
            long opStart = cpu;
            cpu += 150;
            if (op == SyntheticKernel.MOE_ALIGN) {
                long corr = sink.newCorrelation();
                long apiEnd = sink.api(cpu, time.between(3_000, 5_000), corr, "cuMemsetD32Async");
                long start = Math.max(gpu + time.between(1_000, 1_500), apiEnd + time.between(500, 1_500));
                gpu = sink.memset(start, time.memsetNs(), corr, 4L * spec.experts());
                cpu = apiEnd + 150;
            }
            long corr = sink.newCorrelation();
            long apiEnd = sink.api(cpu, time.launchNs(), corr, "cuLaunchKernel");
            long start = Math.max(gpu + time.between(1_000, 1_500), apiEnd + time.between(500, 1_500));
            gpu = kernel(op, step, layer, touched, start, corr, 0);
            cpu = apiEnd + 100;
            sink.range(opStart, cpu, op.opName(), RangeLevel.OP);
            cpu += time.between(300, 1_000);
        }
        cpu += 100;
        sink.range(blockStart, cpu, "moe", RangeLevel.BLOCK);
        cpu += 100;
        sink.range(layerStart, cpu, "layer " + layer, RangeLevel.LAYER);
        cpu += 100;
    }

    private void graphStep(int step) {
        boolean memset = ops.contains(SyntheticKernel.MOE_ALIGN);
        int nodes = spec.layers() * (ops.size() + (memset ? 1 : 0));
        long corr = sink.newCorrelation();
        long apiEnd = sink.api(cpu, time.graphLaunchNs(nodes), corr, "cuGraphLaunch");
        long next = Math.max(gpu + time.graphGapNs(), apiEnd + time.between(1_000, 2_000));
        long node = 1;
        for (int layer = 0; layer < spec.layers(); layer++) {
            int touched = route(step, layer);
            for (SyntheticKernel op : ops) {
                if (op == SyntheticKernel.MOE_ALIGN) {
                    next = sink.memset(next, time.memsetNs(), corr, 4L * spec.experts()) + time.graphGapNs();
                    node++;
                }
                gpu = kernel(op, step, layer, touched, next, corr, node++);
                next = gpu + time.graphGapNs();
            }
        }
        cpu = apiEnd;
    }

    /** Routes one layer, records its counts and returns the grouped GEMMs' experts touched. */
    private int route(int step, int layer) {
        int[] counts = routing.route(layer, shape.appended() ? 1 : 0);
        sink.counts.add(new ExpertCounts(layer, step, counts));
        int touched = 0;
        for (int c : counts) {
            touched += c > 0 ? 1 : 0;
        }
        return touched;
    }

    private long kernel(SyntheticKernel op, int step, int layer, int touched, long start, long corr, long node) {
        long[] cost = KernelSequence.cost(op, shape, touched);
        KernelAttribution attribution =
                new KernelAttribution(op.opName(), op.group(), op.fused(), layer, step, cost[0], cost[1], cost[2]);
        long duration = time.kernelNs(op, cost[0] + cost[1]);
        return sink.kernel(op, launch, shape, start, duration, corr, node, attribution);
    }
}
