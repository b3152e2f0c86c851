package org.fusescope.runner.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.fusescope.kernels.cuda.GpuTestRule;
import org.fusescope.profiler.cupti.CuptiTestRule;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** How the runner's GPU tests turn the kernels' and CUPTI's decisions into JUnit outcomes. */
class GpuTestsTest {

    @Test
    void runReturnsSkipAbortsFailFails() {
        assertThatCode(() -> GpuTests.apply("RUN", "")).doesNotThrowAnyException();
        assertThatThrownBy(() -> GpuTests.apply("SKIP", "no driver"))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("no driver");
        assertThatThrownBy(() -> GpuTests.apply("FAIL", "libcublas.so.13 is missing"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("libcublas.so.13 is missing");
    }

    /** The mapping goes by name, so both rules must keep exactly these verdicts. */
    @Test
    void bothRulesHaveTheVerdictsTheMappingKnows() {
        assertThat(Arrays.stream(GpuTestRule.Verdict.values()).map(Enum::name)).containsExactly("RUN", "SKIP", "FAIL");
        assertThat(Arrays.stream(CuptiTestRule.Verdict.values()).map(Enum::name))
                .containsExactly("RUN", "SKIP", "FAIL");
        assertThatThrownBy(() -> GpuTests.apply("MAYBE", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bothRulesReadTheSameSwitch() {
        assertThat(CuptiTestRule.REQUIRE_PROPERTY)
                .isEqualTo(GpuTestRule.REQUIRE_PROPERTY)
                .isEqualTo("fusescope.requireGpu");
        assertThat(CuptiTestRule.REQUIRE_ENV).isEqualTo(GpuTestRule.REQUIRE_ENV).isEqualTo("FUSESCOPE_REQUIRE_GPU");
    }
}
