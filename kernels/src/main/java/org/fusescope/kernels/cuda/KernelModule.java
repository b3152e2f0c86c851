package org.fusescope.kernels.cuda;

import static jcuda.driver.JCudaDriver.cuModuleGetFunction;
import static jcuda.driver.JCudaDriver.cuModuleLoadData;
import static jcuda.driver.JCudaDriver.cuModuleUnload;
import static org.fusescope.kernels.cuda.CudaCheck.check;

import jcuda.driver.CUmodule;

/**
 * A loaded cubin ({@code cuModuleLoadData}). A cubin is loaded as-is; a PTX image would need a
 * trailing NUL byte, which is why this class takes only cubins (see {@link NvrtcCompiler}). The
 * functions it hands out are valid until {@link #close()}. Needs its context current. Not
 * thread-safe.
 */
public final class KernelModule implements AutoCloseable {
    private final String name;
    private final CUmodule module = new CUmodule();
    private boolean closed;

    private KernelModule(String name, byte[] cubin) {
        this.name = name;
        check(cuModuleLoadData(module, cubin), "cuModuleLoadData", name, "bytes=" + cubin.length);
    }

    /**
     * Loads a cubin into the current context.
     *
     * @param name used in error messages, e.g. the op name
     */
    public static KernelModule load(String name, byte[] cubin) {
        return new KernelModule(name, cubin);
    }

    /** Looks up an {@code extern "C"} entry point, e.g. {@code rmsnorm_kernel}. */
    public CudaFunction function(String entryPoint) {
        Handles.Function function = new Handles.Function();
        check(cuModuleGetFunction(function, module, entryPoint), "cuModuleGetFunction", name, entryPoint);
        return new CudaFunction(entryPoint, function);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            check(cuModuleUnload(module), "cuModuleUnload", name);
        }
    }
}
