package org.fusescope.kernels.cuda;

import static org.bytedeco.cuda.global.cudart.CU_LAUNCH_ATTRIBUTE_PROGRAMMATIC_STREAM_SERIALIZATION;
import static org.bytedeco.cuda.global.cudart.cuLaunchKernelEx;
import static org.fusescope.kernels.cuda.CudaCheck.check;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.cuda.cudart.CUfunc_st;
import org.bytedeco.cuda.cudart.CUlaunchAttribute;
import org.bytedeco.cuda.cudart.CUlaunchConfig;
import org.bytedeco.cuda.cudart.CUstream_st;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * A kernel launch with programmatic dependent launch ({@code cuLaunchKernelEx} with {@code
 * CU_LAUNCH_ATTRIBUTE_PROGRAMMATIC_STREAM_SERIALIZATION}, through JavaCPP: JCuda has no cuLaunchKernelEx). The kernel
 * may start before the previous kernel on the stream has finished; in a stream capture the edge becomes a
 * programmatic one. Arguments as {@link KernelLauncher}. Stateless.
 */
final class ProgrammaticLaunch {
    private ProgrammaticLaunch() {}

    static void launch(CudaFunction function, Dim grid, Dim block, int sharedBytes, CudaStream stream, Object... args) {
        List<Pointer> values = new ArrayList<>();
        try (CUlaunchAttribute attribute = new CUlaunchAttribute(1);
                CUlaunchConfig config = new CUlaunchConfig();
                PointerPointer<Pointer> params = new PointerPointer<>(Math.max(1, args.length))) {
            attribute.id(CU_LAUNCH_ATTRIBUTE_PROGRAMMATIC_STREAM_SERIALIZATION);
            attribute.value().programmaticStreamSerializationAllowed(1);
            config.gridDimX(grid.x())
                    .gridDimY(grid.y())
                    .gridDimZ(grid.z())
                    .blockDimX(block.x())
                    .blockDimY(block.y())
                    .blockDimZ(block.z())
                    .sharedMemBytes(sharedBytes)
                    .hStream(new CUstream_st(new Handles.Address(stream.address())))
                    .attrs(attribute)
                    .numAttrs(1);
            for (int i = 0; i < args.length; i++) {
                Pointer value = value(function.name(), i, args[i]);
                values.add(value);
                params.put(i, value);
            }
            check(
                    cuLaunchKernelEx(config, new CUfunc_st(new Handles.Address(function.address())), params, null),
                    "cuLaunchKernelEx (programmatic stream serialization)",
                    function.name(),
                    "grid=" + grid,
                    "block=" + block,
                    "sharedBytes=" + sharedBytes);
        } finally {
            values.forEach(Pointer::close);
        }
    }

    /** A native copy of one kernel argument, whose address goes into the parameter array. */
    private static Pointer value(String kernel, int index, Object arg) {
        if (arg instanceof DeviceBuffer b) {
            return new LongPointer(1).put(b.address());
        } else if (arg instanceof Integer v) {
            return new IntPointer(1).put(v);
        } else if (arg instanceof Long v) {
            return new LongPointer(1).put(v);
        } else if (arg instanceof Float v) {
            return new FloatPointer(1).put(v);
        }
        throw KernelLauncher.unsupported(kernel, index, arg);
    }
}
