package org.fusescope.profiler.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.fusescope.profiler.model.ApiCall;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.RangeEvent;
import org.fusescope.profiler.model.RunTrace;

/**
 * NVTX-style projection of CPU ranges onto the GPU. A kernel belongs to a range when the API call
 * that launched it (same correlation id; all kernels of a graph launch share one) starts inside the
 * range on the range's thread. Ranges that launched no kernel are not projected. Immutable and
 * thread-safe.
 */
public final class RangeProjection {
    private final List<ProjectedRange> ranges;
    private final List<RangeAggregate> aggregates;

    private RangeProjection(List<ProjectedRange> ranges, List<RangeAggregate> aggregates) {
        this.ranges = List.copyOf(ranges);
        this.aggregates = List.copyOf(aggregates);
    }

    public static RangeProjection of(RunTrace trace) {
        LaunchIndex launches = new LaunchIndex(trace);
        List<ProjectedRange> projected = new ArrayList<>();
        for (RangeEvent range : trace.ranges()) {
            List<KernelEvent> kernels = new ArrayList<>();
            Set<Long> seen = new HashSet<>();
            for (ApiCall call : launches.callsIn(range)) {
                if (seen.add(call.correlationId())) {
                    kernels.addAll(launches.kernelsOf(call));
                }
            }
            if (!kernels.isEmpty()) {
                projected.add(new ProjectedRange(
                        range,
                        Intervals.firstStartNs(kernels),
                        Intervals.lastEndNs(kernels),
                        Intervals.unionNs(kernels),
                        kernels.size()));
            }
        }
        return new RangeProjection(projected, aggregate(projected));
    }

    private static List<RangeAggregate> aggregate(List<ProjectedRange> projected) {
        Map<List<Object>, List<ProjectedRange>> byKey = new LinkedHashMap<>();
        for (ProjectedRange p : projected) {
            List<Object> key = new ArrayList<>();
            key.add(p.range().text());
            key.add(p.range().level());
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
        }
        List<RangeAggregate> out = new ArrayList<>();
        for (List<ProjectedRange> group : byKey.values()) {
            RangeEvent first = group.get(0).range();
            out.add(new RangeAggregate(
                    first.text(),
                    first.level(),
                    group.size(),
                    group.stream().mapToLong(ProjectedRange::kernels).sum(),
                    group.stream().mapToLong(ProjectedRange::gpuBusyNs).sum(),
                    group.stream().mapToLong(ProjectedRange::projectedSpanNs).sum()));
        }
        out.sort(Comparator.comparingLong(RangeAggregate::totalBusyNs)
                .reversed()
                .thenComparing(RangeAggregate::text)
                .thenComparing(a -> Objects.toString(a.level(), "")));
        return out;
    }

    /** The projected ranges in range start order. */
    public List<ProjectedRange> ranges() {
        return ranges;
    }

    /** Per text and level, by total busy time descending, then text. */
    public List<RangeAggregate> aggregates() {
        return aggregates;
    }

    /** The aggregates as a table. */
    public ResultTable toTable() {
        ResultTable.Builder t = ResultTable.builder("NVTX range projection")
                .column(Column.text("Range"))
                .column(Column.text("Level"))
                .column(Column.integer("Instances"))
                .column(Column.integer("Kernels"))
                .column(Column.durationNs("Total Busy"))
                .column(Column.durationNs("Avg Busy"))
                .column(Column.durationNs("Total Span"))
                .column(Column.durationNs("Avg Span"));
        for (RangeAggregate a : aggregates) {
            t.row(
                    a.text(),
                    a.level() == null ? "" : a.level().name(),
                    a.instances(),
                    a.kernels(),
                    a.totalBusyNs(),
                    a.avgBusyNs(),
                    a.totalSpanNs(),
                    a.avgSpanNs());
        }
        return t.build();
    }
}
