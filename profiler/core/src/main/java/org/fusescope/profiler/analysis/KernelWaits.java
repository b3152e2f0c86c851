package org.fusescope.profiler.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.RunTrace;

/**
 * Per kernel name, how long its kernels waited on the kernel before them on their stream ({@link OwnTime}): a
 * programmatic dependent launch is resident before its predecessor ends, and its recorded duration holds that
 * wait. Only kernels that waited have a row, most waiting first. Stateless.
 */
public final class KernelWaits {
    private KernelWaits() {}

    /**
     * One kernel name's waits.
     *
     * @param instances the name's kernels in the run
     * @param waiting how many of them waited
     * @param avgDurationNs mean recorded duration over all instances
     * @param avgWaitNs mean wait over all instances
     */
    public record Row(String name, int instances, int waiting, double avgDurationNs, double avgWaitNs) {
        /** Mean own time: duration less wait. */
        public double avgOwnNs() {
            return avgDurationNs - avgWaitNs;
        }
    }

    /** The rows of the run's kernels that waited (empty when none did). */
    public static List<Row> of(RunTrace trace) {
        Map<KernelEvent, Long> own = OwnTime.of(trace.kernels());
        Map<String, long[]> byName = new LinkedHashMap<>(); // instances, waiting, duration ns, wait ns
        for (KernelEvent k : trace.kernels()) {
            long wait = k.durationNs() - OwnTime.get(own, k);
            long[] sums = byName.computeIfAbsent(k.name(), n -> new long[4]);
            sums[0]++;
            sums[1] += wait > 0 ? 1 : 0;
            sums[2] = Sums.add(sums[2], k.durationNs());
            sums[3] = Sums.add(sums[3], wait);
        }
        List<Row> rows = new ArrayList<>();
        byName.forEach((name, s) -> {
            if (s[1] > 0) {
                rows.add(new Row(name, (int) s[0], (int) s[1], (double) s[2] / s[0], (double) s[3] / s[0]));
            }
        });
        rows.sort(Comparator.comparingDouble((Row r) -> r.avgWaitNs() * r.instances())
                .reversed()
                .thenComparing(Row::name));
        return rows;
    }

    /** The rows as a table. */
    public static ResultTable table(List<Row> rows) {
        ResultTable.Builder t = ResultTable.builder(
                        "Kernels that waited on the kernel before them (programmatic launch; compare's group times"
                                + " leave the wait out)")
                .column(Column.text("Name"))
                .column(Column.integer("Instances"))
                .column(Column.integer("Waiting"))
                .column(Column.durationNs("Avg Duration"))
                .column(Column.durationNs("Avg Wait"))
                .column(Column.durationNs("Avg Own Time"));
        for (Row r : rows) {
            t.row(r.name(), r.instances(), r.waiting(), r.avgDurationNs(), r.avgWaitNs(), r.avgOwnNs());
        }
        return t.build();
    }
}
