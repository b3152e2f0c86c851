package org.fusescope.runner.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fusescope.kernels.cuda.CudaContext;
import org.fusescope.kernels.cuda.CudaStream;
import org.fusescope.kernels.cuda.Gpu;
import org.fusescope.kernels.ops.KernelLibrary;
import org.fusescope.kernels.ops.MoeAlignRace;
import org.fusescope.kernels.shape.ModelDims;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fusescope bench align-race}: how many launches of {@code moe_align_fused} and of its
 * barrier-less demonstration variant break the align invariants, on fresh random ids (Qwen3-Next with
 * the shared expert as expert E, K' = 11). Reports, asserts nothing: the race need not fire on a given
 * GPU. {@code MoeAlignStressTest} asserts that the fused kernel never breaks them.
 */
@Command(
        name = "align-race",
        mixinStandardHelpOptions = true,
        description = "Count the launches of moe_align_fused and of its barrier-less variant that lose counts or"
                + " slots (the race the barrier prevents).")
final class BenchAlignRaceCommand implements Callable<Integer> {
    @Option(names = "--tokens", split = ",", defaultValue = "64,257", description = "Batch sizes M.")
    List<Integer> tokens;

    @Option(
            names = "--runs",
            defaultValue = "5000",
            description = "Launches per kernel and M (default: ${DEFAULT-VALUE}).")
    int runs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ModelDims d = ModelDims.QWEN3_NEXT.withSharedAsExpert(true);
        Gpu.probe();
        PrintWriter out = spec.commandLine().getOut();
        try (CudaContext context = CudaContext.open(0);
                KernelLibrary library = KernelLibrary.open(context);
                CudaStream stream = CudaStream.create()) {
            for (int m : tokens) {
                for (boolean withoutBarrier : new boolean[] {false, true}) {
                    int bad = MoeAlignRace.brokenLaunches(library, stream, d, m, runs, 800 + m, withoutBarrier);
                    out.println(String.format(
                            Locale.ROOT,
                            "%s M=%d K'=%d: %d of %d launches lost counts or slots",
                            withoutBarrier ? "moe_align_fused_nobarrier" : "moe_align_fused",
                            m,
                            d.slotsPerToken(),
                            bad,
                            runs));
                    out.flush();
                }
            }
        }
        return 0;
    }
}
