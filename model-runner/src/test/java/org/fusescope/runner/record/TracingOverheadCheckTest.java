package org.fusescope.runner.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fusescope.profiler.model.Problem;
import org.fusescope.profiler.model.Severity;
import org.junit.jupiter.api.Test;

/** The warning a run gets when tracing cost its steps more than 5 %. */
class TracingOverheadCheckTest {
    private static RunOutcome outcome(double traced, double paused, double noCupti) {
        return new RunOutcome(
                "unfused b=1 graph", 18, 67_000, traced, paused, Double.NaN, Double.NaN, noCupti, 0, List.of());
    }

    @Test
    void aboveFivePercentAgainstNoCuptiTheRunIsWarnedWithBothTimes() {
        List<Problem> problems = TracingOverheadCheck.problems(outcome(75_700, 73_000, 68_400), TraceLevel.FULL);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.code()).isEqualTo("tracing-overhead");
            assertThat(p.message())
                    .startsWith("tracing cost this run's steps +10.7 % (75.7 µs traced against 68.4 µs without CUPTI)")
                    .contains("compare --section untraced");
        });
    }

    @Test
    void theProcessWithoutCuptiDecidesWhenTheRunHasOne() {
        // +3.7 % against the paused steps, but +10.7 % against the process without CUPTI: warned
        assertThat(TracingOverheadCheck.problems(outcome(75_700, 73_000, 68_400), TraceLevel.KERNELS))
                .hasSize(1);
        // +9.1 % against the paused steps, +4.6 % against no CUPTI: not warned
        assertThat(TracingOverheadCheck.problems(outcome(75_700, 69_400, 72_400), TraceLevel.FULL))
                .isEmpty();
    }

    @Test
    void withoutAReferenceProcessThePausedStepsDecide() {
        assertThat(TracingOverheadCheck.problems(outcome(75_700, 69_400, Double.NaN), TraceLevel.FULL))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("+9.1 %").contains("69.4 µs with CUPTI paused"));
        assertThat(TracingOverheadCheck.problems(outcome(40_800, 39_600, Double.NaN), TraceLevel.FULL))
                .as("+3.0 %")
                .isEmpty();
        assertThat(TracingOverheadCheck.problems(outcome(75_700, Double.NaN, Double.NaN), TraceLevel.FULL))
                .as("no untraced steps")
                .isEmpty();
    }

    @Test
    void anUntracedRunIsNeverWarned() {
        assertThat(TracingOverheadCheck.problems(outcome(75_700, 60_000, 50_000), TraceLevel.NONE))
                .isEmpty();
    }
}
