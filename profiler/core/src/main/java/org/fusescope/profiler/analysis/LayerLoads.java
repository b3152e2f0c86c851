package org.fusescope.profiler.analysis;

import java.util.ArrayList;
import java.util.List;

/** Layer summaries and tables of an {@link ExpertLoad}. Stateless. */
final class LayerLoads {
    private LayerLoads() {}

    /** Means over the layer's steps; touched, max, mean and imbalance over the first {@code routed} experts. */
    static LayerLoadRow summarize(int layer, List<ExpertLoadRow> rows, int routed) {
        int experts = 0;
        for (ExpertLoadRow r : rows) {
            experts = Math.max(experts, r.tokensPerExpert().size());
        }
        // Layers may mix E and E+1 experts (shared expert appended); a missing expert counts 0.
        double[] sums = new double[experts];
        long total = 0;
        long waste = 0;
        long padded = 0;
        for (ExpertLoadRow r : rows) {
            for (int e = 0; e < r.tokensPerExpert().size(); e++) {
                sums[e] += r.tokensPerExpert().get(e);
            }
            total += r.total();
            waste += r.paddingWasteRows();
            padded += r.paddedRows();
        }
        int steps = rows.size();
        List<Double> means = new ArrayList<>(experts);
        int touched = 0;
        double max = 0;
        double routedSum = 0;
        for (int e = 0; e < experts; e++) {
            means.add(sums[e] / steps);
            if (e < routed) {
                touched += sums[e] > 0 ? 1 : 0;
                max = Math.max(max, sums[e] / steps);
                routedSum += sums[e] / steps;
            }
        }
        double meanTotal = (double) total / steps;
        double mean = routed == 0 ? 0.0 : routedSum / routed;
        return new LayerLoadRow(
                layer,
                steps,
                means,
                routed,
                meanTotal,
                touched,
                max,
                mean,
                mean > 0 ? max / mean : Double.NaN,
                (double) waste / steps,
                padded == 0 ? 0.0 : (double) waste / padded);
    }

    static ResultTable stepTable(List<ExpertLoadRow> rows, int tileHeight) {
        ResultTable.Builder t = ResultTable.builder("Expert load per layer and step (tile height " + tileHeight
                        + "; experts, touched, max, mean, imbalance: routed experts; tokens: every slot;"
                        + " shared: the shared expert's slots when run as expert E)")
                .column(Column.integer("Layer"))
                .column(Column.integer("Step"))
                .column(Column.integer("Experts"))
                .column(Column.integer("Tokens"))
                .column(Column.integer("Shared"))
                .column(Column.integer("Touched"))
                .column(Column.integer("Max"))
                .column(Column.decimal("Mean", ""))
                .column(Column.decimal("Imbalance", "max/mean"))
                .column(Column.integer("Padded Rows"))
                .column(Column.integer("Padding Waste"))
                .column(Column.percent("Waste"));
        for (ExpertLoadRow r : rows) {
            t.row(
                    r.layer(),
                    r.step(),
                    r.routedExperts(),
                    r.total(),
                    r.sharedSlots(),
                    r.touched(),
                    r.max(),
                    r.mean(),
                    r.imbalance(),
                    r.paddedRows(),
                    r.paddingWasteRows(),
                    100.0 * r.paddingWasteFraction());
        }
        return t.build();
    }

    static ResultTable layerTable(List<LayerLoadRow> layers, int tileHeight) {
        ResultTable.Builder t = ResultTable.builder("Expert load per layer (tile height " + tileHeight
                        + "; experts, touched, max, mean, imbalance: routed experts)")
                .column(Column.integer("Layer"))
                .column(Column.integer("Steps"))
                .column(Column.integer("Experts"))
                .column(Column.decimal("Mean Tokens", ""))
                .column(Column.integer("Touched"))
                .column(Column.decimal("Max", ""))
                .column(Column.decimal("Mean", ""))
                .column(Column.decimal("Imbalance", "max/mean"))
                .column(Column.decimal("Mean Padding Waste", "rows"))
                .column(Column.percent("Waste"));
        for (LayerLoadRow l : layers) {
            t.row(
                    l.layer(),
                    l.steps(),
                    l.routedExperts(),
                    l.meanTotal(),
                    l.touched(),
                    l.max(),
                    l.mean(),
                    l.imbalance(),
                    l.meanPaddingWasteRows(),
                    100.0 * l.paddingWasteFraction());
        }
        return t.build();
    }
}
