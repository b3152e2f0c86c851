package org.fusescope.app.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fusescope.app.stats.CellFormat;
import org.fusescope.app.timeline.TimeFormat;
import org.fusescope.profiler.analysis.MeasuredBytes;
import org.fusescope.profiler.model.MeasuredKernel;

/** The Properties rows of a kernel's Nsight Compute counters, the measured bytes beside the model. */
final class MeasuredRows {
    static final String CATEGORY = "Nsight Compute";

    private MeasuredRows() {}

    static List<PropertyRow> of(MeasuredKernel m, long modelledBytes) {
        List<PropertyRow> out = new ArrayList<>();
        add(out, "DRAM bytes", m.dramBytes(), v -> CellFormat.bytes(Math.round(v)));
        double error = MeasuredBytes.modelErrorPct(m.dramBytes(), modelledBytes);
        add(
                out,
                "Model error",
                error,
                v -> String.format(
                        Locale.ROOT,
                        "%+.1f %%%s",
                        v,
                        Math.abs(v) > MeasuredBytes.MODEL_TOLERANCE_PCT ? " (model off)" : ""));
        add(out, "Duration under ncu", m.durationNs(), v -> TimeFormat.format(Math.round(v)));
        add(out, "DRAM throughput", m.dramThroughputPct(), MeasuredRows::percent);
        add(out, "SM throughput", m.smThroughputPct(), MeasuredRows::percent);
        add(out, "Achieved occupancy", m.achievedOccupancyPct(), MeasuredRows::percent);
        add(out, "L2 hit rate", m.l2HitRatePct(), MeasuredRows::percent);
        return out;
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.1f %%", v);
    }

    private static void add(
            List<PropertyRow> out, String name, double value, java.util.function.DoubleFunction<String> text) {
        out.add(new PropertyRow(CATEGORY, name, Double.isNaN(value) ? "not measured" : text.apply(value)));
    }
}
