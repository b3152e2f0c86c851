package org.fusescope.app.timeline;

import org.fusescope.profiler.model.ApiCall;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.RangeEvent;
import org.fusescope.profiler.model.RunTrace;

/** Tooltip and label texts of timeline items. Stateless. */
public final class TimelineText {
    private TimelineText() {}

    /** A few lines about item {@code i} of {@code lane}. */
    public static String describe(RunTrace trace, Lane lane, int i) {
        int ref = lane.refs()[i];
        return switch (lane.kind()) {
            case GPU -> kernel(trace.kernels().get(ref));
            case CPU -> call(trace.apiCalls().get(ref));
            case RANGE -> range(trace.ranges().get(ref));
        };
    }

    /** The short label drawn inside a wide item. */
    public static String label(RunTrace trace, Lane lane, int i) {
        int ref = lane.refs()[i];
        return switch (lane.kind()) {
            case GPU -> trace.kernels().get(ref).name();
            case CPU -> trace.apiCalls().get(ref).name();
            case RANGE -> trace.ranges().get(ref).text();
        };
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
        return r.text() + "\n" + (r.level() == null ? "range" : r.level().name().toLowerCase(java.util.Locale.ROOT))
                + ", " + TimeFormat.format(r.durationNs());
    }
}
