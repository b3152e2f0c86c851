package org.fusescope.profiler.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NoiseRuleTest {
    private static final ComparisonOptions FLOOR = ComparisonOptions.DEFAULTS;

    /** 20 steps around {@code level} with a small deterministic jitter of up to ±2 %. */
    private static double[] steadySteps(double level) {
        double[] steps = new double[20];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = level * (1 + 0.01 * ((i * 7) % 5 - 2));
        }
        return steps;
    }

    /** 20 steps that swing between {@code low} and {@code high}, as routing that changes per step does. */
    private static double[] swingingSteps(double low, double high) {
        double[] steps = new double[20];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = i % 2 == 0 ? low : high;
        }
        return steps;
    }

    @Test
    void identicalDistributionsAreWithinNoise() {
        double[] steps = steadySteps(100_000);
        Verdict verdict = NoiseRule.judge(steps, steps.clone(), FLOOR);
        assertThat(verdict.change()).isEqualTo(ChangeKind.WITHIN_NOISE);
        assertThat(verdict.delta()).isZero();
        assertThat(verdict.deltaLow()).isNegative();
        assertThat(verdict.deltaHigh()).isPositive();
    }

    @Test
    void aClearShiftIsSlowerOneWayAndFasterTheOther() {
        double[] base = steadySteps(100_000);
        double[] shifted = steadySteps(120_000);

        Verdict slower = NoiseRule.judge(base, shifted, FLOOR);
        assertThat(slower.change()).isEqualTo(ChangeKind.SLOWER);
        assertThat(slower.changePercent()).isCloseTo(20.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(slower.deltaLow()).isPositive().isLessThanOrEqualTo(slower.delta());
        assertThat(slower.deltaHigh()).isGreaterThanOrEqualTo(slower.delta());

        Verdict faster = NoiseRule.judge(shifted, base, FLOOR);
        assertThat(faster.change()).isEqualTo(ChangeKind.FASTER);
        assertThat(faster.deltaHigh()).isNegative();
        assertThat(faster.speedUp()).isCloseTo(1.2, org.assertj.core.api.Assertions.within(1e-9));
    }

    /** Issue 16's case: a 0.863x change of the medians is no slowdown when the steps swing by more. */
    @Test
    void aLargeChangeOfTheMedianInsideTheStepToStepSwingIsWithinNoise() {
        double[] base = swingingSteps(10_000, 14_000);
        double[] cand = swingingSteps(10_000, 17_800);
        Verdict verdict = NoiseRule.judge(base, cand, FLOOR);
        assertThat(verdict.speedUp()).isCloseTo(12_000.0 / 13_900.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(verdict.deltaLow()).isLessThanOrEqualTo(0);
        assertThat(verdict.change()).isEqualTo(ChangeKind.WITHIN_NOISE);
    }

    @Test
    void aShiftBeyondTheSpreadButUnderTheFloorIsWithinNoise() {
        double[] base = new double[20];
        double[] cand = new double[20];
        Arrays.fill(base, 10_000);
        Arrays.fill(cand, 10_150); // 1.5 %, 150 ns: under both 3 % and 200 ns
        Verdict verdict = NoiseRule.judge(base, cand, FLOOR);
        assertThat(verdict.deltaLow()).isEqualTo(150.0);
        assertThat(verdict.change()).isEqualTo(ChangeKind.WITHIN_NOISE);
        assertThat(NoiseRule.judge(base, cand, new ComparisonOptions(0.01, 100)).change())
                .isEqualTo(ChangeKind.SLOWER);
    }

    @Test
    void oneStepHasNoSpreadSoOnlyTheFloorDecides() {
        Verdict verdict = NoiseRule.judge(new double[] {10_000}, new double[] {12_000}, FLOOR);
        assertThat(verdict.deltaLow()).isEqualTo(2000.0);
        assertThat(verdict.deltaHigh()).isEqualTo(2000.0);
        assertThat(verdict.change()).isEqualTo(ChangeKind.SLOWER);
    }

    @Test
    void theSameStepsAlwaysGiveTheSameInterval() {
        double[] base = swingingSteps(10_000, 14_000);
        double[] cand = steadySteps(12_500);
        assertThat(NoiseRule.judge(base, cand, FLOOR)).isEqualTo(NoiseRule.judge(base, cand, FLOOR));
    }

    @Test
    void worseByMoreThanUsesTheLowerEndOfTheInterval() {
        Verdict slower = NoiseRule.judge(steadySteps(100_000), steadySteps(120_000), FLOOR);
        assertThat(slower.changeLowPercent()).isBetween(15.0, 20.0);
        assertThat(slower.worseByMoreThan(1)).isTrue();
        assertThat(slower.worseByMoreThan(slower.changeLowPercent())).isFalse();
        assertThat(slower.worseByMoreThan(25)).isFalse();
        Verdict noise = NoiseRule.judge(swingingSteps(10_000, 14_000), swingingSteps(10_000, 17_800), FLOOR);
        assertThat(noise.worseByMoreThan(0)).isFalse();
        Verdict added = NoiseRule.onlyIn(ChangeKind.ADDED, new double[] {0, 0}, new double[] {5, 5});
        assertThat(added.worseByMoreThan(0)).isFalse();
    }

    @Test
    void onlyInTakesAddedOrRemoved() {
        Verdict removed = NoiseRule.onlyIn(ChangeKind.REMOVED, new double[] {800, 800}, new double[] {0});
        assertThat(removed.change()).isEqualTo(ChangeKind.REMOVED);
        assertThat(removed.delta()).isEqualTo(-800.0);
        assertThatThrownBy(() -> NoiseRule.onlyIn(ChangeKind.FASTER, new double[] {1}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void spreadHasInterpolatedQuartiles() {
        Spread spread = Spread.of(new double[] {9, 1, 8, 2, 7, 3, 6, 4, 5});
        assertThat(spread.steps()).isEqualTo(9);
        assertThat(spread.median()).isEqualTo(5.0);
        assertThat(spread.q1()).isEqualTo(3.0);
        assertThat(spread.q3()).isEqualTo(7.0);
        assertThat(spread.iqr()).isEqualTo(4.0);
        assertThat(Spread.of(new double[] {1, 2}).median()).isEqualTo(1.5);
        assertThat(Spread.of(new double[0]).median()).isNaN();
    }
}
