package org.fusescope.profiler.cupti;

/**
 * What {@link Cupti}'s probe found missing; {@link #NONE} when CUPTI loads. Only {@link
 * #DRIVER_LIBRARY} means "no NVIDIA driver on this machine"; {@link #CUPTI} means the driver is there
 * and the CUDA setup around it (the runtime, CUPTI or JavaCPP's binding) is broken.
 */
public enum CuptiMissing {
    NONE("nothing"),
    DRIVER_LIBRARY("the NVIDIA driver library libcuda.so.1"),
    CUPTI("CUPTI (libcupti.so.13 and the runtime libcudart.so.13, through JavaCPP's binding)");

    private final String what;

    CuptiMissing(String what) {
        this.what = what;
    }

    /** What is missing, in words. */
    public String what() {
        return what;
    }
}
