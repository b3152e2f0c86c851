package org.fusescope.runner.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.fusescope.kernels.cuda.Gpu;
import org.fusescope.profiler.model.NumericCheck;
import org.fusescope.profiler.ops.Fusion;
import org.fusescope.runner.model.ModelConfig;
import org.fusescope.runner.model.RoutingScenario;
import org.fusescope.runner.model.WeightSource;
import org.fusescope.runner.step.StepSpec;
import org.fusescope.runner.step.TopkRenormalize;
import org.fusescope.runner.verify.BlockVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GPU: {@code --verify}'s own routing against both variants' top-k kernels as the runner launches
 * them, with {@code norm_topk_prob} on (the presets) and off (the non-renormalized path of
 * topk_softmax and topk_softmax_shared), and with the renormalization flipped at the launch ({@link
 * TopkRenormalize#FLIP_PROPERTY}), which must fail. Skipped only where no GPU is.
 */
class VerifyRoutingGpuTest {
    @AfterEach
    void clearSwitch() {
        System.clearProperty(TopkRenormalize.FLIP_PROPERTY);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void bothVariantsPassWithTheConfigsRenormalization(boolean normTopkProb) {
        assumeTrue(Gpu.isAvailable(), () -> "no GPU: " + Gpu.unavailableReason());
        List<NumericCheck> checks = verify(config(normTopkProb));
        assertThat(checks).extracting(NumericCheck::name).anyMatch(n -> n.startsWith("routing_weights fused"));
        assertThat(checks).allSatisfy(c -> assertThat(c.passed())
                .as("%s: %s of %s", c.name(), c.relNorm(), c.tolerance())
                .isTrue());
    }

    /**
     * At M = 4 fused runs its small-batch kernels (router_gemv, grouped_gemm1_silu, grouped_gemm2_sum, launched
     * programmatically) beside topk_softmax_shared_wide and the shared-memory align counts: the same checks
     * pass, named after fused.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void theSmallBatchKernelsPassTheSameChecks(boolean normTopkProb) {
        assumeTrue(Gpu.isAvailable(), () -> "no GPU: " + Gpu.unavailableReason());
        List<NumericCheck> checks = verify(config(normTopkProb), 4);
        assertThat(checks)
                .extracting(NumericCheck::name)
                .contains(
                        "router_logits fused vs cpu on its y (4 tokens)",
                        "routing_weights fused vs cpu (4 of 4 tokens)",
                        "moe_out fused vs unfused");
        assertThat(checks).allSatisfy(c -> assertThat(c.passed())
                .as("%s: %s of %s", c.name(), c.relNorm(), c.tolerance())
                .isTrue());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aFlippedRenormalizationFailsTheRoutingWeightsOfBothVariants(boolean normTopkProb) {
        assumeTrue(Gpu.isAvailable(), () -> "no GPU: " + Gpu.unavailableReason());
        System.setProperty(TopkRenormalize.FLIP_PROPERTY, "true");
        List<NumericCheck> checks = verify(config(normTopkProb));
        assertThat(checks)
                .filteredOn(c -> !c.passed())
                .extracting(NumericCheck::name)
                .contains(
                        "routing_weights unfused vs cpu (16 of 20 tokens)",
                        "routing_weights fused vs cpu (16 of 20 tokens)");
    }

    private static List<NumericCheck> verify(ModelConfig config) {
        return verify(config, 20);
    }

    private static List<NumericCheck> verify(ModelConfig config, int batch) {
        WeightSource weights = WeightSource.synthetic(config, 5);
        StepSpec spec =
                new StepSpec(config, Fusion.parseVariant("fused"), batch, 1, RoutingScenario.parse("router"), 5);
        try (CudaStepDevice device = new CudaStepDevice(b -> {}, weights, List.of(spec))) {
            return BlockVerifier.verify(device, weights.layer(0), spec);
        }
    }

    private static ModelConfig config(boolean normTopkProb) {
        ModelConfig t = ModelConfig.preset("tiny");
        return new ModelConfig(
                "tiny",
                t.hidden(),
                t.layers(),
                t.experts(),
                t.topK(),
                t.inter(),
                t.sharedInter(),
                normTopkProb,
                t.rmsNormEps(),
                t.fullAttentionInterval(),
                t.attention(),
                t.linear());
    }
}
