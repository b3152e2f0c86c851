package org.fusescope.profiler.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fusescope.profiler.model.KernelEvent;
import org.fusescope.profiler.model.MeasuredKernel;
import org.fusescope.profiler.model.RunTrace;

/**
 * The roofline of a run: one point per kernel name with attribution (instances without attribution
 * are left out of the point), the bandwidth roof (the device's reference bandwidth: measured when
 * known), the compute roof (peak FLOP/s) and the ridge point between them. Unknown roofs are NaN.
 * Immutable and thread-safe.
 *
 * @param bandwidthRoofBytesPerSec the memory roof (bytes/s), NaN when unknown
 * @param computeRoofFlopsPerSec the compute roof (FLOP/s), NaN when unknown
 * @param points by time share descending, then name
 */
public record Roofline(double bandwidthRoofBytesPerSec, double computeRoofFlopsPerSec, List<RooflinePoint> points) {
    public Roofline {
        points = List.copyOf(points);
    }

    public static Roofline of(RunTrace trace) {
        return of(trace, List.of());
    }

    /** The roofline with Nsight Compute's DRAM bytes beside the modelled ones where kernels were measured. */
    public static Roofline of(RunTrace trace, List<MeasuredKernel> measured) {
        Map<Long, MeasuredKernel> measuredByStart = new HashMap<>();
        measured.forEach(m -> measuredByStart.put(m.kernelStartNs(), m));
        Map<String, List<KernelEvent>> byName = new LinkedHashMap<>();
        long allNs = 0;
        for (KernelEvent k : trace.kernels()) {
            allNs = Sums.add(allNs, k.durationNs());
            if (k.hasAttribution()) {
                byName.computeIfAbsent(k.name(), n -> new ArrayList<>()).add(k);
            }
        }
        List<RooflinePoint> points = new ArrayList<>();
        for (Map.Entry<String, List<KernelEvent>> e : byName.entrySet()) {
            long ns = 0;
            long bytes = 0;
            long flops = 0;
            double dram = 0;
            int dramInstances = 0;
            for (KernelEvent k : e.getValue()) {
                MeasuredKernel m = measuredByStart.get(k.startNs());
                if (m != null && !Double.isNaN(m.dramBytes())) {
                    dram += m.dramBytes();
                    dramInstances++;
                }
                ns = Sums.add(ns, k.durationNs());
                bytes = Sums.add(bytes, k.attribution().bytes());
                flops = Sums.add(flops, k.attribution().flops());
            }
            points.add(new RooflinePoint(
                    e.getKey(),
                    e.getValue().size(),
                    ns,
                    bytes,
                    flops,
                    bytes == 0 ? Double.NaN : (double) flops / bytes,
                    ns == 0 ? Double.NaN : bytes * 1e9 / ns,
                    ns == 0 ? Double.NaN : flops * 1e9 / ns,
                    allNs == 0 ? 0.0 : (double) ns / allNs,
                    dramInstances == 0
                            ? Double.NaN
                            : dram / dramInstances * e.getValue().size()));
        }
        points.sort(
                Comparator.comparingDouble(RooflinePoint::timeShare).reversed().thenComparing(RooflinePoint::name));
        double bandwidth = Double.NaN;
        double compute = Double.NaN;
        if (trace.device() != null) {
            double b = trace.device().referenceBandwidthBytesPerSec();
            bandwidth = b > 0 ? b : Double.NaN;
            double f = trace.device().peakFlopsPerSec();
            compute = f > 0 ? f : Double.NaN;
        }
        return new Roofline(bandwidth, compute, points);
    }

    /** Peak FLOP/s / bandwidth (FLOP/byte): below it a kernel is memory-bound; NaN when unknown. */
    public double ridgePointFlopsPerByte() {
        return computeRoofFlopsPerSec / bandwidthRoofBytesPerSec;
    }

    /** min(compute roof, intensity × bandwidth roof) for an intensity (FLOP/s); NaN when unknown. */
    public double attainableFlopsPerSec(double arithmeticIntensity) {
        return Math.min(computeRoofFlopsPerSec, arithmeticIntensity * bandwidthRoofBytesPerSec);
    }

    /** The points as a table, bandwidth in GB/s and compute in GFLOP/s. */
    public ResultTable toTable() {
        ResultTable.Builder t = ResultTable.builder(String.format(
                        java.util.Locale.ROOT,
                        "Roofline (bandwidth roof %.2f GB/s, compute roof %.2f GFLOP/s, ridge %.2f FLOP/B)",
                        bandwidthRoofBytesPerSec / 1e9,
                        computeRoofFlopsPerSec / 1e9,
                        ridgePointFlopsPerByte()))
                .column(Column.text("Name"))
                .column(Column.integer("Instances"))
                .column(Column.durationNs("Total Time"))
                .column(Column.percent("Time Share"))
                .column(Column.bytes("Bytes"))
                .column(Column.integer("FLOPs"))
                .column(Column.decimal("Intensity", "FLOP/B"))
                .column(Column.decimal("Achieved Bandwidth", "GB/s"))
                .column(Column.decimal("Achieved Compute", "GFLOP/s"))
                .column(Column.percent("Of Attainable"));
        boolean anyMeasured = points.stream().anyMatch(p -> !Double.isNaN(p.measuredBytes()));
        if (anyMeasured) {
            t.column(Column.bytes("Measured Bytes")).column(Column.decimal("Measured Intensity", "FLOP/B"));
        }
        for (RooflinePoint p : points) {
            List<Object> row = new ArrayList<>(List.of(
                    p.name(),
                    p.instances(),
                    p.totalNs(),
                    100.0 * p.timeShare(),
                    p.bytes(),
                    p.flops(),
                    p.arithmeticIntensity(),
                    p.achievedBytesPerSec() / 1e9,
                    p.achievedFlopsPerSec() / 1e9,
                    100.0 * p.achievedFlopsPerSec() / attainableFlopsPerSec(p.arithmeticIntensity())));
            if (anyMeasured) {
                boolean has = !Double.isNaN(p.measuredBytes());
                row.add(has ? (Object) Math.round(p.measuredBytes()) : null);
                row.add(has ? (Object) p.measuredIntensity() : null);
            }
            t.row(row.toArray());
        }
        return t.build();
    }
}
