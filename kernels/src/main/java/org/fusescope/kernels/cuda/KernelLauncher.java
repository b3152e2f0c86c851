package org.fusescope.kernels.cuda;

import static jcuda.driver.JCudaDriver.cuLaunchKernel;
import static org.fusescope.kernels.cuda.CudaCheck.check;

import jcuda.NativePointerObject;
import jcuda.Pointer;

/**
 * Launches kernels with {@code cuLaunchKernel}, or with {@code cuLaunchKernelEx} and the programmatic-serialization
 * attribute on a stream that asks for it ({@link CudaStream#programmaticLaunches(boolean)}). Kernel arguments are given in the order of the
 * kernel's parameters: a {@link DeviceBuffer} becomes its device pointer, an {@link Integer} an
 * {@code int}, a {@link Long} a {@code long long}/{@code int64_t}, a {@link Float} a {@code float}.
 * Stateless; safe from any thread that has the context current.
 */
public final class KernelLauncher {
    private KernelLauncher() {}

    /**
     * Enqueues one launch of {@code function} on {@code stream}.
     *
     * @param sharedBytes dynamic shared memory per block, bytes
     * @throws IllegalArgumentException for an argument of another type, or a block larger than the
     *     function allows
     */
    public static void launch(
            CudaFunction function, Dim grid, Dim block, int sharedBytes, CudaStream stream, Object... args) {
        if (block.count() > function.maxThreadsPerBlock()) {
            throw new IllegalArgumentException(function.name() + ": block " + block + " has " + block.count()
                    + " threads, the function allows at most " + function.maxThreadsPerBlock());
        }
        if (stream.programmaticLaunches()) {
            ProgrammaticLaunch.launch(function, grid, block, sharedBytes, stream, args);
            return;
        }
        check(
                cuLaunchKernel(
                        function.handle(),
                        grid.x(),
                        grid.y(),
                        grid.z(),
                        block.x(),
                        block.y(),
                        block.z(),
                        sharedBytes,
                        stream.handle(),
                        kernelParams(function.name(), args),
                        null),
                "cuLaunchKernel",
                function.name(),
                "grid=" + grid,
                "block=" + block,
                "sharedBytes=" + sharedBytes);
    }

    /** The {@code void**} array of argument addresses that {@code cuLaunchKernel} takes. */
    static Pointer kernelParams(String kernel, Object... args) {
        NativePointerObject[] params = new NativePointerObject[args.length];
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            if (arg instanceof DeviceBuffer b) {
                params[i] = Pointer.to(b.pointer());
            } else if (arg instanceof Integer v) {
                params[i] = Pointer.to(new int[] {v});
            } else if (arg instanceof Long v) {
                params[i] = Pointer.to(new long[] {v});
            } else if (arg instanceof Float v) {
                params[i] = Pointer.to(new float[] {v});
            } else {
                throw unsupported(kernel, i, arg);
            }
        }
        return Pointer.to(params);
    }

    /** The error for a kernel argument of a type launches do not take. */
    static IllegalArgumentException unsupported(String kernel, int index, Object arg) {
        return new IllegalArgumentException(kernel + ": kernel argument " + index + " is "
                + (arg == null ? "null" : "a " + arg.getClass().getName())
                + "; expected DeviceBuffer, Integer, Long or Float");
    }
}
