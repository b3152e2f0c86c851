package org.fusescope.app.timeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.IntUnaryOperator;
import org.fusescope.profiler.model.ApiCall;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.RangeEvent;
import org.fusescope.profiler.model.RangeLevel;
import org.fusescope.profiler.model.RunTrace;

/**
 * The lanes of one run's timeline, top to bottom: range rows (step → layer → block → op), the CPU
 * row of driver-API launches, and a row per GPU stream. Built once per run in the background;
 * immutable and thread-safe afterwards.
 */
public final class TimelineData {
    private final RunTrace trace;
    private final List<Lane> lanes;
    private final long[] launchCorrelations;
    private final int[] launchRefs;
    private final long startNs;
    private final long endNs;

    private TimelineData(RunTrace trace, List<Lane> lanes) {
        this.trace = trace;
        this.lanes = List.copyOf(lanes);
        long s = Long.MAX_VALUE;
        long e = Long.MIN_VALUE;
        for (Lane l : lanes) {
            for (int i = 0; i < l.size(); i++) {
                s = Math.min(s, l.starts()[i]);
                e = Math.max(e, l.ends()[i]);
            }
        }
        this.startNs = s == Long.MAX_VALUE ? trace.run().startNs() : s;
        this.endNs = e == Long.MIN_VALUE ? this.startNs + 1 : e;
        List<ApiCall> calls = trace.apiCalls();
        launchCorrelations = new long[calls.size()];
        launchRefs = new int[calls.size()];
        boolean sorted = true;
        for (int i = 0; i < calls.size(); i++) {
            launchCorrelations[i] = calls.get(i).correlationId();
            launchRefs[i] = i;
            sorted &= i == 0 || launchCorrelations[i] >= launchCorrelations[i - 1];
        }
        // Correlation ids usually grow with time, so the calls (sorted by start) are sorted already.
        if (!sorted) {
            Integer[] order = new Integer[calls.size()];
            Arrays.setAll(order, i -> i);
            Arrays.sort(
                    order,
                    (a, b) -> Long.compare(
                            calls.get(a).correlationId(), calls.get(b).correlationId()));
            for (int i = 0; i < order.length; i++) {
                launchCorrelations[i] = calls.get(order[i]).correlationId();
                launchRefs[i] = order[i];
            }
        }
    }

    /** Lays out the rows of a run. */
    public static TimelineData of(RunTrace trace) {
        List<Lane> lanes = new ArrayList<>();
        List<RangeEvent> ranges = trace.ranges();
        Item range = new Item() {
            @Override
            public long start(int ref) {
                return ranges.get(ref).startNs();
            }

            @Override
            public long end(int ref) {
                return ranges.get(ref).endNs();
            }

            @Override
            public int key(int ref) {
                return Palette.range(ranges.get(ref).level());
            }
        };
        group(
                ranges.size(),
                i -> rangeRow(ranges.get(i).level()),
                (row, refs) -> lanes.add(lane(rangeLabel(row), Lane.LaneKind.RANGE, refs, range)));
        List<ApiCall> calls = trace.apiCalls();
        if (!calls.isEmpty()) {
            int[] refs = new int[calls.size()];
            Arrays.setAll(refs, i -> i);
            lanes.add(lane("CPU launches", Lane.LaneKind.CPU, refs, new Item() {
                @Override
                public long start(int ref) {
                    return calls.get(ref).startNs();
                }

                @Override
                public long end(int ref) {
                    return calls.get(ref).endNs();
                }

                @Override
                public int key(int ref) {
                    return calls.get(ref).isLaunch() ? Palette.CPU_LAUNCH : Palette.CPU_OTHER;
                }
            }));
        }
        List<KernelEvent> kernels = trace.kernels();
        Item kernel = new Item() {
            @Override
            public long start(int ref) {
                return kernels.get(ref).startNs();
            }

            @Override
            public long end(int ref) {
                return kernels.get(ref).endNs();
            }

            @Override
            public int key(int ref) {
                KernelEvent k = kernels.get(ref);
                return Palette.kernel(
                        OpFamily.of(k), k.hasAttribution() && k.attribution().fused());
            }
        };
        group(
                kernels.size(),
                i -> kernels.get(i).streamId(),
                (stream, refs) -> lanes.add(lane("GPU stream " + stream, Lane.LaneKind.GPU, refs, kernel)));
        return new TimelineData(trace, lanes);
    }

    private static int rangeRow(RangeLevel level) {
        return level == null ? RangeLevel.values().length : level.ordinal();
    }

    private static String rangeLabel(int row) {
        return row == RangeLevel.values().length
                ? "NVTX"
                : RangeLevel.values()[row].name().toLowerCase(Locale.ROOT);
    }

    /** Where lane items come from: their source list, by index. */
    private interface Item {
        long start(int ref);

        long end(int ref);

        int key(int ref);
    }

    /** Splits indices 0..n-1 by an int key (ascending), without boxing each index. */
    private static void group(int n, IntUnaryOperator keyOf, BiConsumer<Integer, int[]> sink) {
        int[] keys = new int[n];
        Map<Integer, int[]> counts = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            keys[i] = keyOf.applyAsInt(i);
            counts.computeIfAbsent(keys[i], k -> new int[1])[0]++;
        }
        Map<Integer, int[]> members = new TreeMap<>();
        counts.forEach((k, c) -> members.put(k, new int[c[0]]));
        Map<Integer, int[]> fill = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            int[] at = fill.computeIfAbsent(keys[i], k -> new int[1]);
            members.get(keys[i])[at[0]++] = i;
        }
        members.forEach(sink);
    }

    private static Lane lane(String label, Lane.LaneKind kind, int[] refs, Item item) {
        int n = refs.length;
        long[] starts = new long[n];
        long[] ends = new long[n];
        int[] colors = new int[n];
        long max = 0;
        for (int j = 0; j < n; j++) {
            starts[j] = item.start(refs[j]);
            ends[j] = item.end(refs[j]);
            colors[j] = item.key(refs[j]);
            max = Math.max(max, ends[j] - starts[j]);
        }
        return new Lane(label, kind, starts, ends, colors, refs, max);
    }

    public RunTrace trace() {
        return trace;
    }

    public List<Lane> lanes() {
        return lanes;
    }

    /** The run's window: from its first event's start (ns). */
    public long startNs() {
        return startNs;
    }

    /** The end of the last event (ns). */
    public long endNs() {
        return endNs;
    }

    /** The API call that launched this kernel (same correlation id), or null. */
    public ApiCall launchOf(KernelEvent kernel) {
        int i = Arrays.binarySearch(launchCorrelations, kernel.correlationId());
        return i < 0 ? null : trace.apiCalls().get(launchRefs[i]);
    }

    /** The lane showing kernel {@code kernelIndex}, or -1. */
    public int laneOfKernel(int kernelIndex) {
        int stream = trace.kernels().get(kernelIndex).streamId();
        for (int i = 0; i < lanes.size(); i++) {
            if (lanes.get(i).kind() == Lane.LaneKind.GPU && lanes.get(i).label().equals("GPU stream " + stream)) {
                return i;
            }
        }
        return -1;
    }

    /** The lane of CPU calls, or -1. */
    public int cpuLane() {
        for (int i = 0; i < lanes.size(); i++) {
            if (lanes.get(i).kind() == Lane.LaneKind.CPU) {
                return i;
            }
        }
        return -1;
    }
}
