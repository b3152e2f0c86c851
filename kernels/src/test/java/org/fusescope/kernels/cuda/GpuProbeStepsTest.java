package org.fusescope.kernels.cuda;

import static org.assertj.core.api.Assertions.assertThat;

import jcuda.driver.CUresult;
import org.fusescope.kernels.cuda.GpuTestRule.Verdict;
import org.junit.jupiter.api.Test;

/**
 * Gpu's probe over fake native steps: each way a machine can lack a GPU gives its own finding and a
 * reason naming the missing piece, and the rule turns it into skip or fail.
 */
class GpuProbeStepsTest {

    /** A FAKE of the native probe steps: every step succeeds unless told to throw or return otherwise. */
    private static final class FakeSteps implements GpuProbeSteps {
        LinkageError driverLibrary;
        LinkageError binding;
        int init = CUresult.CUDA_SUCCESS;
        int devices = 1;
        LinkageError nvrtc;
        LinkageError cublas;

        @Override
        public void loadDriverLibrary() {
            throwIfSet(driverLibrary);
        }

        @Override
        public int init() {
            throwIfSet(binding);
            return init;
        }

        @Override
        public int deviceCount() {
            return devices;
        }

        @Override
        public int driverVersion() {
            return 13000;
        }

        @Override
        public void loadNvrtc() {
            throwIfSet(nvrtc);
        }

        @Override
        public void loadCublas() {
            throwIfSet(cublas);
        }

        private static void throwIfSet(LinkageError e) {
            if (e != null) {
                throw e;
            }
        }
    }

    private static UnsatisfiedLinkError cannotOpen(String library) {
        return new UnsatisfiedLinkError(library + ": cannot open shared object file: No such file or directory");
    }

    @Test
    void allStepsSucceeding() {
        Gpu.Probe p = Gpu.run(new FakeSteps());
        assertThat(p.missing()).isEqualTo(GpuMissing.NONE);
        assertThat(p.reason()).isEmpty();
        assertThat(p.deviceCount()).isEqualTo(1);
        assertThat(p.driverVersion()).isEqualTo(13000);
    }

    @Test
    void noDriverLibrarySkipsUnlessRequired() {
        FakeSteps steps = new FakeSteps();
        steps.driverLibrary = cannotOpen("libcuda.so.1");
        Gpu.Probe p = Gpu.run(steps);
        assertThat(p.missing()).isEqualTo(GpuMissing.DRIVER_LIBRARY);
        assertThat(p.reason())
                .startsWith("No usable CUDA GPU: the dynamic loader cannot load libcuda.so.1")
                .contains("cannot open shared object file")
                .contains("LD_LIBRARY_PATH");
        assertThat(verdict(p, false)).isEqualTo(Verdict.SKIP);
        assertThat(verdict(p, true)).isEqualTo(Verdict.FAIL);
    }

    @Test
    void jcudaBindingFailingWithTheDriverPresentFails() {
        FakeSteps steps = new FakeSteps();
        steps.binding = new UnsatisfiedLinkError("Error while loading native library \"JCudaDriver-12.6.0\"");
        Gpu.Probe p = Gpu.run(steps);
        assertThat(p.missing()).isEqualTo(GpuMissing.DRIVER_BINDING);
        assertThat(p.reason()).contains("JCudaDriver-12.6.0-linux-x86_64");
        assertThat(verdict(p, false)).isEqualTo(Verdict.FAIL);
    }

    @Test
    void failingCuInitFailsNamingTheError() {
        FakeSteps steps = new FakeSteps();
        steps.init = CUresult.CUDA_ERROR_NOT_INITIALIZED;
        Gpu.Probe p = Gpu.run(steps);
        assertThat(p.missing()).isEqualTo(GpuMissing.CUINIT);
        assertThat(p.reason()).contains("cuInit(0) failed: CUDA_ERROR_NOT_INITIALIZED (3)");
        assertThat(verdict(p, false)).isEqualTo(Verdict.FAIL);
    }

    @Test
    void noDeviceFails() {
        FakeSteps steps = new FakeSteps();
        steps.devices = 0;
        Gpu.Probe p = Gpu.run(steps);
        assertThat(p.missing()).isEqualTo(GpuMissing.NO_DEVICE);
        assertThat(p.reason()).contains("the CUDA driver (version 13000) reports no device");
        assertThat(verdict(p, false)).isEqualTo(Verdict.FAIL);
    }

    @Test
    void missingNvrtcFailsNamingTheLibrary() {
        FakeSteps steps = new FakeSteps();
        steps.nvrtc = cannotOpen("libnvrtc.so.13");
        Gpu.Probe p = Gpu.run(steps);
        assertThat(p.missing()).isEqualTo(GpuMissing.NVRTC);
        assertThat(p.reason())
                .contains("the CUDA 13 toolkit library libnvrtc.so.13 could not be loaded")
                .contains("libnvrtc.so.13: cannot open shared object file");
        assertThat(verdict(p, false)).isEqualTo(Verdict.FAIL);
    }

    @Test
    void missingCublasFailsNamingTheLibrary() {
        FakeSteps steps = new FakeSteps();
        steps.cublas = cannotOpen("libcublas.so.13");
        Gpu.Probe p = Gpu.run(steps);
        assertThat(p.missing()).isEqualTo(GpuMissing.CUBLAS);
        assertThat(p.reason()).contains("the CUDA 13 toolkit library libcublas.so.13 could not be loaded");
        assertThat(verdict(p, false)).isEqualTo(Verdict.FAIL);
        assertThat(GpuTestRule.decide(p.missing(), p.reason(), false).message())
                .startsWith("The NVIDIA driver is present but the CUDA setup is broken:"
                        + " the cuBLAS library libcublas.so.13 is missing. No usable CUDA GPU: ");
    }

    /** On this machine, whatever it has: the answers of Gpu agree with each other. */
    @Test
    void theRealProbeIsConsistent() {
        assertThat(Gpu.isAvailable()).isEqualTo(Gpu.missing() == GpuMissing.NONE);
        assertThat(Gpu.unavailableReason().isEmpty()).isEqualTo(Gpu.isAvailable());
    }

    private static Verdict verdict(Gpu.Probe p, boolean required) {
        return GpuTestRule.decide(p.missing(), p.reason(), required).verdict();
    }
}
