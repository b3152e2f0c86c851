package org.fusescope.runner.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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
     * The opt-in router_gemv's logits face the same checks, beside fused's own topk_softmax_shared_wide
     * routing and shared-memory align counts; topk_wide and align_shared_counts, already in fused, add
     * nothing to the checks' variant name.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void theOptInRouterKernelsPassTheSameChecks(boolean normTopkProb) {
        assumeTrue(Gpu.isAvailable(), () -> "no GPU: " + Gpu.unavailableReason());
        List<NumericCheck> checks = verify(
                config(normTopkProb), EnumSet.of(Fusion.ROUTER_GEMV, Fusion.TOPK_WIDE, Fusion.ALIGN_SHARED_COUNTS));
        assertThat(checks)
                .extracting(NumericCheck::name)
                .contains(
                        "router_logits fused+router_gemv vs cpu on its y (16 tokens)",
                        "routing_weights fused+router_gemv vs cpu (16 of 20 tokens)");
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
        return verify(config, Set.of());
    }

    private static List<NumericCheck> verify(ModelConfig config, Set<Fusion> optIn) {
        WeightSource weights = WeightSource.synthetic(config, 5);
        StepSpec spec = new StepSpec(config, Fusion.parseVariant("fused"), 20, 1, RoutingScenario.parse("router"), 5);
        try (CudaStepDevice device = new CudaStepDevice(batch -> {}, weights, List.of(spec))) {
            return BlockVerifier.verify(device, weights.layer(0), spec, optIn);
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
