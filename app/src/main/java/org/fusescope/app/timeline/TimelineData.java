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
import org.fusescope.profiler.model.RangeLevel;
import org.fusescope.profiler.model.RunInfo;
import org.fusescope.profiler.model.RunTrace;
import org.fusescope.profiler.ops.OpFamily;
import org.fusescope.profiler.store.KernelOverview;
import org.fusescope.profiler.store.TimelineColumns;

/**
 * The lanes of one run's timeline, top to bottom: range rows (step → layer → block → op), the CPU
 * row of driver-API launches, the layer and op rows on the GPU's time (derived from the kernels'
 * attribution, {@link AttributedRanges}), and a row per GPU stream. Built from {@link
 * TimelineColumns} (read without the full {@link RunTrace}, so the first frame need not wait for
 * it); item refs index the run's kernels, API calls and ranges as {@link RunTrace} orders them, and
 * {@link #gpuRanges()} for the rows on the GPU's time. Built once per run in the background;
 * immutable and thread-safe afterwards.
 */
public final class TimelineData {
    /** Appended to the header of a row that waits for its items. */
    public static final String LOADING = " · loading …";
    /** Header of the placeholder row of CPU launches while they are read. */
    public static final String CPU_LOADING = "CPU" + LOADING;
    /** Header of the placeholder row of ranges (of a run whose mode is not known) while they are read. */
    public static final String RANGES_LOADING = "ranges" + LOADING;
    /** Appended to the header of a GPU row that shows an overview while its kernels are read. */
    public static final String OVERVIEW_LOADING = LOADING;
    /** Appended to the header of a row of ranges on the GPU's time: {@code layer (GPU)}, {@code op (GPU)}. */
    public static final String ON_GPU = " (GPU)";

    private final RunInfo run;
    private final TimelineColumns columns;
    private final TimelineColumns.Ranges gpuRanges;
    private final List<Lane> lanes;
    private final long[] launchCorrelations;
    private final int[] launchRefs;
    private final long startNs;
    private final long endNs;
    private final boolean pending;
    private final KernelOverview overview;

