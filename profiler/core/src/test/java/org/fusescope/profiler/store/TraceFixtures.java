package org.fusescope.profiler.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fusescope.profiler.model.ApiCall;
import org.fusescope.profiler.model.ApiKind;
import org.fusescope.profiler.model.DeviceInfo;
import org.fusescope.profiler.model.Dim3;
import org.fusescope.profiler.model.ExpertCounts;
import org.fusescope.profiler.model.KernelAttribution;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.MemcpyEvent;
import org.fusescope.profiler.model.MemcpyKind;
import org.fusescope.profiler.model.MemoryKind;
import org.fusescope.profiler.model.MemsetEvent;
import org.fusescope.profiler.model.NumericCheck;
import org.fusescope.profiler.model.Problem;
import org.fusescope.profiler.model.RangeEvent;
import org.fusescope.profiler.model.RangeLevel;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunStatus;
import org.fusescope.profiler.model.RunTrace;
import org.fusescope.profiler.model.Severity;
import org.fusescope.profiler.model.SyncEvent;
import org.fusescope.profiler.model.SyncType;

/** Random but reproducible traces: every event of a run lies in [startNs, startNs + span]. */
final class TraceFixtures {
    static final int PID = 4242;
    static final List<RangeLevel> LEVELS = List.of(RangeLevel.STEP, RangeLevel.LAYER, RangeLevel.BLOCK, RangeLevel.OP);
    static final String[] OPS = {"rmsnorm", "residual_add", "fused_add_rmsnorm", "topk_softmax", "grouped_gemm"};

    private TraceFixtures() {}

    static long tid(int t) {
        return ((long) PID << 24) | t;
    }

    static DeviceInfo device(Random rnd, int id) {
        return new DeviceInfo(
                id,
                "NVIDIA H100 " + rnd.nextInt(100),
                132,
                80L << 30,
                3_350_000_000_000L,
                1_980_000_000L,
                9,
                0,
                50L << 20,
                rnd.nextBoolean() ? Double.NaN : 2.9e12 + rnd.nextInt(1000),
                989e12 + rnd.nextInt(1000));
    }

    static RunInfo run(Random rnd, String name, long startNs, long span, RunStatus status) {
        return new RunInfo(
                0,
                name,
                rnd.nextBoolean() ? "fused" : "unfused",
                List.of("add_rmsnorm", "topk"),
                "{\"layers\":" + rnd.nextInt(48) + "}",
                1 + rnd.nextInt(64),
                "graph",
                48,
                startNs,
                status == RunStatus.COMPLETE ? startNs + span : Long.MAX_VALUE,
                1_700_000_000_000L + rnd.nextInt(),
                "host" + rnd.nextInt(9),
                status,
                rnd.nextBoolean(),
                0);
    }

