package org.fusescope.app.compare;

import java.util.List;
import org.fusescope.profiler.analysis.Column;
import org.fusescope.profiler.analysis.GroupComparison;
import org.fusescope.profiler.analysis.ResultTable;
import org.fusescope.profiler.analysis.Verdict;

/** The compare editor's group table: verdict and spread per group, and its time in the chosen step. Stateless. */
final class GroupVerdictTable {
    static final Column VERDICT = Column.text("Verdict");

    private GroupVerdictTable() {}

    static ResultTable of(List<GroupComparison> groups, GroupKernels base, GroupKernels cand, int step) {
        ResultTable.Builder t = ResultTable.builder("Fusion groups per decode step")
                .column(Column.text("Group"))
                .column(VERDICT)
                .column(Column.durationNs("Baseline Median"))
                .column(Column.durationNs("Baseline IQR"))
                .column(Column.durationNs("Candidate Median"))
                .column(Column.durationNs("Candidate IQR"))
                .column(Column.percent("Change"))
                .column(Column.text("95 % Interval"))
                .column(Column.decimal("Speed-up", "x"))
                .column(Column.durationNs("Step " + step + " Baseline"))
                .column(Column.durationNs("Step " + step + " Candidate"))
                .column(Column.text("Launches"))
                .column(Column.text("Baseline Ops"))
                .column(Column.text("Candidate Ops"))
                .column(Column.text("Moved Work"));
        for (GroupComparison g : groups) {
            Verdict v = g.verdict();
            t.row(
                    g.group(),
                    v.change().label(),
                    v.baseline().median(),
                    v.baseline().iqr(),
                    v.candidate().median(),
                    v.candidate().iqr(),
                    v.changePercent(),
                    Double.isNaN(v.changeLowPercent())
                            ? ""
                            : String.format(
                                    java.util.Locale.ROOT,
                                    "%+.1f … %+.1f %%",
                                    v.changeLowPercent(),
                                    v.changeHighPercent()),
                    g.speedUp(),
                    (double) base.durationNs(g.group(), step),
                    (double) cand.durationNs(g.group(), step),
                    String.format(java.util.Locale.ROOT, "%.0f → %.0f", g.baselineLaunches(), g.candidateLaunches()),
                    g.baselineOps(),
                    g.candidateOps(),
                    g.movedWork());
        }
        return t.build();
    }
}
