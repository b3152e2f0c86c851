package org.fusescope.kernels.cuda;

import jcuda.driver.JCudaDriver;
import org.bytedeco.cuda.global.cublas;
import org.bytedeco.cuda.global.nvrtc;
import org.bytedeco.javacpp.Loader;

/**
 * The native calls of {@link Gpu}'s probe, one per step, so that CPU tests can replay each outcome
 * with a fake. A step that cannot load its library throws the loader's {@link LinkageError}.
 */
interface GpuProbeSteps {
    /** Loads {@code libcuda.so.1} by name, the way the dynamic loader finds it. */
    void loadDriverLibrary();

    /**
     * {@code cuInit(0)} through JCuda; the first call loads JCuda's native driver binding, from a
     * private folder ({@link JCudaNatives}).
     */
    int init();

    int deviceCount();

    int driverVersion();

    /** Loads JavaCPP's NVRTC binding. */
    void loadNvrtc();

    /** Loads JavaCPP's cuBLAS binding. */
    void loadCublas();

    /** The real steps. */
    GpuProbeSteps NATIVE = new GpuProbeSteps() {
        @Override
        public void loadDriverLibrary() {
            Loader.loadGlobal("libcuda.so.1");
        }

        @Override
        public int init() {
            JCudaNatives.load();
            return JCudaDriver.cuInit(0);
        }

        @Override
        public int deviceCount() {
            int[] count = {0};
            JCudaDriver.cuDeviceGetCount(count);
            return count[0];
        }

        @Override
        public int driverVersion() {
            int[] version = {0};
            JCudaDriver.cuDriverGetVersion(version);
            return version[0];
        }

        @Override
        public void loadNvrtc() {
            Loader.load(nvrtc.class);
        }

        @Override
        public void loadCublas() {
            Loader.load(cublas.class);
        }
    };
}
