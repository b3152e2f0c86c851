package org.fusescope.profiler.cupti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fusescope.profiler.cupti.CuptiTestRule.Decision;
import org.fusescope.profiler.cupti.CuptiTestRule.Verdict;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Cupti's probe over fake native steps, and the run / skip / fail rule with and without the switch. */
class CuptiTestRuleTest {

    /** A FAKE of the native probe steps: every step succeeds unless told to throw or return otherwise. */
    private static final class FakeSteps implements CuptiProbeSteps {
        LinkageError driverLibrary;
        RuntimeException cuptiThrows;
        LinkageError cuptiMissing;
        int version;

        @Override
        public void loadDriverLibrary() {
            if (driverLibrary != null) {
                throw driverLibrary;
            }
        }

        @Override
        public void loadCupti() {
            if (cuptiMissing != null) {
                throw cuptiMissing;
            }
            if (cuptiThrows != null) {
                throw cuptiThrows;
            }
        }

        @Override
        public int version() {
            return version;
        }
    }

    @Test
    void loadingCuptiRuns() {
        Cupti.Finding f = Cupti.probe(new FakeSteps());
        assertThat(f).isEqualTo(new Cupti.Finding(CuptiMissing.NONE, ""));
        assertThat(CuptiTestRule.decide(f.missing(), f.reason(), true)).isEqualTo(new Decision(Verdict.RUN, ""));
    }

    @Test
    void noDriverSkipsWithoutTheSwitchAndFailsWithIt() {
        FakeSteps steps = new FakeSteps();
        steps.driverLibrary = new UnsatisfiedLinkError("libcuda.so.1: cannot open shared object file");
        Cupti.Finding f = Cupti.probe(steps);
        assertThat(f.missing()).isEqualTo(CuptiMissing.DRIVER_LIBRARY);
        assertThat(f.reason()).contains("cannot load libcuda.so.1", "libcupti.so.13", "LD_LIBRARY_PATH");

        Decision skip = CuptiTestRule.decide(f.missing(), f.reason(), false);
        assertThat(skip.verdict()).isEqualTo(Verdict.SKIP);
        assertThat(skip.message())
                .startsWith("No NVIDIA driver on this machine. ")
                .endsWith(f.reason());

        Decision fail = CuptiTestRule.decide(f.missing(), f.reason(), true);
        assertThat(fail.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(fail.message())
                .contains("fusescope.requireGpu=true", "FUSESCOPE_REQUIRE_GPU=1", "libcuda.so.1")
                .endsWith(f.reason());
    }

    @Test
    void cuptiMissingBesideADriverFailsWithOrWithoutTheSwitch() {
        FakeSteps steps = new FakeSteps();
        steps.cuptiMissing = new UnsatisfiedLinkError("libcupti.so.13: cannot open shared object file");
        Cupti.Finding f = Cupti.probe(steps);
        assertThat(f.missing()).isEqualTo(CuptiMissing.CUPTI);
        assertThat(f.reason()).contains("org.bytedeco.cuda.global.cupti could not be loaded", "libcupti.so.13");
        for (boolean required : new boolean[] {false, true}) {
            Decision d = CuptiTestRule.decide(f.missing(), f.reason(), required);
            assertThat(d.verdict()).as("required=" + required).isEqualTo(Verdict.FAIL);
            assertThat(d.message())
                    .startsWith("The NVIDIA driver is present but the CUDA setup is broken: CUPTI (libcupti.so.13")
                    .endsWith(f.reason());
        }
    }

    @Test
    void aBindingThatThrowsOrAFailingVersionCallIsCuptiMissingNotNoDriver() {
        FakeSteps throwing = new FakeSteps();
        throwing.cuptiThrows = new IllegalStateException("preset refused");
        assertThat(Cupti.probe(throwing).missing()).isEqualTo(CuptiMissing.CUPTI);
        assertThat(Cupti.probe(throwing).reason()).contains("IllegalStateException: preset refused");

        FakeSteps failing = new FakeSteps();
        failing.version = 15;
        Cupti.Finding f = Cupti.probe(failing);
        assertThat(f)
                .isEqualTo(new Cupti.Finding(CuptiMissing.CUPTI, "CUPTI unavailable: cuptiGetVersion returned 15"));
        assertThat(CuptiTestRule.decide(f.missing(), f.reason(), false).verdict())
                .isEqualTo(Verdict.FAIL);
    }

    @Test
    void theSwitchIsThePropertyTrueOrTheVariableOne() {
        assertThat(CuptiTestRule.gpuRequired(null, null)).isFalse();
        assertThat(CuptiTestRule.gpuRequired("true", null)).isTrue();
        assertThat(CuptiTestRule.gpuRequired(null, "1")).isTrue();
        assertThat(CuptiTestRule.gpuRequired("false", "0")).isFalse();
        assertThat(CuptiTestRule.gpuRequired("yes", "true")).isFalse();
    }

    @Test
    void junitSeesRunAsNothingSkipAsAbortedFailAsFailed() {
        assertThatCode(() -> Cuda.apply(new Decision(Verdict.RUN, ""))).doesNotThrowAnyException();
        assertThatThrownBy(() -> Cuda.apply(new Decision(Verdict.SKIP, "why skipped")))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("why skipped");
        assertThatThrownBy(() -> Cuda.apply(new Decision(Verdict.FAIL, "why failed")))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("why failed");
    }

    /** On this machine, whatever it has: the answers of Cupti agree with each other. */
    @Test
    void theRealProbeIsConsistent() {
        assertThat(Cupti.isAvailable()).isEqualTo(Cupti.missing() == CuptiMissing.NONE);
        assertThat(Cupti.unavailableReason().isEmpty()).isEqualTo(Cupti.isAvailable());
    }
}
