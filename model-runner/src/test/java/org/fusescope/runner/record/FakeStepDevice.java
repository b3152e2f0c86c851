package org.fusescope.runner.record;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fusescope.profiler.cupti.Sink;
import org.fusescope.profiler.model.ApiCall;
import org.fusescope.profiler.model.ApiKind;
import org.fusescope.profiler.model.DeviceInfo;
import org.fusescope.profiler.model.Dim3;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.MemoryKind;
import org.fusescope.profiler.model.MemsetEvent;
import org.fusescope.profiler.ops.LaunchKind;
import org.fusescope.profiler.ops.Op;
import org.fusescope.runner.step.StepSpec;

/**
 * FAKE (CPU tests only): a {@link StepDevice} without a GPU. Every launch makes the records CUPTI
 * would (a {@code cuLaunchKernel} call and its kernel, sharing a correlation id; cuBLAS GEMMs launch two
 * kernels, like a split-K GEMM; moe_align_fused first a {@code cuMemsetD8Async} and its memset row, like its
 * multi-block path); a graph
 * replay makes one {@code cuGraphLaunch} whose kernels share its correlation id and carry node ids.
 * Routing is a fixed pattern that obeys every align invariant unless {@link #breakTablesAtStep} says
 * otherwise, and {@link #failAtLaunch} makes the n-th launch throw like a CUDA error. {@link #timeline}
 * notes the timed steps and table copies in the order they came.
 */
public final class FakeStepDevice implements StepDevice {
    static final long TID = (4242L << 24) | 7;

    private final FakeTracer tracer = new FakeTracer();
    private StepSpec spec;
    private List<Object[]> captured;
    private boolean capturing;
    private long correlation = 100;
    private long gpu;
    private int launches;
    private int tablesRead;
    public int failAtLaunch = -1;
    boolean failPrepare;
    /** The table read (0-based, counted over the device's life) that loses one count. */
    int breakTableRead = -1;

    boolean closed;

    /**
     * What the recorder asked for, in order: {@code T} a timed step begun while the tracer recorded, {@code U} one
     * begun while it was paused, {@code r} a table copy (one per layer).
     */
    final StringBuilder timeline = new StringBuilder();

    public FakeStepDevice(Sink sink) {
        tracer.start(sink);
    }

    @Override
    public DeviceInfo device() {
        return new DeviceInfo(
                0,
                "Fake GPU (CPU test)",
                132,
                80L << 30,
                3_350_000_000_000L,
                1_980_000_000L,
                9,
                0,
                50L << 20,
                3.0e12,
                989e12);
    }

    @Override
    public Tracer tracer() {
        return tracer;
    }

    @Override
    public void prepare(StepSpec s) {
        if (failPrepare) {
            throw new IllegalStateException("CUDA_ERROR_OUT_OF_MEMORY (fake) while uploading weights");
        }
        this.spec = s;
    }

    @Override
    public void launch(Op launch, int layer) {
        if (++launches == failAtLaunch) {
            throw new IllegalStateException("CUDA_ERROR_ILLEGAL_ADDRESS (fake) at launch " + launches);
        }
        if (capturing) {
            captured.add(new Object[] {launch, layer});
            return;
        }
        for (int i = 0; i < kernelsOf(launch); i++) {
            boolean memset = zeroesByMemset(launch) && i == 0;
            long corr = ++correlation;
            long start = tracer.advance(2_000);
            tracer.call(new ApiCall(
                    start, start + 1_500, TID, corr, memset ? "cuMemsetD8Async" : "cuLaunchKernel", 0, ApiKind.DRIVER));
            gpu = Math.max(gpu, start + 3_000);
            if (memset) {
                tracer.memset(new MemsetEvent(gpu, gpu + 800, 0, 1, 7, corr, 0, 4L * 16, MemoryKind.DEVICE));
                gpu += 800;
            } else {
                kernel(launch, zeroesByMemset(launch) ? i - 1 : i, corr, 0);
            }
        }
    }

    /** cuBLAS GEMMs launch two kernels (like a split-K GEMM and its reduction), moe_align_fused a memset and
     * its kernel; everything else one kernel. */
    private static int kernelsOf(Op launch) {
        return launch.kind() == LaunchKind.CUBLAS || zeroesByMemset(launch) ? 2 : 1;
    }

    /**
     * The fake zeroes moe_align_fused's counts with a memset first, as the multi-block path did until 2026-12-07 (it
     * is a kernel now): kept so that CPU tests record and attribute a memset.
     */
    private static boolean zeroesByMemset(Op launch) {
        return launch == Op.MOE_ALIGN_FUSED;
    }

