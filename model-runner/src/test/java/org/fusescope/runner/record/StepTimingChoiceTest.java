package org.fusescope.runner.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.fusescope.profiler.model.Problem;
import org.fusescope.profiler.model.Severity;
import org.junit.jupiter.api.Test;

/** {@code --step-timing}: gated unless a CUDA tool that may serialize launches is injected, explicit choices win. */
class StepTimingChoiceTest {
    private static final String NCU = "/opt/nvidia/nsight-compute/2025.3.1/target/linux-desktop-glibc_2_11_3-x64/"
            + "libTreeLauncherTargetInjection.so";
    private static final Map<String, String> UNDER_NCU = Map.of(StepTimingChoice.INJECTION_VARIABLE, NCU);

    @Test
    void autoIsGatedWithoutAToolAndSaysNothing() {
        StepTimingChoice plain =
                StepTimingChoice.of(StepTimingOption.AUTO, TraceLevel.FULL, Map.of("PATH", "/usr/bin"));
        assertThat(plain.timing()).isEqualTo(StepTiming.GATED);
        assertThat(plain.notice()).isEmpty();
        assertThat(plain.problems()).isEmpty();
        assertThat(StepTimingChoice.of(
                        StepTimingOption.AUTO, TraceLevel.FULL, Map.of(StepTimingChoice.INJECTION_VARIABLE, " ")))
                .as("an empty variable injects nothing")
                .isEqualTo(plain);
    }

    @Test
    void autoIsDirectUnderAnInjectedToolAndSaysWhyInOneLine() {
        StepTimingChoice underNcu = StepTimingChoice.of(StepTimingOption.AUTO, TraceLevel.FULL, UNDER_NCU);
        assertThat(underNcu.timing()).isEqualTo(StepTiming.DIRECT);
        assertThat(underNcu.notice()).hasValueSatisfying(n -> assertThat(n)
                .contains(StepTimingChoice.INJECTION_VARIABLE + "=" + NCU)
                .contains("timed direct, not gated")
                .doesNotContain("\n"));
        assertThat(underNcu.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.code()).isEqualTo(StepTimingChoice.PROBLEM_CODE);
            assertThat(p.message()).isEqualTo(underNcu.notice().orElseThrow());
        });
    }

    /** Nsight Compute 2025.3.1 on the H100 set no CUDA_INJECTION64_PATH in its child: --trace none alone decides. */
    @Test
    void autoIsDirectUnderTraceNoneWithoutTheVariableAndGatedWinsThere() {
        StepTimingChoice none = StepTimingChoice.of(StepTimingOption.AUTO, TraceLevel.NONE, Map.of());
        assertThat(none.timing()).isEqualTo(StepTiming.DIRECT);
        assertThat(none.notice()).hasValueSatisfying(n -> assertThat(n)
                .startsWith("--trace none")
                .contains("timed direct, not gated")
                .contains("--step-timing gated")
                .doesNotContain("\n"));
        assertThat(StepTimingChoice.of(StepTimingOption.AUTO, TraceLevel.KERNELS, Map.of())
                        .timing())
                .isEqualTo(StepTiming.GATED);
        assertThat(StepTimingChoice.of(StepTimingOption.GATED, TraceLevel.NONE, Map.of()))
                .isEqualTo(new StepTimingChoice(StepTiming.GATED, java.util.Optional.empty()));
    }

    @Test
    void anExplicitChoiceWinsAndGatedUnderAToolIsWarnedAbout() {
        assertThat(StepTimingChoice.of(StepTimingOption.DIRECT, TraceLevel.FULL, UNDER_NCU))
                .isEqualTo(new StepTimingChoice(StepTiming.DIRECT, java.util.Optional.empty()));
        assertThat(StepTimingChoice.of(StepTimingOption.DIRECT, TraceLevel.FULL, Map.of())
                        .timing())
                .isEqualTo(StepTiming.DIRECT);
        assertThat(StepTimingChoice.of(StepTimingOption.GATED, TraceLevel.FULL, Map.of())
                        .notice())
                .isEmpty();
        StepTimingChoice gated = StepTimingChoice.of(StepTimingOption.GATED, TraceLevel.FULL, UNDER_NCU);
        assertThat(gated.timing()).isEqualTo(StepTiming.GATED);
        assertThat(gated.problems())
                .extracting(Problem::message)
                .singleElement()
                .satisfies(m -> assertThat(m).contains("gated as asked").contains("--step-timing auto or direct"));
    }
}
