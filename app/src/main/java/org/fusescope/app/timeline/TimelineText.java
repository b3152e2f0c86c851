package org.fusescope.app.timeline;

import org.fusescope.profiler.model.ApiCall;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.RangeEvent;
import org.fusescope.profiler.model.RangeLevel;
import org.fusescope.profiler.model.RunTrace;
import org.fusescope.profiler.store.TimelineColumns;

/** Tooltip and label texts of timeline items. Stateless. */
public final class TimelineText {
    private TimelineText() {}

    /** A few lines about item {@code i} of {@code lane}, of {@code data} read in full as {@code trace}. */
    public static String describe(RunTrace trace, TimelineData data, Lane lane, int i) {
        int ref = lane.refs()[i];
        return switch (lane.kind()) {
            case GPU -> kernel(trace.kernels().get(ref));
            case CPU -> call(trace.apiCalls().get(ref));
            case RANGE -> range(trace.ranges().get(ref));
            case GPU_RANGE -> gpuRange(data, ref);
        };
    }

    /**
     * A few lines about item {@code i} of {@code lane} from the timeline's columns alone, while the
     * full trace (grid, block, attribution) is still loading.
     */
    public static String describe(TimelineData data, Lane lane, int i) {
        int ref = lane.refs()[i];
        long duration = lane.ends()[i] - lane.starts()[i];
        if (ref < 0) {
            return overviewItem(data, ref, duration);
        }
        return switch (lane.kind()) {
            case GPU -> {
                TimelineColumns.Kernels k = data.columns().kernels();
                StringBuilder b = new StringBuilder(k.name(ref))
                        .append("\nduration ")
                        .append(TimeFormat.format(duration))
                        .append("\nstream ")
                        .append(k.streams()[ref]);
                if (k.op(ref) != null) {
                    b.append("\nop ").append(k.op(ref)).append(k.fused()[ref] ? " (fused)" : "");
                }
                yield b.append("\n(details loading …)").toString();
            }
            case CPU -> data.columns().calls().name(ref) + "\nduration " + TimeFormat.format(duration)
                    + "\ncorrelation " + data.columns().calls().correlations()[ref];
            case RANGE -> {
                TimelineColumns.Ranges r = data.columns().ranges();
                yield range(r.text(ref), r.level(ref), duration);
            }
            case GPU_RANGE -> gpuRange(data, ref);
        };
    }

    /** The short label drawn inside a wide item. */
    public static String label(TimelineData data, Lane lane, int i) {
        int ref = lane.refs()[i];
        if (ref < 0) {
            return data.overview().kernels().name(TimelineData.overviewItem(ref));
        }
        return switch (lane.kind()) {
            case GPU -> data.columns().kernels().name(ref);
            case CPU -> data.columns().calls().name(ref);
            case RANGE -> data.columns().ranges().text(ref);
            case GPU_RANGE -> data.gpuRanges().text(ref);
        };
    }

    /** A kernel of the overview the GPU rows show while the run's kernels are read. */
    private static String overviewItem(TimelineData data, int ref, long duration) {
        TimelineColumns.Kernels k = data.overview().kernels();
        int i = TimelineData.overviewItem(ref);
        StringBuilder b = new StringBuilder(k.name(i))
                .append("\nduration ")
                .append(TimeFormat.format(duration))
                .append("\nstream ")
                .append(k.streams()[i]);
        if (k.op(i) != null) {
            b.append("\nop ").append(k.op(i)).append(k.fused()[i] ? " (fused)" : "");
        }
        return b.append("\n(overview: kernels loading …)").toString();
    }

    static String kernel(KernelEvent k) {
        StringBuilder b = new StringBuilder(k.name())
                .append("\nduration ")
                .append(TimeFormat.format(k.durationNs()))
                .append("\ngrid ")
                .append(k.grid())
                .append("  block ")
                .append(k.block())
                .append("\nstream ")
                .append(k.streamId());
        if (k.hasAttribution()) {
            b.append("\nop ")
                    .append(k.attribution().op())
                    .append(" (group ")
                    .append(k.attribution().fusionGroup());
            b.append(k.attribution().fused() ? ", fused)" : ")");
            b.append("\nlayer ")
                    .append(k.attribution().layer())
                    .append("  step ")
                    .append(k.attribution().step());
        }
        return b.toString();
    }

    static String call(ApiCall c) {
        return c.name() + "\nduration " + TimeFormat.format(c.durationNs()) + "\ncorrelation " + c.correlationId();
    }

    static String range(RangeEvent r) {
        return range(r.text(), r.level(), r.durationNs());
    }

    private static String range(String text, RangeLevel level, long durationNs) {
        return text + "\n" + (level == null ? "range" : level.name().toLowerCase(java.util.Locale.ROOT)) + ", "
                + TimeFormat.format(durationNs);
    }

    /** A layer or op range on the GPU's time: from its kernels' attribution, not recorded. */
    private static String gpuRange(TimelineData data, int ref) {
        TimelineColumns.Ranges r = data.gpuRanges();
        return range(r.text(ref), r.level(ref), r.ends()[ref] - r.starts()[ref])
                + "\non the GPU, from its kernels' attribution";
    }
}
