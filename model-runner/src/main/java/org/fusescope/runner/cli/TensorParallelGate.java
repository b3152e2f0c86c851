package org.fusescope.runner.cli;

import org.fusescope.kernels.cuda.Gpu;
import org.fusescope.kernels.cuda.GpuUnavailableException;
import org.fusescope.runner.model.ModelConfig;
import org.fusescope.runner.tp.TpPlan;

/**
 * What {@code run --tp N} may do before any work: N = 1 is the one-GPU run; for N > 1 the model must
 * split N ways ({@link TpPlan}) and then the run stops, because the multi-GPU run with NCCL is not
 * built yet (the sharding and the reductions are verified on the CPU). The one line says how many
 * GPUs are needed and how many are visible. Stateless.
 */
final class TensorParallelGate {
    private TensorParallelGate() {}

    /**
     * Returns for {@code ranks == 1}.
     *
     * @throws IllegalArgumentException when the model does not split {@code ranks} ways
     * @throws IllegalStateException for {@code ranks > 1}, in one line
     */
    static void check(ModelConfig config, int ranks) {
        new TpPlan(config, ranks);
        if (ranks == 1) {
            return;
        }
        String need = "--tp " + ranks + " needs " + ranks + " GPUs of one host";
        int visible;
        try {
            visible = Gpu.probe();
        } catch (GpuUnavailableException e) {
            throw new IllegalStateException(
                    need + "; 0 visible here (missing: " + Gpu.missing().what() + "; fusescope doctor says more)");
        }
        if (visible < ranks) {
            throw new IllegalStateException(need + "; " + visible + " visible");
        }
        throw new IllegalStateException(need + "; " + visible + " are visible, but the multi-GPU run is not built"
                + " yet (the sharding and the reductions are verified on the CPU only)");
    }
}
