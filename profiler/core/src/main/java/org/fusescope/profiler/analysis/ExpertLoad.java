package org.fusescope.profiler.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;
import org.fusescope.profiler.model.ExpertCounts;
import org.fusescope.profiler.model.RunTrace;

/**
 * Tokens per expert per layer and step, their imbalance and the rows a grouped GEMM with tile
 * height T pads: an expert with c &gt; 0 tokens costs ceil(c / T) · T rows. Touched, max, mean and
 * imbalance are over the routed experts ({@link RoutedExperts}: the shared expert that fused runs
 * append is left out); tokens and padding count every expert the grouped GEMMs run. Immutable and
 * thread-safe.
 */
public final class ExpertLoad {
    private final int tileHeight;
    private final List<ExpertLoadRow> rows;
    private final List<LayerLoadRow> layers;

    private ExpertLoad(int tileHeight, List<ExpertLoadRow> rows, List<LayerLoadRow> layers) {
        this.tileHeight = tileHeight;
        this.rows = List.copyOf(rows);
        this.layers = List.copyOf(layers);
    }

    /**
     * Analyzes the expert counts of the trace.
     *
     * @param tileHeight the grouped GEMM's tile height T in rows (tokens), at least 1
     */
    public static ExpertLoad of(RunTrace trace, int tileHeight) {
        if (tileHeight < 1) {
            throw new IllegalArgumentException("tile height must be at least 1, got " + tileHeight);
        }
        List<ExpertLoadRow> rows = new ArrayList<>();
        IntUnaryOperator routed = RoutedExperts.forRun(trace.run());
        for (ExpertCounts counts : trace.expertCounts()) {
            rows.add(row(counts, routed.applyAsInt(counts.tokensPerExpert().length), tileHeight));
        }
        rows.sort(Comparator.comparingInt(ExpertLoadRow::layer).thenComparingInt(ExpertLoadRow::step));
        Map<Integer, List<ExpertLoadRow>> byLayer = new TreeMap<>();
        for (ExpertLoadRow r : rows) {
            byLayer.computeIfAbsent(r.layer(), l -> new ArrayList<>()).add(r);
        }
        List<LayerLoadRow> layers = new ArrayList<>();
        byLayer.forEach((layer, layerRows) -> layers.add(LayerLoads.summarize(
                layer,
                layerRows,
                routed.applyAsInt(layerRows.get(0).tokensPerExpert().size()))));
        return new ExpertLoad(tileHeight, rows, layers);
    }

    private static ExpertLoadRow row(ExpertCounts counts, int routed, int tileHeight) {
        int[] tokens = counts.tokensPerExpert();
        List<Integer> list = new ArrayList<>(tokens.length);
        int touched = 0;
        int max = 0;
        long routedTotal = 0;
        long padded = 0;
        for (int e = 0; e < tokens.length; e++) {
            int c = tokens[e];
            list.add(c);
            if (c > 0) {
                padded += ((c + (long) tileHeight - 1) / tileHeight) * tileHeight;
            }
            if (e < routed) {
                max = Math.max(max, c);
                touched += c > 0 ? 1 : 0;
                routedTotal += c;
            }
        }
        long total = counts.total();
        double mean = routed == 0 ? 0.0 : (double) routedTotal / routed;
        return new ExpertLoadRow(
                counts.layer(),
                counts.step(),
                list,
                routed,
                total,
                touched,
                max,
                mean,
                mean > 0 ? max / mean : Double.NaN,
                padded,
                padded - total);
    }

    public int tileHeight() {
        return tileHeight;
    }

    /** One row per layer and step, by layer then step. */
    public List<ExpertLoadRow> rows() {
        return rows;
    }

    /** One row per layer, ascending. */
    public List<LayerLoadRow> layers() {
        return layers;
    }

    /** The per layer and step table. */
    public ResultTable toTable() {
        return LayerLoads.stepTable(rows, tileHeight);
    }

    /** The per layer table. */
    public ResultTable layerTable() {
        return LayerLoads.layerTable(layers, tileHeight);
    }
}
