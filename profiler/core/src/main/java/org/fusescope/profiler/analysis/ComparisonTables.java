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
                .column(Column.decimal("Bytes Saved", "B"));
        for (GroupComparison g : groups) {
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
                    g.bytesSaved());
        }
        return t.build();
    }

    static ResultTable stepTotals(List<MetricComparison> metrics) {
        return metrics("Decode step medians", metrics);
    }

    /** Metric, unit, baseline, candidate, delta, speed-up: one row per metric. */
    static ResultTable metrics(String title, List<MetricComparison> metrics) {
        ResultTable.Builder t = ResultTable.builder(title)
                .column(Column.text("Metric"))
                .column(Column.text("Unit"))
                .column(Column.decimal("Baseline", ""))
                .column(Column.decimal("Candidate", ""))
                .column(Column.decimal("Delta", ""))
                .column(Column.decimal("Speed-up", "x"));
        for (MetricComparison m : metrics) {
            t.row(m.metric(), m.unit(), m.baseline(), m.candidate(), m.delta(), m.speedUp());
        }
        return t.build();
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
