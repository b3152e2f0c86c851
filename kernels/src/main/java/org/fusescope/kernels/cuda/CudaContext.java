package org.fusescope.kernels.cuda;

import static jcuda.driver.JCudaDriver.cuCtxSetCurrent;
import static jcuda.driver.JCudaDriver.cuCtxSynchronize;
import static jcuda.driver.JCudaDriver.cuDeviceGet;
import static jcuda.driver.JCudaDriver.cuDeviceGetAttribute;
import static jcuda.driver.JCudaDriver.cuDeviceGetName;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxRelease;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxRetain;
import static jcuda.driver.JCudaDriver.cuDeviceTotalMem;
import static jcuda.driver.JCudaDriver.cuMemGetInfo;
import static org.fusescope.kernels.cuda.CudaCheck.check;

import java.nio.charset.StandardCharsets;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;

/**
 * The primary context of one device, made current on the opening thread. The primary context is
 * the one the runtime API, cuBLAS and CUPTI share, so all of them see the same allocations.
 *
 * <p>A CUDA context is current per thread: a thread other than the opener must call {@link
 * #makeCurrent()} before it touches buffers, streams or modules. Closing releases this retain of the
 * primary context (the driver destroys it when the last retain is released). Not thread-safe.
 */
public final class CudaContext implements AutoCloseable {
    private final int ordinal;
    private final CUdevice device;
    private final CUcontext context;
    private final DeviceProperties properties;
    private boolean closed;

    private CudaContext(int ordinal, CUdevice device, CUcontext context) {
        this.ordinal = ordinal;
        this.device = device;
        this.context = context;
        this.properties = query(device);
    }

    /**
     * Retains the primary context of device {@code ordinal} and makes it current on this thread.
     *
     * @throws GpuUnavailableException when there is no usable GPU (see {@link Gpu})
     * @throws IllegalArgumentException when there is no device with that ordinal
     */
    public static CudaContext open(int ordinal) {
        int count = Gpu.probe();
        if (ordinal < 0 || ordinal >= count) {
            throw new IllegalArgumentException("device ordinal " + ordinal + " out of range: " + count + " device(s)");
        }
        CUdevice device = new CUdevice();
        check(cuDeviceGet(device, ordinal), "cuDeviceGet", "ordinal=" + ordinal);
        CUcontext context = new CUcontext();
        check(cuDevicePrimaryCtxRetain(context, device), "cuDevicePrimaryCtxRetain", "ordinal=" + ordinal);
        try {
            check(cuCtxSetCurrent(context), "cuCtxSetCurrent", "ordinal=" + ordinal);
            return new CudaContext(ordinal, device, context);
        } catch (RuntimeException e) {
            cuDevicePrimaryCtxRelease(device);
            throw e;
        }
    }

    /** Makes this context current on the calling thread. */
    public void makeCurrent() {
        check(cuCtxSetCurrent(context), "cuCtxSetCurrent", "ordinal=" + ordinal);
    }

    /** Waits until all work of this context is done. */
    public void synchronize() {
        check(cuCtxSynchronize(), "cuCtxSynchronize");
    }

    /** Device memory free now (bytes), as {@code cuMemGetInfo} reports it. */
    public long freeMemoryBytes() {
        long[] free = new long[1];
        long[] total = new long[1];
        check(cuMemGetInfo(free, total), "cuMemGetInfo");
        return free[0];
    }

    /** The device ordinal this context belongs to. */
    public int ordinal() {
        return ordinal;
    }

    /** The device's properties, queried once at open. */
    public DeviceProperties properties() {
        return properties;
    }

    /** The device's architecture as NVRTC spells it after {@code sm_}, e.g. 90. */
    public int smArchitecture() {
        return properties.smArchitecture();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            check(cuDevicePrimaryCtxRelease(device), "cuDevicePrimaryCtxRelease", "ordinal=" + ordinal);
        }
    }

    private static DeviceProperties query(CUdevice device) {
        byte[] name = new byte[256];
        check(cuDeviceGetName(name, name.length, device), "cuDeviceGetName");
        int end = 0;
        while (end < name.length && name[end] != 0) {
            end++;
        }
        long[] total = {0};
        check(cuDeviceTotalMem(total, device), "cuDeviceTotalMem");
        return new DeviceProperties(
                new String(name, 0, end, StandardCharsets.UTF_8),
                attribute(device, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT),
                attribute(device, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR),
                attribute(device, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR),
                total[0],
                attribute(device, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_L2_CACHE_SIZE),
                attribute(device, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_CLOCK_RATE),
                attribute(device, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MEMORY_CLOCK_RATE),
                attribute(device, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_GLOBAL_MEMORY_BUS_WIDTH));
    }

    private static int attribute(CUdevice device, int attribute) {
        int[] value = {0};
        check(cuDeviceGetAttribute(value, attribute, device), "cuDeviceGetAttribute", "attribute=" + attribute);
        return value[0];
    }
}
