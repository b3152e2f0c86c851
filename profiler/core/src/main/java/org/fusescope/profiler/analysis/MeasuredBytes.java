package org.fusescope.profiler.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.MeasuredKernel;
import org.fusescope.profiler.model.RunTrace;

/**
 * Nsight Compute's measurements beside FuseScope's model, per measured kernel: DRAM bytes measured vs
 * modelled (a model off by more than {@value #MODEL_TOLERANCE_PCT} % is flagged), duration under ncu
 * vs the recorded one, and the throughput, occupancy and L2 counters.
 */
public final class MeasuredBytes {
    /** How far measured DRAM bytes may be from the model before the row is flagged, in %. */
    public static final double MODEL_TOLERANCE_PCT = 20;

    private MeasuredBytes() {}

    /** measured / modelled − 1 in %, or NaN when either is missing or the model is 0. */
    public static double modelErrorPct(double measured, long modelled) {
        return modelled <= 0 || Double.isNaN(measured) ? Double.NaN : (measured / modelled - 1) * 100;
    }

    /** The table for a run and its measured kernels (empty when nothing was measured). */
    public static ResultTable table(RunTrace trace, List<MeasuredKernel> measured) {
        Map<Long, KernelEvent> byStart = new HashMap<>();
        trace.kernels().forEach(k -> byStart.putIfAbsent(k.startNs(), k));
        ResultTable.Builder t = ResultTable.builder("Nsight Compute: measured vs modelled")
                .column(Column.text("Kernel"))
                .column(Column.text("Op"))
                .column(Column.bytes("Modelled bytes"))
                .column(Column.bytes("DRAM bytes"))
                .column(Column.decimal("Model error", "%"))
                .column(Column.text("Model"))
                .column(Column.durationNs("Recorded"))
                .column(Column.durationNs("Under ncu"))
                .column(Column.percent("DRAM throughput"))
                .column(Column.percent("SM throughput"))
                .column(Column.percent("Occupancy"))
                .column(Column.percent("L2 hit"));
        for (MeasuredKernel m : measured) {
            KernelEvent k = byStart.get(m.kernelStartNs());
            if (k == null) {
                continue;
            }
            long modelled = k.hasAttribution() ? k.attribution().bytes() : 0;
            double error = modelErrorPct(m.dramBytes(), modelled);
            t.row(
                    k.name(),
                    k.hasAttribution() ? k.attribution().op() : "",
                    modelled,
                    Double.isNaN(m.dramBytes()) ? null : Math.round(m.dramBytes()),
                    orNull(error),
                    Double.isNaN(error) ? "" : Math.abs(error) > MODEL_TOLERANCE_PCT ? "off" : "ok",
                    k.endNs() - k.startNs(),
                    Double.isNaN(m.durationNs()) ? null : Math.round(m.durationNs()),
                    orNull(m.dramThroughputPct()),
                    orNull(m.smThroughputPct()),
                    orNull(m.achievedOccupancyPct()),
                    orNull(m.l2HitRatePct()));
        }
        return t.build();
    }

    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