    /** A run with {@code n} kernels; every other kernel is a graph node sharing its launch's correlation id. */
    static RunTrace trace(Random rnd, RunInfo run, DeviceInfo device, int n, long firstCorrelation) {
        long t = run.startNs() + 10;
        List<KernelEvent> kernels = new ArrayList<>();
        List<ApiCall> calls = new ArrayList<>();
        List<RangeEvent> ranges = new ArrayList<>();
        long corr = firstCorrelation;
        long graphCorr = 0;
        for (int i = 0; i < n; i++) {
            boolean graph = i % 2 == 1;
            long node = graph ? 1000 + i : 0;
            if (!graph || i % 4 == 1) {
                corr++;
                graphCorr = graph ? corr : graphCorr;
                String api = graph ? "cuGraphLaunch" : (rnd.nextBoolean() ? "cuLaunchKernel" : "cudaLaunchKernel");
                calls.add(new ApiCall(
                        t,
                        t + 3,
                        tid(1 + rnd.nextInt(2)),
                        corr,
                        api,
                        0,
                        api.startsWith("cuda") ? ApiKind.RUNTIME : ApiKind.DRIVER));
            }
            long dur = 1L + rnd.nextInt(5000);
            String op = OPS[rnd.nextInt(OPS.length)];
            KernelAttribution a = rnd.nextInt(5) == 0
                    ? null
                    : new KernelAttribution(
                            op,
                            rnd.nextBoolean() ? op : "add_rmsnorm",
                            rnd.nextBoolean(),
                            rnd.nextInt(48),
                            rnd.nextInt(4),
                            rnd.nextInt(1 << 30),
                            rnd.nextInt(1 << 30),
                            rnd.nextLong() >>> 1);
            kernels.add(new KernelEvent(
                    t + 5,
                    t + 5 + dur,
                    0,
                    1,
                    7 + rnd.nextInt(3),
                    graph ? graphCorr : corr,
                    op + "_kernel",
                    rnd.nextBoolean() ? op + "_kernel" : "void " + op + "_kernel<128>(float*)",
                    new Dim3(1 + rnd.nextInt(512), 1 + rnd.nextInt(4), 1),
                    Dim3.of(32 * (1 + rnd.nextInt(32))),
                    rnd.nextInt(255),
                    rnd.nextInt(48000),
                    rnd.nextInt(100000),
                    rnd.nextInt(1 << 20),
                    node,
                    a));
            ranges.add(new RangeEvent(t, t + 5 + dur, "op " + op, LEVELS.get(rnd.nextInt(LEVELS.size())), tid(1)));
            t += dur + 20;
        }
        ranges.add(new RangeEvent(run.startNs() + 1, t, "step 0", RangeLevel.STEP, tid(1)));
        List<MemcpyEvent> memcpys = List.of(new MemcpyEvent(
                t,
                t + 100,
                0,
                1,
                7,
                ++corr,
                rnd.nextInt(1 << 20),
                MemcpyKind.ofId(rnd.nextInt(14)),
                MemoryKind.PINNED,
                MemoryKind.DEVICE));
        calls.add(new ApiCall(t - 2, t + 1, tid(1), corr, "cuMemcpyHtoDAsync_v2", 0, ApiKind.DRIVER));
        calls.add(new ApiCall(t + 3, t + 4, tid(2), 0, "cuStreamSynchronize", 0, ApiKind.DRIVER));
        List<MemsetEvent> memsets = List.of(new MemsetEvent(
                t + 200, t + 210, 0, 1, 8, ++corr, rnd.nextInt(256), rnd.nextInt(4096), MemoryKind.DEVICE));
        List<SyncEvent> syncs = List.of(
                new SyncEvent(t + 300, t + 400, 0, 1, -1, ++corr, SyncType.ofId(rnd.nextInt(5)), -1),
                new SyncEvent(t + 500, t + 600, 0, 1, 7, ++corr, SyncType.EVENT_SYNCHRONIZE, rnd.nextInt(99)));
        int[] tokens = new int[8];
        for (int e = 0; e < tokens.length; e++) {
            tokens[e] = rnd.nextInt(30);
        }
        List<ExpertCounts> experts = List.of(new ExpertCounts(0, 0, tokens), new ExpertCounts(1, 0, new int[] {0, 3}));
        List<NumericCheck> checks = List.of(
                new NumericCheck(
                        "moe_out fused vs cpu", rnd.nextInt(48), 0, rnd.nextDouble(), rnd.nextDouble() * 1e-3, 1e-2),
                new NumericCheck("nan", -1, -1, Double.NaN, 1, 2));
        List<Problem> problems =
                List.of(new Problem(Severity.WARNING, "expert-count-sum", "sum 7 != 8", rnd.nextInt(48), 0, t));
        Map<Long, String> threads = new HashMap<>(Map.of(tid(1), "main", tid(2), "cupti-worker"));
        return new RunTrace(
                run, device, kernels, calls, memcpys, memsets, syncs, ranges, experts, checks, problems, threads);
    }
}
