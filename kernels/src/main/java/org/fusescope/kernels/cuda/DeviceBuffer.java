package org.fusescope.kernels.cuda;

import static jcuda.driver.JCudaDriver.cuCtxSynchronize;
import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemFree;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoDAsync;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoH;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoHAsync;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoDAsync;
import static jcuda.driver.JCudaDriver.cuMemsetD8;
import static jcuda.driver.JCudaDriver.cuMemsetD8Async;
import static jcuda.driver.JCudaDriver.cuStreamSynchronize;
import static org.fusescope.kernels.cuda.CudaCheck.check;

import java.nio.ByteBuffer;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUstream;

/**
 * A typed, shaped allocation of device memory ({@code cuMemAlloc}, 256-byte aligned). Row-major;
 * the shape is fixed at allocation. Copies from and to Java arrays are synchronous; the {@code
 * Async} variants take a direct {@link ByteBuffer} that must stay untouched until the stream is
 * synchronized. Every copy checks that the host side holds exactly {@link #elementCount()} elements
 * of the right type.
 *
 * <p>Needs the owning {@link CudaContext} current on the calling thread. Not thread-safe.
 */
public final class DeviceBuffer implements AutoCloseable {
    private final String name;
    private final DType dtype;
    private final long[] shape;
    private final long elements;
    private final Handles.DevicePointer pointer = new Handles.DevicePointer();
    private boolean closed;

    private DeviceBuffer(String name, DType dtype, long[] shape) {
        this.name = name;
        this.dtype = dtype;
        this.shape = shape.clone();
        this.elements = BufferShapes.elementCount(name, shape);
        if (bytes() > 0) {
            check(cuMemAlloc(pointer, bytes()), "cuMemAlloc", name, "bytes=" + bytes());
        }
    }

    /** Allocates an uninitialized buffer; a zero-sized dimension gives an empty buffer with no memory. */
    public static DeviceBuffer allocate(String name, DType dtype, long... shape) {
        return new DeviceBuffer(name, dtype, shape);
    }

    /** Allocates an unnamed buffer; see {@link #allocate(String, DType, long...)}. */
    public static DeviceBuffer allocate(DType dtype, long... shape) {
        return new DeviceBuffer("buffer", dtype, shape);
    }

    /** The name used in error messages. */
    public String name() {
        return name;
    }

    /** The element type. */
    public DType dtype() {
        return dtype;
    }

    /** A copy of the shape, outermost dimension first. */
    public long[] shape() {
        return shape.clone();
    }

    /** The product of the dimensions. */
    public long elementCount() {
        return elements;
    }

    /** Size in bytes. */
    public long bytes() {
        return elements * dtype.bytes();
    }

    /** The JCuda device pointer (null address for an empty buffer). */
    public CUdeviceptr pointer() {
        return pointer;
    }

    /** The raw device address, for libraries other than JCuda (cuBLAS through JavaCPP). */
    public long address() {
        return pointer.address();
    }

    /** Copies bf16 bits to the device. */
    public void upload(short[] host) {
        copyIn(Pointer.to(host), DType.BF16, host.length);
    }

    /** Copies floats to the device. */
    public void upload(float[] host) {
        copyIn(Pointer.to(host), DType.F32, host.length);
    }

    /** Copies ints to the device. */
    public void upload(int[] host) {
        copyIn(Pointer.to(host), DType.I32, host.length);
    }

    /** Copies the device contents into {@code host} (bf16 bits). */
    public void download(short[] host) {
        copyOut(Pointer.to(host), DType.BF16, host.length);
    }

    /** Copies the device contents into {@code host}. */
    public void download(float[] host) {
        copyOut(Pointer.to(host), DType.F32, host.length);
    }

    /** Copies the device contents into {@code host}. */
    public void download(int[] host) {
        copyOut(Pointer.to(host), DType.I32, host.length);
    }

    /** Enqueues a copy from a direct buffer (position to limit, native byte order) on {@code stream}. */
    public void uploadAsync(ByteBuffer host, CudaStream stream) {
        BufferShapes.checkDirect(name, bytes(), host);
        if (bytes() > 0) {
            check(
                    cuMemcpyHtoDAsync(pointer, Pointer.toBuffer(host), bytes(), stream.handle()),
                    "cuMemcpyHtoDAsync",
                    name);
        }
    }

    /** Enqueues a copy into a direct buffer (position to limit) on {@code stream}. */
    public void downloadAsync(ByteBuffer host, CudaStream stream) {
        BufferShapes.checkDirect(name, bytes(), host);
        if (bytes() > 0) {
            check(
                    cuMemcpyDtoHAsync(Pointer.toBuffer(host), pointer, bytes(), stream.handle()),
                    "cuMemcpyDtoHAsync",
                    name);
        }
    }

    /**
     * Sets every byte to {@code value} and waits until it is done; {@code fill((byte) 0xFF)} poisons
     * an output (bf16/f32 NaN). The wait matters: cuMemsetD8 runs on the legacy default stream, which
     * does not order itself with the non-blocking streams kernels run on, so without it a later kernel
     * could race the poison.
     */
    public void fill(byte value) {
        if (bytes() > 0) {
            check(cuMemsetD8(pointer, value, bytes()), "cuMemsetD8", name, "value=" + value);
            check(cuStreamSynchronize(new CUstream()), "cuStreamSynchronize", "legacy default stream");
        }
    }

    /** {@link #fill} enqueued on {@code stream}. */
    public void fillAsync(byte value, CudaStream stream) {
        if (bytes() > 0) {
            check(cuMemsetD8Async(pointer, value, bytes(), stream.handle()), "cuMemsetD8Async", name);
        }
    }

    /** Enqueues a device-to-device copy of all of {@code source} (same size) into this buffer on {@code stream}. */
    public void copyFromAsync(DeviceBuffer source, CudaStream stream) {
        if (source.bytes() != bytes()) {
            throw new IllegalArgumentException(
                    "cannot copy " + source + " (" + source.bytes() + " B) into " + this + " (" + bytes() + " B)");
        }
        if (bytes() > 0) {
            check(cuMemcpyDtoDAsync(pointer, source.pointer, bytes(), stream.handle()), "cuMemcpyDtoDAsync", name);
        }
    }

    /** Sets every byte to zero. */
    public void zero() {
        fill((byte) 0);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (bytes() > 0) {
                check(cuMemFree(pointer), "cuMemFree", name);
            }
        }
    }

    @Override
    public String toString() {
        return BufferShapes.describe(name, dtype, shape);
    }

    private void copyIn(Pointer host, DType hostType, int length) {
        BufferShapes.checkHostArray(name, dtype, shape, hostType, length);
        if (bytes() > 0) {
            check(cuMemcpyHtoD(pointer, host, bytes()), "cuMemcpyHtoD", name, "bytes=" + bytes());
            // from pageable memory the call may return before the DMA lands, and kernels on
            // non-blocking streams do not wait for the legacy stream: finish it here
            check(cuCtxSynchronize(), "cuCtxSynchronize", "after uploading " + name);
        }
    }

    private void copyOut(Pointer host, DType hostType, int length) {
        BufferShapes.checkHostArray(name, dtype, shape, hostType, length);
        if (bytes() > 0) {
            // the copy runs on the legacy stream, which does not wait for non-blocking streams:
            // finish all work of the context first, so a download never reads a result in flight
            check(cuCtxSynchronize(), "cuCtxSynchronize", "before downloading " + name);
            check(cuMemcpyDtoH(host, pointer, bytes()), "cuMemcpyDtoH", name, "bytes=" + bytes());
        }
    }
}
