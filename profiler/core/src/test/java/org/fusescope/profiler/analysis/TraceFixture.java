package org.fusescope.profiler.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fusescope.profiler.model.ApiCall;
import org.fusescope.profiler.model.ApiKind;
import org.fusescope.profiler.model.DeviceInfo;
import org.fusescope.profiler.model.Dim3;
import org.fusescope.profiler.model.ExpertCounts;
import org.fusescope.profiler.model.KernelAttribution;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.NumericCheck;
import org.fusescope.profiler.model.RangeEvent;
import org.fusescope.profiler.model.RangeLevel;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunStatus;
import org.fusescope.profiler.model.RunTrace;

/** Builds small hand-checkable run traces for the analysis tests. */
final class TraceFixture {
    static final long TID = 1;

    private DeviceInfo device = device(2e9, Double.NaN);
    private final List<KernelEvent> kernels = new ArrayList<>();
    private final List<ApiCall> calls = new ArrayList<>();
    private final List<RangeEvent> ranges = new ArrayList<>();
    private final List<ExpertCounts> counts = new ArrayList<>();
    private final List<NumericCheck> checks = new ArrayList<>();
    private List<String> fusions = List.of();

    static TraceFixture trace() {
        return new TraceFixture();
    }

    static DeviceInfo device(double measuredBytesPerSec, double peakFlopsPerSec) {
        return new DeviceInfo(
                0,
                "Test GPU",
                132,
                80L << 30,
                3_000_000_000_000L,
                1_980_000_000L,
                9,
                0,
                50L << 20,
                measuredBytesPerSec,
                peakFlopsPerSec);
    }

    static KernelAttribution attribution(String op, String group, int step, long read, long written, long flops) {
        return new KernelAttribution(
                op, group, !op.equals(group) && op.startsWith("fused"), 0, step, read, written, flops);
    }

    /** The run's fusion switches (none by default). */
    TraceFixture fusions(String... switches) {
        this.fusions = List.of(switches);
        return this;
    }

    TraceFixture device(DeviceInfo newDevice) {
        this.device = newDevice;
        return this;
    }

    /** A kernel with grid 128, block 256, 32 registers, 1024 B static shared memory. */
    TraceFixture kernel(long start, long end, int stream, long correlationId, String name) {
        return kernel(start, end, stream, correlationId, name, Dim3.of(128), null);
    }

    TraceFixture kernel(long start, long end, int stream, long corr, String name, KernelAttribution attribution) {
        return kernel(start, end, stream, corr, name, Dim3.of(128), attribution);
    }

    TraceFixture kernel(
            long start, long end, int stream, long corr, String name, Dim3 grid, KernelAttribution attribution) {
        kernels.add(new KernelEvent(
                start, end, 0, 1, stream, corr, name, name, grid, Dim3.of(256), 32, 1024, 0, 0, 0, attribution));
        return this;
    }

    TraceFixture call(long start, long end, long tid, long corr, String name) {
        calls.add(new ApiCall(start, end, tid, corr, name, 0, ApiKind.DRIVER));
        return this;
    }

    TraceFixture launch(long start, long end, long corr) {
        return call(start, end, TID, corr, "cuLaunchKernel");
    }

    TraceFixture range(long start, long end, String text, RangeLevel level, long tid) {
        ranges.add(new RangeEvent(start, end, text, level, tid));
        return this;
    }

    TraceFixture counts(int layer, int step, int... tokens) {
        counts.add(new ExpertCounts(layer, step, tokens));
        return this;
    }

    TraceFixture check(String name, int layer, int step, double maxAbs, double relNorm, double tolerance) {
        checks.add(new NumericCheck(name, layer, step, maxAbs, relNorm, tolerance));
        return this;
    }

    RunTrace build() {
        RunInfo run = new RunInfo(
                1,
                "test run",
                "unfused",
                fusions,
                "{}",
                4,
                "eager",
                1,
                0,
                Long.MAX_VALUE,
                0,
                "host",
                RunStatus.COMPLETE,
                true,
                0);
        return new RunTrace(
                run,
                device,
                kernels,
                calls,
                List.of(),
                List.of(),
                List.of(),
                ranges,
                counts,
                checks,
                List.of(),
                Map.of(TID, "main"));
    }
}
