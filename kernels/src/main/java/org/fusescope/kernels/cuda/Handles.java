package org.fusescope.kernels.cuda;

import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;
import jcuda.driver.CUstream;

/**
 * JCuda handle classes that expose their native value. JCuda keeps it in a protected field; the
 * driver calls fill in these subclasses like the originals, and cuBLAS (JavaCPP) needs the raw
 * addresses.
 */
final class Handles {
    private Handles() {}

    /** A device pointer whose address can be read. */
    static final class DevicePointer extends CUdeviceptr {
        long address() {
            return getNativePointer() + getByteOffset();
        }
    }

    /** A stream whose {@code CUstream} value can be read. */
    static final class Stream extends CUstream {
        long address() {
            return getNativePointer();
        }
    }

    /** A function whose {@code CUfunction} value can be read (for cuLaunchKernelEx through JavaCPP). */
    static final class Function extends CUfunction {
        long address() {
            return getNativePointer();
        }
    }

    /** A JavaCPP pointer at a raw address (device memory or a driver handle), owning nothing. */
    static final class Address extends org.bytedeco.javacpp.Pointer {
        Address(long value) {
            address = value;
        }
    }
}
