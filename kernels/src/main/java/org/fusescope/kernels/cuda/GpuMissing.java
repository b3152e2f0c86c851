package org.fusescope.kernels.cuda;

/**
 * The first thing {@link Gpu}'s probe found missing, in the order it looks; {@link #NONE} when the GPU
 * is usable. Only {@link #DRIVER_LIBRARY} means "no NVIDIA driver on this machine"; every other kind
 * means the driver is there and the CUDA setup around it is broken.
 */
public enum GpuMissing {
    NONE("nothing"),
    DRIVER_LIBRARY("the NVIDIA driver library libcuda.so.1"),
    DRIVER_BINDING("JCuda's driver binding (JCudaDriver-12.6.0-linux-x86_64)"),
    CUINIT("a driver that initializes (cuInit failed)"),
    NO_DEVICE("a CUDA device"),
    NVRTC("the NVRTC library libnvrtc.so.13"),
    CUBLAS("the cuBLAS library libcublas.so.13");

    private final String what;

    GpuMissing(String what) {
        this.what = what;
    }

    /** What is missing, in words, e.g. {@code the NVRTC library libnvrtc.so.13}. */
    public String what() {
        return what;
    }
}