    private void kernel(Op launch, int index, long corr, long node) {
        String name = launch.opName() + (index == 0 ? "_kernel" : "_splitk_reduce");
        Dim3 grid = new Dim3(132, 1, 1);
        Dim3 block = new Dim3(256, 1, 1);
        tracer.kernel(
                new KernelEvent(gpu, gpu + 1_500, 0, 1, 7, corr, name, name, grid, block, 32, 0, 0, 0, node, null));
        gpu += 2_000;
    }

    @Override
    public void capture(Runnable body) {
        captured = new ArrayList<>();
        capturing = true;
        try {
            body.run();
        } finally {
            capturing = false;
        }
    }

    @Override
    public void replay() {
        long corr = ++correlation;
        long start = tracer.advance(5_000);
        tracer.call(new ApiCall(start, start + 4_000, TID, corr, "cuGraphLaunch", 0, ApiKind.DRIVER));
        gpu = Math.max(gpu, start + 6_000);
        long node = 1;
        for (Object[] c : captured) {
            Op l = (Op) c[0];
            for (int i = 0; i < kernelsOf(l); i++) {
                if (zeroesByMemset(l) && i == 0) {
                    tracer.memset(new MemsetEvent(gpu, gpu + 800, 0, 1, 7, corr, 0, 64, MemoryKind.DEVICE));
                    gpu += 1_000;
                } else {
                    kernel(l, zeroesByMemset(l) ? i - 1 : i, corr, node);
                }
                node++;
            }
        }
    }

    private long timingStart;

    @Override
    public void beginTiming() {
        timeline.append(tracer.recording() ? 'T' : 'U');
        timingStart = gpu;
    }

    @Override
    public double endTiming() {
        tracer.advanceTo(gpu); // the host waits for the device
        return gpu - timingStart;
    }

    @Override
    public LayerTables tables(int layer) {
        timeline.append('r');
        int read = tablesRead++;
        int slots = spec.slots();
        int experts = spec.dims().tableExperts();
        int[] ids = new int[slots];
        int[] count = new int[experts];
        int[] e2t = new int[experts * slots];
        for (int s = 0; s < slots; s++) {
            ids[s] = (s * 7 + layer) % experts;
            e2t[ids[s] * slots + count[ids[s]]++] = s;
        }
        if (read == breakTableRead) {
            count[ids[0]]--; // a lost atomicAdd: slot 0's expert is one short
        }
        return new LayerTables(layer, slots, ids, count, e2t);
    }

    /** What {@link #runLayerOnce} returned, in order, with the spec it was asked for. */
    public final List<Object[]> layerRuns = new ArrayList<>();

    /**
     * Computes nothing: seeded arbitrary values of the right shapes and dtypes (bf16 bits, fp32, int32),
     * the shared slot only when the variant runs the shared expert as expert E; recorded in {@link
     * #layerRuns}.
     */
    @Override
    public BlockOutputs runLayerOnce(StepSpec s) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(31L * layerRuns.size() + s.batch());
        int m = s.batch();
        int h = s.config().hidden();
        int e = s.config().experts();
        int k = s.config().topK();
        boolean shared = s.sharedAsExpert();
        BlockOutputs o = new BlockOutputs(
                bits(r, m * h),
                bits(r, m * h),
                bits(r, m * h),
                floats(r, m * e),
                r.ints(m * k, 0, e).toArray(),
                floats(r, m * k),
                floats(r, m),
                shared ? r.ints(m, e, e + 1).toArray() : null,
                shared ? floats(r, m) : null,
                r.ints(s.dims().tableExperts(), 0, m * k).toArray());
        layerRuns.add(new Object[] {s, o});
        return o;
    }

    private static short[] bits(java.util.SplittableRandom r, int n) {
        short[] out = new short[n];
        for (int i = 0; i < n; i++) {
            out[i] = org.fusescope.kernels.cuda.Bf16.fromFloat((float) r.nextGaussian());
        }
        return out;
    }

    private static float[] floats(java.util.SplittableRandom r, int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) r.nextGaussian();
        }
        return out;
    }

    @Override
    public void release() {
        captured = null;
    }

    @Override
    public void close() {
        closed = true;
        tracer.close();
    }

    @Override
    public String toString() {
        return "FakeStepDevice" + Arrays.asList(launches, correlation);
    }
}
