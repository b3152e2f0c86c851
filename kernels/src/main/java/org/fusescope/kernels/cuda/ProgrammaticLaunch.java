package org.fusescope.kernels.cuda;

import static org.bytedeco.cuda.global.cudart.CU_LAUNCH_ATTRIBUTE_PROGRAMMATIC_STREAM_SERIALIZATION;
import static org.bytedeco.cuda.global.cudart.cuLaunchKernelEx;
import static org.fusescope.kernels.cuda.CudaCheck.check;

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
 * programmatic one. Arguments as {@link KernelLauncher}. The native launch structures are allocated once per
 * thread and reused (the driver copies the arguments before cuLaunchKernelEx returns): a JavaCPP allocation costs
 * about 1.6 µs, and a launch needed one per argument.
 */
final class ProgrammaticLaunch {
    /** The most arguments a kernel launched so takes. */
    static final int MAX_ARGS = 32;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private ProgrammaticLaunch() {}

    /** One thread's launch structures: the config with its attribute, and one 8-byte slot per argument. */
    private static final class Scratch {
        final CUlaunchAttribute attribute = new CUlaunchAttribute(1);
        final CUlaunchConfig config = new CUlaunchConfig();
        final LongPointer slots = new LongPointer(MAX_ARGS);
        final IntPointer ints = new IntPointer(slots);
        final FloatPointer floats = new FloatPointer(slots);
        final PointerPointer<Pointer> params = new PointerPointer<>(MAX_ARGS);

        Scratch() {
            attribute.id(CU_LAUNCH_ATTRIBUTE_PROGRAMMATIC_STREAM_SERIALIZATION);
            attribute.value().programmaticStreamSerializationAllowed(1);
            config.attrs(attribute).numAttrs(1);
            for (int i = 0; i < MAX_ARGS; i++) {
                params.put(i, slots.getPointer(i));
            }
        }

        /** Writes argument {@code index} into its slot (ints and floats in the slot's first 4 bytes). */
        void put(String kernel, int index, Object arg) {
            if (arg instanceof DeviceBuffer b) {
                slots.put(index, b.address());
            } else if (arg instanceof Integer v) {
                ints.put(2L * index, v);
            } else if (arg instanceof Long v) {
                slots.put(index, v);
            } else if (arg instanceof Float v) {
                floats.put(2L * index, v);
            } else {
                throw KernelLauncher.unsupported(kernel, index, arg);
            }
        }
    }

    static void launch(CudaFunction function, Dim grid, Dim block, int sharedBytes, CudaStream stream, Object... args) {
        if (args.length > MAX_ARGS) {
            throw new IllegalArgumentException(function.name() + ": " + args.length
                    + " kernel arguments; a programmatic launch takes at most " + MAX_ARGS);
        }
        Scratch s = SCRATCH.get();
        for (int i = 0; i < args.length; i++) {
            s.put(function.name(), i, args[i]);
        }
        s.config
                .gridDimX(grid.x())
                .gridDimY(grid.y())
                .gridDimZ(grid.z())
                .blockDimX(block.x())
                .blockDimY(block.y())
                .blockDimZ(block.z())
                .sharedMemBytes(sharedBytes)
                .hStream(new CUstream_st(new Handles.Address(stream.address())));
        check(
                cuLaunchKernelEx(s.config, new CUfunc_st(new Handles.Address(function.address())), s.params, null),
                "cuLaunchKernelEx (programmatic stream serialization)",
                function.name(),
                "grid=" + grid,
                "block=" + block,
                "sharedBytes=" + sharedBytes);
    }
}
