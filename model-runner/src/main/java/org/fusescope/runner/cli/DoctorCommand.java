package org.fusescope.runner.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.fusescope.kernels.cuda.Blas;
import org.fusescope.kernels.cuda.CudaContext;
import org.fusescope.kernels.cuda.DeviceProperties;
import org.fusescope.kernels.cuda.Gpu;
import org.fusescope.kernels.cuda.NvrtcCompiler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code fusescope doctor}: whether this machine can record runs, and what is missing if not. */
@Command(
        name = "doctor",
        mixinStandardHelpOptions = true,
        description = "Check the GPU, its driver and the CUDA 13 libraries (NVRTC, cuBLAS) that recording needs.")
final class DoctorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        step(out, "driver");
        if (!Gpu.isAvailable()) {
            out.println("GPU: not usable: " + Gpu.unavailableReason());
            return 1;
        }
        out.println("GPU: " + Gpu.probe() + " device(s), driver CUDA " + Gpu.driverVersion());
        step(out, "context");
        try (CudaContext context = CudaContext.open(0)) {
            DeviceProperties p = context.properties();
            out.printf(
                    "device 0: %s, sm_%d, %d SMs, %.1f GiB, theoretical %.0f GB/s%n",
                    p.name(),
                    p.smArchitecture(),
                    p.multiprocessorCount(),
                    p.totalMemoryBytes() / (double) (1L << 30),
                    p.theoreticalBandwidthBytesPerSecond() / 1e9);
            step(out, "nvrtc");
            out.println("NVRTC: "
                    + (NvrtcCompiler.isAvailable()
                            ? NvrtcCompiler.create().version()
                            : "not usable: " + NvrtcCompiler.unavailableReason()));
            step(out, "cublas");
            try (Blas blas = Blas.create()) {
                out.println("cuBLAS: ready");
            }
        }
        return 0;
    }

    private static void step(PrintWriter out, String what) {
        out.println("-- " + what);
        out.flush();
    }
}
