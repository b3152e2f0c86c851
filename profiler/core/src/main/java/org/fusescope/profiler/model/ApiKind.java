package org.fusescope.profiler.model;

/** Which CUDA API a CPU-side call belongs to. */
public enum ApiKind {
    /** CUDA runtime API ({@code cudaLaunchKernel}, ...). */
    RUNTIME,
    /** CUDA driver API ({@code cuLaunchKernel}, {@code cuGraphLaunch}, ...). */
    DRIVER
}
