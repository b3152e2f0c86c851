package org.fusescope.profiler.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.fusescope.profiler.model.Dim3;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.RunTrace;

/**
 * Per-kernel-name statistics of a run, the columns of {@code nsys stats --report
 * cuda_gpu_kern_sum} plus shape, resources and bandwidth. Rows are sorted by total time
 * descending, then name. Time (%) is a share of summed kernel time, as nsys computes it (not of
 * wall or busy time). Immutable and thread-safe.
 */
public final class KernelSummary {
    private final List<KernelStats> rows;

    private KernelSummary(List<KernelStats> rows) {
        this.rows = List.copyOf(rows);
    }

    /** Summarizes every kernel of the trace, grouped by {@link KernelEvent#name()}. */
    public static KernelSummary of(RunTrace trace) {
        Map<String, List<KernelEvent>> byName = new LinkedHashMap<>();
        long allNs = 0;
        for (KernelEvent k : trace.kernels()) {
            byName.computeIfAbsent(k.name(), n -> new ArrayList<>()).add(k);
            allNs = Sums.add(allNs, k.durationNs());
        }
        double peak = trace.device() == null ? Double.NaN : trace.device().referenceBandwidthBytesPerSec();
        List<KernelStats> rows = new ArrayList<>();
        for (Map.Entry<String, List<KernelEvent>> e : byName.entrySet()) {
            rows.add(stats(e.getKey(), e.getValue(), allNs, peak));
        }
        rows.sort(Comparator.comparingLong(KernelStats::totalNs).reversed().thenComparing(KernelStats::name));
        return new KernelSummary(rows);
    }

    /**
     * The timing columns only (time, instances, average … standard deviation), of kernels given as
     * name ids into {@code names} and durations (ns), in any order: what a reader has long before
     * every field of every kernel is in (the workbench's durations read or timeline columns). Shape,
     * resources and bandwidth stay empty.
     */
    public static KernelSummary ofDurations(String[] names, int[] nameIds, long[] durations) {
        int[] counts = new int[names.length];
        for (int id : nameIds) {
            counts[id]++;
        }
        long[][] byId = new long[names.length][];
        for (int id = 0; id < names.length; id++) {
            byId[id] = new long[counts[id]];
        }
        int[] filled = new int[names.length];
        long allNs = 0;
        for (int i = 0; i < nameIds.length; i++) {
            long d = durations[i];
            byId[nameIds[i]][filled[nameIds[i]]++] = d;
            allNs = Sums.add(allNs, d);
        }
        // one row per name (a string table may hold a name twice)
        Map<String, long[]> byName = new LinkedHashMap<>();
        for (int id = 0; id < names.length; id++) {
            if (counts[id] > 0) {
                byName.merge(names[id], byId[id], KernelSummary::concat);
            }
        }
        List<KernelStats> rows = new ArrayList<>();
        for (Map.Entry<String, long[]> e : byName.entrySet()) {
            rows.add(timing(e.getKey(), e.getValue(), allNs));
        }
        rows.sort(Comparator.comparingLong(KernelStats::totalNs).reversed().thenComparing(KernelStats::name));
        return new KernelSummary(rows);
    }

