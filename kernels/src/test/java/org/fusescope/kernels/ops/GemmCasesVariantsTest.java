package org.fusescope.kernels.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The grouped-GEMM variants bench kernels times, and which of them owns the weights (CPU only). */
class GemmCasesVariantsTest {
    @Test
    void withThePipelinedKernelSixVariantsAndTheLastOwnsTheWeights() {
        List<String> added = variants(true);
        assertThat(added).containsExactly("CUDA cores", "1", "16", "auto", "1 pipelined", "auto pipelined owner");
    }

    @Test
    void withoutItTheFourOthersAndTheEightRowAutoOneOwns() {
        assertThat(variants(false)).containsExactly("CUDA cores", "1", "16", "auto owner");
    }

    private static List<String> variants(boolean pipelinedFits) {
        List<String> added = new ArrayList<>();
        GemmCases.variants(
                pipelinedFits,
                (minSlots, pipelined, owner) -> added.add((minSlots == TensorCorePolicy.CUDA_CORES_ONLY
                                ? "CUDA cores"
                                : minSlots == TensorCorePolicy.AUTO ? "auto" : String.valueOf(minSlots))
                        + (pipelined ? " pipelined" : "")
                        + (owner ? " owner" : "")));
        return added;
    }
}