    private TimelineData(
            RunInfo run,
            TimelineColumns columns,
            TimelineColumns.Ranges gpuRanges,
            List<Lane> lanes,
            boolean pending,
            KernelOverview overview) {
        this.run = run;
        this.pending = pending;
        this.overview = overview;
        this.columns = columns;
        this.gpuRanges = gpuRanges;
        this.lanes = List.copyOf(lanes);
        long s = Long.MAX_VALUE;
        long e = Long.MIN_VALUE;
        for (Lane l : lanes) {
            for (int i = 0; i < l.size(); i++) {
                s = Math.min(s, l.starts()[i]);
                e = Math.max(e, l.ends()[i]);
            }
        }
        if (overview != null) {
            // the last kernel end need not be among the overview's kernels
            e = Math.max(e, overview.lastEndNs());
        }
        this.startNs = s == Long.MAX_VALUE ? run.startNs() : s;
        this.endNs = e == Long.MIN_VALUE ? this.startNs + 1 : e;
        long[] corr = columns.calls().correlations();
        launchCorrelations = corr.clone();
        launchRefs = new int[corr.length];
        boolean sorted = true;
        for (int i = 0; i < corr.length; i++) {
            launchRefs[i] = i;
            sorted &= i == 0 || corr[i] >= corr[i - 1];
        }
        // Correlation ids usually grow with time, so the calls (sorted by start) are sorted already.
        if (!sorted) {
            Integer[] order = new Integer[corr.length];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, (a, b) -> Long.compare(corr[a], corr[b]));
            for (int i = 0; i < order.length; i++) {
                launchCorrelations[i] = corr[order[i]];
                launchRefs[i] = order[i];
            }
        }
    }

    /** Lays out the rows of a run loaded in full. */
    public static TimelineData of(RunTrace trace) {
        return of(trace, Map.of());
    }

    /**
     * Lays out the rows of a run loaded in full; {@code recorded} is its recording's metadata, where the
     * runner stores each op's colour family (see {@link OpFamily#forName}).
     */
    public static TimelineData of(RunTrace trace, Map<String, String> recorded) {
        return of(trace.run(), TimelineColumns.of(trace.kernels(), trace.apiCalls(), trace.ranges()), recorded);
    }

    /** Lays out the rows of a run from its columns. */
    public static TimelineData of(RunInfo run, TimelineColumns columns) {
        return of(run, columns, Map.of());
    }

    /** Lays out the rows of a run from its columns, with the op families its recording stored. */
    public static TimelineData of(RunInfo run, TimelineColumns columns, Map<String, String> recorded) {
        List<Lane> lanes = hostLanes(columns);
        TimelineColumns.Ranges gpuRanges = AttributedRanges.of(columns.kernels());
        lanes.addAll(rangeLanes(gpuRanges, Lane.LaneKind.GPU_RANGE, ON_GPU));
        lanes.addAll(gpuLanes(columns.kernels(), "", recorded));
        return new TimelineData(run, columns, gpuRanges, lanes, false, null);
    }

    /**
     * The GPU rows of a run whose API calls and ranges are still being read ({@code kernelsOnly} has
     * none), with the layer and op rows on the GPU's time (they need the kernels only): empty range
     * rows (as many as the mode has) and an empty CPU row, labelled "loading …", stand in for theirs
     * until {@link #withAllRows} replaces them.
     */
    public static TimelineData kernelsFirst(RunInfo run, TimelineColumns kernelsOnly) {
        return kernelsFirst(run, kernelsOnly, Map.of());
    }

    /** As {@link #kernelsFirst(RunInfo, TimelineColumns)}, with the op families its recording stored. */
    public static TimelineData kernelsFirst(RunInfo run, TimelineColumns kernelsOnly, Map<String, String> recorded) {
        List<Lane> lanes = placeholders(run);
        TimelineColumns.Ranges gpuRanges = AttributedRanges.of(kernelsOnly.kernels());
        lanes.addAll(rangeLanes(gpuRanges, Lane.LaneKind.GPU_RANGE, ON_GPU));
        lanes.addAll(gpuLanes(kernelsOnly.kernels(), "", recorded));
        return new TimelineData(run, kernelsOnly, gpuRanges, lanes, true, null);
    }

    /**
     * The first picture of a large run, before its kernels are read: its GPU rows drawn from an
     * overview (a few of its kernels that draw like all of them at the first zoom, see {@link
     * KernelOverview} and {@link PixelGrid}), headed "Stream N (compute) · loading …", behind "loading …"
     * range and CPU rows (and, where its kernels are attributed, "loading …" layer and op rows on the
     * GPU's time). Its items are not the run's kernels: lane refs are negative ({@link
     * #overviewItem}), {@link #kernelCount()} is 0 and nothing can be selected, until {@link
     * #kernelsFirst} replaces it. The time bounds are the run's (its last kernel end included).
     */
    public static TimelineData overview(RunInfo run, KernelOverview overview) {
        return overview(run, overview, Map.of());
    }

    /** As {@link #overview(RunInfo, KernelOverview)}, with the op families its recording stored. */
    public static TimelineData overview(RunInfo run, KernelOverview overview, Map<String, String> recorded) {
        List<Lane> lanes = placeholders(run);
        if (AttributedRanges.anyIn(overview.kernels())) {
            lanes.add(empty(rangeLabel(RangeLevel.LAYER.ordinal()) + ON_GPU + LOADING, Lane.LaneKind.GPU_RANGE));
            lanes.add(empty(rangeLabel(RangeLevel.OP.ordinal()) + ON_GPU + LOADING, Lane.LaneKind.GPU_RANGE));
        }
        for (Lane l : gpuLanes(overview.kernels(), OVERVIEW_LOADING, recorded)) {
            int[] refs = l.refs();
            // the lane keeps this array: the items are the overview's, not kernels of the run
            for (int j = 0; j < refs.length; j++) {
                refs[j] = -1 - refs[j];
            }
            lanes.add(l);
        }
        TimelineColumns none = TimelineColumns.of(List.of(), List.of(), List.of());
        return new TimelineData(run, none, none.ranges(), lanes, true, overview);
    }

    /** The index in {@code overview().kernels()} of the item a negative lane ref stands for. */
    public static int overviewItem(int ref) {
        return -1 - ref;
    }

    /**
     * The empty range and CPU rows that stand in for theirs while they are read: as many range rows
     * as the run's mode will have (eager: step, layer, block, op; graph: step), so that the GPU rows
     * do not move when the real ones arrive; one row when the mode says nothing (nsys exports).
     */
    private static List<Lane> placeholders(RunInfo run) {
        List<Lane> lanes = new ArrayList<>();
        List<String> ranges =
                switch (String.valueOf(run.mode())) {
                    case "eager" -> List.of(
                            rangeLabel(RangeLevel.STEP.ordinal()),
                            rangeLabel(RangeLevel.LAYER.ordinal()),
                            rangeLabel(RangeLevel.BLOCK.ordinal()),
                            rangeLabel(RangeLevel.OP.ordinal()));
                    case "graph" -> List.of(rangeLabel(RangeLevel.STEP.ordinal()));
                    default -> List.of("ranges");
                };
        for (String level : ranges) {
            lanes.add(empty(level + LOADING, Lane.LaneKind.RANGE));
        }
        lanes.add(empty(CPU_LOADING, Lane.LaneKind.CPU));
        return lanes;
    }

    private static Lane empty(String label, Lane.LaneKind kind) {
        return new Lane(label, kind, new long[0], new long[0], new int[0], new int[0], 0);
    }

    /**
     * Every row of the run once its API calls and ranges are read: the same lanes as {@link
     * #of(RunInfo, TimelineColumns) of(run, all)}; the GPU rows and the rows on the GPU's time laid out
     * already are reused ({@code all} must have the same kernels).
     */
    public TimelineData withAllRows(TimelineColumns all) {
        if (all.kernels().size() != columns.kernels().size()) {
            throw new IllegalArgumentException("kernels differ: "
                    + all.kernels().size() + " != " + columns.kernels().size());
        }
        List<Lane> lanes = hostLanes(all);
        for (Lane l : this.lanes) {
            if (l.kind() == Lane.LaneKind.GPU_RANGE || l.kind() == Lane.LaneKind.GPU) {
                lanes.add(l);
            }
        }
        return new TimelineData(run, all, gpuRanges, lanes, false, null);
    }

    /** True while the CPU and range rows are placeholders (see {@link #kernelsFirst}). */
    public boolean pending() {
        return pending;
    }

    /** The overview the GPU rows show while the kernels are read, or null once they show kernels. */
    public KernelOverview overview() {
        return overview;
    }

    /** The range rows and the CPU row. */
    private static List<Lane> hostLanes(TimelineColumns columns) {
        List<Lane> lanes = rangeLanes(columns.ranges(), Lane.LaneKind.RANGE, "");
        TimelineColumns.Calls calls = columns.calls();
        if (calls.size() > 0) {
            int[] refs = new int[calls.size()];
            Arrays.setAll(refs, i -> i);
            int[] launchKey = new int[calls.strings().length];
            for (int s = 0; s < launchKey.length; s++) {
                String n = calls.strings()[s];
                boolean launch = ApiCall.isLaunch(n);
                launchKey[s] = launch ? Palette.CPU_LAUNCH : Palette.CPU_OTHER;
            }
            int[] names = calls.names();
            lanes.add(lane(
                    "CPU launches", Lane.LaneKind.CPU, refs, calls.starts(), calls.ends(), i -> launchKey[names[i]]));
        }
        return lanes;
    }

    /** A row per range level (step, layer, block, op, then foreign ranges), headed by the level and {@code suffix}. */
    private static List<Lane> rangeLanes(TimelineColumns.Ranges ranges, Lane.LaneKind kind, String suffix) {
        List<Lane> lanes = new ArrayList<>();
        RangeLevel[] levels = ranges.levels();
        group(
                ranges.size(),
                i -> levels[i] == null ? RangeLevel.values().length : levels[i].ordinal(),
                (row, refs) -> lanes.add(lane(
                        rangeLabel(row) + suffix,
                        kind,
                        refs,
                        ranges.starts(),
                        ranges.ends(),
                        i -> Palette.range(ranges.level(i)))));
        return lanes;
    }

    /** A row per GPU stream, headed by {@link StreamNames#header} and {@code suffix}. */
    private static List<Lane> gpuLanes(TimelineColumns.Kernels kernels, String suffix, Map<String, String> recorded) {
        List<Lane> lanes = new ArrayList<>();
        int[] family = families(kernels.strings(), recorded);
        int[] names = kernels.names();
        int[] ops = kernels.ops();
        boolean[] fused = kernels.fused();
        int[] streams = kernels.streams();
        group(
                kernels.size(),
                i -> streams[i],
                (stream, refs) -> lanes.add(lane(
                        StreamNames.header(stream, anyAttributed(refs, ops)) + suffix,
                        Lane.LaneKind.GPU,
                        refs,
                        kernels.starts(),
                        kernels.ends(),
                        i -> Palette.kernel(OpFamily.values()[family[ops[i] >= 0 ? ops[i] : names[i]]], fused[i]))));
        return lanes;
    }

    private static boolean anyAttributed(int[] refs, int[] ops) {
        for (int r : refs) {
            if (ops[r] >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The colour family of each string: a kernel's colour depends on its op (or name) and fused flag; the
     * family is the recording's, else the catalog's, else guessed from the name ({@link OpFamily#forName}).
     */
    private static int[] families(String[] strings, Map<String, String> recorded) {
        int[] family = new int[strings.length];
        for (int s = 0; s < strings.length; s++) {
            family[s] = OpFamily.forName(strings[s], recorded).ordinal();
        }
        return family;
    }

    private static String rangeLabel(int row) {
        return row == RangeLevel.values().length
                ? "NVTX"
                : RangeLevel.values()[row].name().toLowerCase(Locale.ROOT);
    }

    /** Splits indices 0..n-1 by an int key (ascending), without boxing each index. */
    private static void group(int n, IntUnaryOperator keyOf, BiConsumer<Integer, int[]> sink) {
        int[] keys = new int[n];
        Map<Integer, int[]> counts = new TreeMap<>();
        int lastKey = 0;
        int[] last = null;
        for (int i = 0; i < n; i++) {
            keys[i] = keyOf.applyAsInt(i);
            if (last == null || keys[i] != lastKey) {
                last = counts.computeIfAbsent(keys[i], k -> new int[1]);
                lastKey = keys[i];
            }
            last[0]++;
        }
        Map<Integer, int[]> members = new TreeMap<>();
        counts.forEach((k, c) -> members.put(k, new int[c[0]]));
        Map<Integer, int[]> fill = new TreeMap<>();
        int[] at = null;
        int[] into = null;
        for (int i = 0; i < n; i++) {
            if (at == null || keys[i] != lastKey) {
                at = fill.computeIfAbsent(keys[i], k -> new int[1]);
                into = members.get(keys[i]);
                lastKey = keys[i];
            }
            into[at[0]++] = i;
        }
        members.forEach(sink);
    }

    private static Lane lane(
            String label, Lane.LaneKind kind, int[] refs, long[] allStarts, long[] allEnds, IntUnaryOperator key) {
        int n = refs.length;
        long[] starts = new long[n];
        long[] ends = new long[n];
        int[] colors = new int[n];
        long max = 0;
        for (int j = 0; j < n; j++) {
            int r = refs[j];
            starts[j] = allStarts[r];
            ends[j] = allEnds[r];
            colors[j] = key.applyAsInt(r);
            max = Math.max(max, ends[j] - starts[j]);
        }
        return new Lane(label, kind, starts, ends, colors, refs, max);
    }

    /** The run these lanes show. */
    public RunInfo run() {
        return run;
    }

    /** The columns the lanes were built from: names, correlation ids and streams by item ref. */
    public TimelineColumns columns() {
        return columns;
    }

    /**
     * The layer and op ranges on the GPU's time that the {@link Lane.LaneKind#GPU_RANGE} rows show
     * (their refs index these), derived from the kernels' attribution ({@link AttributedRanges}: the
     * layer ranges, then the op ranges); none without attribution.
     */
    public TimelineColumns.Ranges gpuRanges() {
        return gpuRanges;
    }

    public List<Lane> lanes() {
        return lanes;
    }

    /** Number of kernels read (GPU items over all streams); 0 while the GPU rows are an {@link #overview()}. */
    public int kernelCount() {
        return columns.kernels().size();
    }

    /** The run's kernels: {@link #kernelCount()}, or the overview's count while they are read. */
    public int runKernelCount() {
        return overview != null ? overview.kernelCount() : kernelCount();
    }

    /** The run's window: from its first event's start (ns). */
    public long startNs() {
        return startNs;
    }

    /** The end of the last event (ns). */
    public long endNs() {
        return endNs;
    }

    /** The index (in the run's API calls) of the call with this correlation id, or -1. */
    public int launchIndexOf(long correlationId) {
        int i = Arrays.binarySearch(launchCorrelations, correlationId);
        return i < 0 ? -1 : launchRefs[i];
    }

    /** The index of the API call that launched kernel {@code kernelIndex} (same correlation id), or -1. */
    public int launchOfKernel(int kernelIndex) {
        return launchIndexOf(columns.kernels().correlations()[kernelIndex]);
    }

    /** The lane showing kernel {@code kernelIndex}, or -1. */
    public int laneOfKernel(int kernelIndex) {
        int stream = columns.kernels().streams()[kernelIndex];
        int[] streams = columns.kernels().streams();
        for (int i = 0; i < lanes.size(); i++) {
            Lane l = lanes.get(i);
            // a stream's row holds its kernels only: its first tells the stream
            if (l.kind() == Lane.LaneKind.GPU && l.size() > 0 && l.refs()[0] >= 0 && streams[l.refs()[0]] == stream) {
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
