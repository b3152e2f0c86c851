package org.fusescope.kernels.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.fusescope.kernels.cuda.GpuTestRule.Decision;
import org.fusescope.kernels.cuda.GpuTestRule.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The run / skip / fail rule of GPU tests, for every probe finding, with and without the switch. */
class GpuTestRuleTest {
    private static final String REASON = "No usable CUDA GPU: the probe's words. Looked in /somewhere";

    @Test
    void aUsableGpuRunsWithOrWithoutTheSwitch() {
        assertThat(GpuTestRule.decide(GpuMissing.NONE, "", false)).isEqualTo(new Decision(Verdict.RUN, ""));
        assertThat(GpuTestRule.decide(GpuMissing.NONE, "", true)).isEqualTo(new Decision(Verdict.RUN, ""));
    }

    @Test
    void noDriverSkipsWithoutTheSwitch() {
        Decision d = GpuTestRule.decide(GpuMissing.DRIVER_LIBRARY, REASON, false);
        assertThat(d.verdict()).isEqualTo(Verdict.SKIP);
        assertThat(d.message()).startsWith("No NVIDIA driver on this machine. ").endsWith(REASON);
    }

    @Test
    void noDriverFailsWithTheSwitchNamingTheDriverLibrary() {
        Decision d = GpuTestRule.decide(GpuMissing.DRIVER_LIBRARY, REASON, true);
        assertThat(d.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(d.message())
                .contains("fusescope.requireGpu=true", "FUSESCOPE_REQUIRE_GPU=1", "libcuda.so.1")
                .endsWith(REASON);
    }

    /** Everything but "no driver": the driver is there, so a missing piece is a broken setup. */
    @ParameterizedTest
    @EnumSource(
            value = GpuMissing.class,
            names = {"NONE", "DRIVER_LIBRARY"},
            mode = EnumSource.Mode.EXCLUDE)
    void aBrokenSetupFailsWithOrWithoutTheSwitch(GpuMissing missing) {
        for (boolean required : new boolean[] {false, true}) {
            Decision d = GpuTestRule.decide(missing, REASON, required);
            assertThat(d.verdict()).as("required=" + required).isEqualTo(Verdict.FAIL);
            assertThat(d.message())
                    .startsWith("The NVIDIA driver is present but the CUDA setup is broken: ")
                    .contains(missing.what())
                    .endsWith(REASON);
        }
    }

    @Test
    void eachFindingNamesItsPiece() {
        assertThat(GpuMissing.DRIVER_BINDING.what()).contains("JCudaDriver");
        assertThat(GpuMissing.CUINIT.what()).contains("cuInit");
        assertThat(GpuMissing.NO_DEVICE.what()).contains("device");
        assertThat(GpuMissing.NVRTC.what()).contains("libnvrtc.so.13");
        assertThat(GpuMissing.CUBLAS.what()).contains("libcublas.so.13");
        assertThat(EnumSet.allOf(GpuMissing.class)).hasSize(7);
    }

    @Test
    void theSwitchIsThePropertyTrueOrTheVariableOne() {
        assertThat(GpuTestRule.gpuRequired(null, null)).isFalse();
        assertThat(GpuTestRule.gpuRequired("true", null)).isTrue();
        assertThat(GpuTestRule.gpuRequired("TRUE ", null)).isTrue();
        assertThat(GpuTestRule.gpuRequired(null, "1")).isTrue();
        assertThat(GpuTestRule.gpuRequired("false", "1")).isTrue();
        assertThat(GpuTestRule.gpuRequired("false", "0")).isFalse();
        assertThat(GpuTestRule.gpuRequired("1", "true")).isFalse();
        assertThat(GpuTestRule.gpuRequired("", "")).isFalse();
    }

    @Test
    void junitSeesRunAsNothingSkipAsAbortedFailAsFailed() {
        assertThatCode(() -> GpuTests.apply(new Decision(Verdict.RUN, ""))).doesNotThrowAnyException();
        assertThatThrownBy(() -> GpuTests.apply(new Decision(Verdict.SKIP, "why skipped")))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("why skipped");
        assertThatThrownBy(() -> GpuTests.apply(new Decision(Verdict.FAIL, "why failed")))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("why failed");
    }
}
