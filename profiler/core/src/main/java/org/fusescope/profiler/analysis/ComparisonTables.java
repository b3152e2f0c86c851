package org.fusescope.profiler.analysis;

import java.util.List;
import org.fusescope.profiler.model.NumericCheck;

/** Builds the tables of a {@link RunComparison}. Stateless. */
final class ComparisonTables {
    private ComparisonTables() {}

    static ResultTable groups(List<GroupComparison> groups) {
        ResultTable.Builder t = ResultTable.builder("Fusion groups per decode step")
                .column(Column.text("Group"))
                .column(Column.text("Change"))
                .column(Column.text("Baseline Ops"))
                .column(Column.text("Candidate Ops"))
                .column(Column.decimal("Baseline Launches", ""))
                .column(Column.decimal("Candidate Launches", ""))
                .column(Column.decimal("Launches Saved", ""))
                .column(Column.durationNs("Baseline Time"))
                .column(Column.durationNs("Candidate Time"))
                .column(Column.durationNs("Delta Time"))
                .column(Column.decimal("Speed-up", "x"))
                .column(Column.decimal("Baseline Bytes", "B"))
                .column(Column.decimal("Candidate Bytes", "B"))
                .column(Column.decimal("Bytes Saved", "B"))
                .column(Column.durationNs("Baseline IQR"))
                .column(Column.durationNs("Candidate IQR"))
                .column(Column.durationNs("Delta Low"))
                .column(Column.durationNs("Delta High"))
                .column(Column.text("Moved Work"));
        for (GroupComparison g : groups) {
            Verdict v = g.verdict();
            t.row(
                    g.group(),
                    g.change().name(),
                    g.baselineOps(),
                    g.candidateOps(),
                    g.baselineLaunches(),
                    g.candidateLaunches(),
                    g.launchesSaved(),
                    g.baselineNs(),
                    g.candidateNs(),
                    g.deltaNs(),
                    g.speedUp(),
                    g.baselineBytes(),
                    g.candidateBytes(),
                    g.bytesSaved(),
                    v.baseline().iqr(),
                    v.candidate().iqr(),
                    v.deltaLow(),
                    v.deltaHigh(),
                    g.movedWork());
        }
        return t.build();
    }

    /** The step-total medians, and for the times their verdict, IQRs and the interval of the delta. */
    static ResultTable stepTotals(List<MetricComparison> metrics) {
        ResultTable.Builder t = metricColumns(ResultTable.builder("Decode step medians"))
                .column(Column.text("Change"))
                .column(Column.decimal("Baseline IQR", ""))
                .column(Column.decimal("Candidate IQR", ""))
                .column(Column.decimal("Delta Low", ""))
                .column(Column.decimal("Delta High", ""));
        for (MetricComparison m : metrics) {
            Verdict v = m.verdict();
            t.row(
                    m.metric(),
                    m.unit(),
                    m.baseline(),
                    m.candidate(),
                    m.delta(),
                    m.speedUp(),
                    v == null ? null : v.change().name(),
                    v == null ? null : v.baseline().iqr(),
                    v == null ? null : v.candidate().iqr(),
                    v == null ? null : v.deltaLow(),
                    v == null ? null : v.deltaHigh());
        }
        return t.build();
    }

    /**
     * The verdicts in one table: the step-total times first (items {@code step GPU busy}, {@code step
     * Wall}, …), then the fusion groups in the group table's order.
     */
    static ResultTable verdicts(
            int baselineSteps, int candidateSteps, List<MetricComparison> stepTotals, List<GroupComparison> groups) {
        ResultTable.Builder t = ResultTable.builder(String.format(
                        java.util.Locale.ROOT,
                        "Verdicts per decode step (median and IQR over %d and %d steps; change with its %.0f %%"
                                + " bootstrap interval; faster or slower only beyond the noise)",
                        baselineSteps,
                        candidateSteps,
                        NoiseRule.CONFIDENCE * 100))
                .column(Column.text("Item"))
                .column(Column.text("Verdict"))
                .column(Column.durationNs("Baseline Median"))
                .column(Column.durationNs("Baseline IQR"))
                .column(Column.durationNs("Candidate Median"))
                .column(Column.durationNs("Candidate IQR"))
                .column(Column.percent("Change"))
                .column(Column.percent("Change Low"))
                .column(Column.percent("Change High"))
                .column(Column.text("Moved Work"));
        for (MetricComparison m : stepTotals) {
            if (m.verdict() != null) {
                verdictRow(t, "step " + m.metric(), m.verdict(), "");
            }
        }
        for (GroupComparison g : groups) {
            verdictRow(t, g.group(), g.verdict(), g.movedWork());
        }
        return t.build();
    }

    private static void verdictRow(ResultTable.Builder t, String item, Verdict v, String movedWork) {
        t.row(
                item,
                v.change().label(),
                v.baseline().median(),
                v.baseline().iqr(),
                v.candidate().median(),
                v.candidate().iqr(),
                v.changePercent(),
                v.changeLowPercent(),
                v.changeHighPercent(),
                movedWork);
    }

    /** Metric, unit, baseline, candidate, delta, speed-up: one row per metric. */
    static ResultTable metrics(String title, List<MetricComparison> metrics) {
        ResultTable.Builder t = metricColumns(ResultTable.builder(title));
        for (MetricComparison m : metrics) {
            t.row(m.metric(), m.unit(), m.baseline(), m.candidate(), m.delta(), m.speedUp());
        }
        return t.build();
    }

    private static ResultTable.Builder metricColumns(ResultTable.Builder t) {
        return t.column(Column.text("Metric"))
                .column(Column.text("Unit"))
                .column(Column.decimal("Baseline", ""))
                .column(Column.decimal("Candidate", ""))
                .column(Column.decimal("Delta", ""))
                .column(Column.decimal("Speed-up", "x"));
    }

    static ResultTable checks(List<CheckPair> checks) {
        ResultTable.Builder t = ResultTable.builder("Numeric checks")
                .column(Column.text("Check"))
                .column(Column.integer("Layer"))
                .column(Column.integer("Step"))
                .column(Column.decimal("Baseline Max Abs", ""))
                .column(Column.decimal("Baseline Rel Norm", ""))
                .column(Column.text("Baseline Passed"))
                .column(Column.decimal("Candidate Max Abs", ""))
                .column(Column.decimal("Candidate Rel Norm", ""))
                .column(Column.text("Candidate Passed"));
        for (CheckPair p : checks) {
            t.row(
                    p.name(),
                    p.layer(),
                    p.step(),
                    maxAbs(p.baseline()),
                    relNorm(p.baseline()),
                    passed(p.baseline()),
                    maxAbs(p.candidate()),
                    relNorm(p.candidate()),
                    passed(p.candidate()));
        }
        return t.build();
    }

    private static Double maxAbs(NumericCheck c) {
        return c == null ? null : c.maxAbs();
    }

    private static Double relNorm(NumericCheck c) {
        return c == null ? null : c.relNorm();
    }

    private static String passed(NumericCheck c) {
        return c == null ? null : c.passed() ? "yes" : "no";
    }
}
