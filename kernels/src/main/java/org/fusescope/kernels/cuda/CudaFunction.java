package org.fusescope.kernels.cuda;

import static jcuda.driver.JCudaDriver.cuFuncGetAttribute;
import static org.fusescope.kernels.cuda.CudaCheck.check;

import jcuda.driver.CUfunction;
import jcuda.driver.CUfunction_attribute;

/**
 * A kernel entry point of a {@link KernelModule}, with the attributes the compiler gave it (queried
 * once, when looked up). Valid while its module is loaded. Immutable once built; launching it from
 * several threads is allowed by CUDA.
 */
public final class CudaFunction {
    private final String name;
    private final Handles.Function handle;
    private final int registers;
    private final int staticSharedBytes;
    private final int maxThreadsPerBlock;

    CudaFunction(String name, Handles.Function handle) {
        this.name = name;
        this.handle = handle;
        this.registers = attribute(CUfunction_attribute.CU_FUNC_ATTRIBUTE_NUM_REGS);
        this.staticSharedBytes = attribute(CUfunction_attribute.CU_FUNC_ATTRIBUTE_SHARED_SIZE_BYTES);
        this.maxThreadsPerBlock = attribute(CUfunction_attribute.CU_FUNC_ATTRIBUTE_MAX_THREADS_PER_BLOCK);
    }

    /** The entry point's name. */
    public String name() {
        return name;
    }

    /** The JCuda handle. */
    public CUfunction handle() {
        return handle;
    }

    /** The raw {@code CUfunction} value, for launches through JavaCPP ({@code cuLaunchKernelEx}). */
    long address() {
        return handle.address();
    }

    /** Registers per thread. */
    public int registers() {
        return registers;
    }

    /** Statically declared shared memory per block, bytes. */
    public int staticSharedBytes() {
        return staticSharedBytes;
    }

    /** The largest block this function can be launched with, threads. */
    public int maxThreadsPerBlock() {
        return maxThreadsPerBlock;
    }

    @Override
    public String toString() {
        return name + " (" + registers + " regs, " + staticSharedBytes + " B static smem, max " + maxThreadsPerBlock
                + " threads)";
    }

    private int attribute(int attribute) {
        int[] value = {0};
        check(cuFuncGetAttribute(value, attribute, handle), "cuFuncGetAttribute", name, "attribute=" + attribute);
        return value[0];
    }
}
