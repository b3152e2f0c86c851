package org.fusescope.profiler.analysis;

import java.util.List;
import java.util.Locale;

/**
 * The check of {@code fusescope compare --fail-above PCT}: does the candidate's median step time
 * exceed the baseline's beyond the noise by more than PCT percent? It does when even the lower end of
 * the bootstrap interval of the change ({@link NoiseRule}) is above PCT; PCT takes the place of the
 * verdict's 3 % floor. Immutable.
 *
 * @param subject the compared runs, e.g. {@code fused b=16 graph -> unfused b=16 graph}
 * @param metric the step time checked
 * @param thresholdPercent PCT
 * @param verdict the metric's verdict
 */
public record RegressionGate(String subject, StepMetric metric, double thresholdPercent, Verdict verdict) {
    public RegressionGate {
        if (!(thresholdPercent >= 0) || Double.isInfinite(thresholdPercent)) {
            throw new IllegalArgumentException("--fail-above takes a percentage >= 0, not " + thresholdPercent);
        }
    }

    /** The check on one comparison. */
    public static RegressionGate of(String subject, RunComparison comparison, StepMetric metric, double percent) {
        return new RegressionGate(subject, metric, percent, comparison.stepVerdict(metric));
    }

    /** True when the candidate is worse by more than the threshold, beyond the noise. */
    public boolean failed() {
        return verdict.worseByMoreThan(thresholdPercent);
    }

    /** One line for the log: the medians, the change and its interval, and whether it failed. */
    public String message() {
        return String.format(
                Locale.ROOT,
                "%s: median step %s %,.0f ns -> %,.0f ns, %+.1f %% (%.0f %% interval %+.1f %% .. %+.1f %%): %s",
                subject,
                metric.optionName(),
                verdict.baseline().median(),
                verdict.candidate().median(),
                verdict.changePercent(),
                NoiseRule.CONFIDENCE * 100,
                verdict.changeLowPercent(),
                verdict.changeHighPercent(),
                failed()
                        ? String.format(Locale.ROOT, "worse by more than %s %% beyond the noise", percent())
                        : String.format(Locale.ROOT, "not worse by more than %s %% beyond the noise", percent()));
    }

    private String percent() {
        return thresholdPercent == Math.rint(thresholdPercent)
                ? String.valueOf((long) thresholdPercent)
                : String.valueOf(thresholdPercent);
    }

    /** The checks as a table, one row each. */
    public static ResultTable table(List<RegressionGate> gates) {
        ResultTable.Builder t = ResultTable.builder("Step-time check (--fail-above)")
                .column(Column.text("Metric"))
                .column(Column.percent("Threshold"))
                .column(Column.durationNs("Baseline Median"))
                .column(Column.durationNs("Candidate Median"))
                .column(Column.percent("Change"))
                .column(Column.percent("Change Low"))
                .column(Column.percent("Change High"))
                .column(Column.text("Verdict"))
                .column(Column.text("Failed"));
        for (RegressionGate g : gates) {
            t.row(
                    g.metric().optionName(),
                    g.thresholdPercent(),
                    g.verdict().baseline().median(),
                    g.verdict().candidate().median(),
                    g.verdict().changePercent(),
                    g.verdict().changeLowPercent(),
                    g.verdict().changeHighPercent(),
                    g.verdict().change().label(),
                    g.failed() ? "yes" : "no");
        }
        return t.build();
    }
}
