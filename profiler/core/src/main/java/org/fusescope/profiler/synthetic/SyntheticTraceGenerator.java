package org.fusescope.profiler.synthetic;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunStatus;
import org.fusescope.profiler.model.RunTrace;

/**
 * Generates SYNTHETIC decode-step traces of the Qwen3-Next MoE block: kernels in launch order with
 * attribution, driver-API launches, range markers, expert counts, the per-step count read-back and
 * numeric checks, with durations modelled on an H100 (see {@code docs/performance.md}). Nothing here was
 * measured: every run it makes has {@code synthetic = true} and the host {@value #HOST}.
 *
 * <p>Deterministic: the same spec gives an equal {@link RunTrace}. Stateless and thread-safe.
 * Generating a million kernels takes a few seconds; memory is dominated by the event records.
 */
public final class SyntheticTraceGenerator {
    /** The host name of every synthetic run; says that it was generated, not measured. */
    public static final String HOST = "synthetic (FuseScope generator, not measured)";

    /** Wall-clock time (ms since the epoch) that {@code startNs = 0} maps to: 2026-11-27T00:00Z. */
    static final long EPOCH_MS = 1_795_737_600_000L;

    private SyntheticTraceGenerator() {}

    /** Generates one run as {@code spec} describes. */
    public static RunTrace generate(SyntheticSpec spec) {
        int pid = (int) (40_000 + spec.runId() % 1_000_000);
        long globalTid = ((long) pid << 24) | pid;
        TraceSink sink = new TraceSink(spec.runId(), globalTid);
        KernelTimings timings = new KernelTimings(timingSeed(spec));
        StepBuilder builder = new StepBuilder(spec, timings, sink);
        for (int step = 0; step < spec.steps(); step++) {
            builder.step(step);
        }
        RunInfo run = new RunInfo(
                spec.runId(),
                name(spec),
                spec.variant(),
                KernelSequence.fusions(spec),
                configJson(spec),
                spec.batch(),
                spec.mode(),
                spec.layers(),
                spec.startNs(),
                sink.lastEndNs(),
                EPOCH_MS + spec.startNs() / 1_000_000,
                HOST,
                RunStatus.COMPLETE,
                true,
                TraceSink.DEVICE);
        return new RunTrace(
                run,
                SyntheticDevice.h100(),
                sink.kernels,
                sink.apiCalls,
                sink.memcpys,
                sink.memsets,
                sink.syncs,
                sink.ranges,
                sink.counts,
                sink.checks,
                List.of(),
                Map.of(globalTid, "decode main (synthetic)"));
    }

    /** The run's label, e.g. {@code unfused b=16 graph}. */
    public static String name(SyntheticSpec spec) {
        return spec.variant() + " b=" + spec.batch() + " " + spec.mode();
    }

    /** Durations depend on the seed and what runs, not on where the run is placed. */
    private static long timingSeed(SyntheticSpec spec) {
        long h = spec.seed() * 0x9E3779B97F4A7C15L;
        h = 31 * h + spec.variant().hashCode();
        h = 31 * h + spec.mode().hashCode();
        h = 31 * h + spec.batch();
        return 31 * h + (spec.sharedAsExpert() ? 1 : 0);
    }

    private static String configJson(SyntheticSpec spec) {
        return String.format(
                Locale.ROOT,
                "{\"synthetic\":true,\"seed\":%d,\"hidden_size\":%d,\"num_experts\":%d,\"num_experts_per_tok\":%d,"
                        + "\"moe_intermediate_size\":%d,\"shared_expert_intermediate_size\":%d,"
                        + "\"num_hidden_layers\":%d,\"steps\":%d,\"routing\":\"zipf:%s\"}",
                spec.seed(),
                spec.hidden(),
                spec.experts(),
                spec.topK(),
                spec.intermediate(),
                spec.intermediate(),
                spec.layers(),
                spec.steps(),
                SyntheticRouting.ZIPF_EXPONENT);
    }
}