    private static long[] concat(long[] a, long[] b) {
        long[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A row with the timing columns of {@code durations} and nothing else. */
    private static KernelStats timing(String name, long[] durations, long allNs) {
        long total = 0;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long d : durations) {
            total = Sums.add(total, d);
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        return new KernelStats(
                name,
                allNs == 0 ? 0.0 : 100.0 * (double) total / allNs,
                total,
                durations.length,
                (double) total / durations.length,
                Intervals.median(durations),
                min,
                max,
                Intervals.sampleStdDev(durations),
                null,
                false,
                null,
                false,
                0,
                0,
                OptionalLong.empty(),
                Double.NaN,
                Double.NaN);
    }

    private static KernelStats stats(String name, List<KernelEvent> kernels, long allNs, double peak) {
        KernelStats t =
                timing(name, kernels.stream().mapToLong(KernelEvent::durationNs).toArray(), allNs);
        Map<Dim3, Integer> grids = new LinkedHashMap<>();
        Map<Dim3, Integer> blocks = new LinkedHashMap<>();
        int registers = 0;
        int shared = 0;
        long bytes = 0;
        long bytesNs = 0;
        int attributed = 0;
        for (KernelEvent k : kernels) {
            grids.merge(k.grid(), 1, Integer::sum);
            blocks.merge(k.block(), 1, Integer::sum);
            registers = Math.max(registers, k.registersPerThread());
            shared = Math.max(shared, k.staticSharedMemory() + k.dynamicSharedMemory());
            if (k.hasAttribution()) {
                attributed++;
                bytes = Sums.add(
                        bytes,
                        Sums.add(k.attribution().bytesRead(), k.attribution().bytesWritten()));
                bytesNs = Sums.add(bytesNs, k.durationNs());
            }
        }
        double achieved = attributed == 0 || bytesNs == 0 ? Double.NaN : bytes * 1e9 / bytesNs;
        return new KernelStats(
                name,
                t.timePercent(),
                t.totalNs(),
                t.instances(),
                t.avgNs(),
                t.medianNs(),
                t.minNs(),
                t.maxNs(),
                t.stdDevNs(),
                mostFrequent(grids),
                grids.size() > 1,
                mostFrequent(blocks),
                blocks.size() > 1,
                registers,
                shared,
                attributed == 0 ? OptionalLong.empty() : OptionalLong.of(Math.round((double) bytes / attributed)),
                achieved,
                peak > 0 ? 100.0 * achieved / peak : Double.NaN);
    }

    private static Dim3 mostFrequent(Map<Dim3, Integer> counts) {
        Dim3 best = null;
        int bestCount = 0;
        for (Map.Entry<Dim3, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }

    public List<KernelStats> rows() {
        return rows;
    }

    /**
     * The rows as a table; a shape that varies is marked with a trailing {@code *}; rows of {@link
     * #ofDurations} leave shape and resources empty.
     */
    public ResultTable toTable() {
        ResultTable.Builder t = ResultTable.builder("CUDA GPU kernel summary")
                .column(Column.percent("Time"))
                .column(Column.durationNs("Total Time"))
                .column(Column.integer("Instances"))
                .column(Column.durationNs("Avg"))
                .column(Column.durationNs("Med"))
                .column(Column.durationNs("Min"))
                .column(Column.durationNs("Max"))
                .column(Column.durationNs("StdDev"))
                .column(Column.text("Grid"))
                .column(Column.text("Block"))
                .column(Column.integer("Registers"))
                .column(Column.bytes("Shared Memory"))
                .column(Column.bytes("Bytes per Instance"))
                .column(Column.decimal("Achieved", "GB/s"))
                .column(Column.percent("Of Peak"))
                .column(Column.text("Name"));
        for (KernelStats r : rows) {
            t.row(
                    r.timePercent(),
                    r.totalNs(),
                    r.instances(),
                    r.avgNs(),
                    r.medianNs(),
                    r.minNs(),
                    r.maxNs(),
                    r.stdDevNs(),
                    shape(r.grid(), r.gridVaries()),
                    shape(r.block(), r.blockVaries()),
                    r.grid() == null ? null : r.registersPerThread(),
                    r.grid() == null ? null : r.sharedMemoryBytes(),
                    r.bytesPerInstance().isPresent() ? r.bytesPerInstance().getAsLong() : null,
                    r.achievedBytesPerSec() / 1e9,
                    r.percentOfPeak(),
                    r.name());
        }
        return t.build();
    }

    private static String shape(Dim3 dim, boolean varies) {
        if (dim == null) {
            return null;
        }
        return varies ? dim + "*" : dim.toString();
    }
}
