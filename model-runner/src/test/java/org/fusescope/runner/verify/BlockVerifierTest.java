package org.fusescope.runner.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fusescope.kernels.cuda.Bf16;
import org.fusescope.profiler.model.DeviceInfo;
import org.fusescope.profiler.model.NumericCheck;
import org.fusescope.profiler.ops.Fusion;
import org.fusescope.profiler.ops.Op;
import org.fusescope.runner.model.ModelConfig;
import org.fusescope.runner.model.MoeWeights;
import org.fusescope.runner.model.RoutingScenario;
import org.fusescope.runner.model.TopkRouting;
import org.fusescope.runner.model.WeightSource;
import org.fusescope.runner.record.BlockOutputs;
import org.fusescope.runner.record.LayerTables;
import org.fusescope.runner.record.StepDevice;
import org.fusescope.runner.record.Tracer;
import org.fusescope.runner.step.StepSpec;
import org.fusescope.runner.step.TopkRenormalize;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link BlockVerifier} routes on its own: a routing-weight bug in the runner (the renormalization
 * flipped at the top-k launch, {@link TopkRenormalize#FLIP_PROPERTY}) fails verification, on a
 * labelled fake device that computes the block with the chain of the kernels' references.
 */
class BlockVerifierTest {
    private static final ModelConfig TINY = ModelConfig.preset("tiny");

    @AfterEach
    void clearSwitch() {
        System.clearProperty(TopkRenormalize.FLIP_PROPERTY);
    }

    @Test
    void theChainPassesEveryCheckWithAndWithoutNormTopkProb() {
        for (ModelConfig config : List.of(TINY, withoutNormTopkProb())) {
            List<NumericCheck> checks =
                    BlockVerifier.verify(new ChainDevice(config), weights(config), spec(config, 20));
            assertThat(checks).as(config.name()).allSatisfy(c -> assertThat(c.passed())
                    .as("%s: %s of %s", c.name(), c.relNorm(), c.tolerance())
                    .isTrue());
            assertThat(checks)
                    .extracting(NumericCheck::name)
                    .contains(
                            "routing_ids unfused vs cpu (16 of 20 tokens)",
                            "routing_ids fused vs cpu (16 of 20 tokens)",
                            "routing_weights unfused vs cpu (16 of 20 tokens)",
                            "routing_weights fused vs cpu (16 of 20 tokens)",
                            "router_logits fused vs cpu on its y (16 tokens)",
                            "moe_out fused vs cpu (16 of 20 tokens)");
            assertThat(checks)
                    .filteredOn(c -> c.name().startsWith("routing_weights"))
                    .allSatisfy(c -> assertThat(c.tolerance()).isEqualTo(1e-4));
        }
    }

    @Test
    void aFlippedRenormalizationAtTheTopkLaunchFailsTheRoutingWeightsOfBothVariants() {
        for (ModelConfig config : List.of(TINY, withoutNormTopkProb())) {
            System.setProperty(TopkRenormalize.FLIP_PROPERTY, "true");
            List<NumericCheck> checks = BlockVerifier.verify(new ChainDevice(config), weights(config), spec(config, 8));
            System.clearProperty(TopkRenormalize.FLIP_PROPERTY);

            assertThat(checks)
                    .as(config.name() + ", norm_topk_prob " + config.normTopkProb())
                    .filteredOn(c -> !c.passed() && !c.name().contains(", worst token "))
                    .extracting(NumericCheck::name)
                    .contains(
                            "routing_weights unfused vs cpu (8 of 8 tokens)",
                            "routing_weights fused vs cpu (8 of 8 tokens)",
                            "moe_out unfused vs cpu (8 of 8 tokens)")
                    .noneMatch(n -> n.startsWith("routing_ids") || n.startsWith("router_logits"));
        }
    }

    @Test
    void aWrongExpertFailsTheRoutingIdsAndNamesTheToken() {
        ChainDevice device = new ChainDevice(TINY);
        device.wrongExpertAt = 5;
        List<NumericCheck> checks = BlockVerifier.verify(device, weights(TINY), spec(TINY, 8));
        assertThat(checks)
                .filteredOn(c -> c.name().startsWith("routing_ids"))
                .extracting(NumericCheck::name, NumericCheck::passed)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "routing_ids unfused vs cpu (8 of 8 tokens), first wrong token 5", false),
                        org.assertj.core.groups.Tuple.tuple(
                                "routing_ids fused vs cpu (8 of 8 tokens), first wrong token 5", false));
    }

    @Test
    void switchesAlreadyInFusedAddNothingToTheFusedSide() {
        ChainDevice device = new ChainDevice(TINY);
        List<NumericCheck> checks = BlockVerifier.verify(
                device,
                weights(TINY),
                spec(TINY, 4),
                java.util.EnumSet.of(Fusion.TOPK_WIDE, Fusion.ROUTER_GEMV, Fusion.MOE_ALIGN_FUSED));
        // every kernel choice is in fused now (router_gemv runs at M <= 4 by the plan): nothing is opt-in
        assertThat(device.switches.get(1))
                .isEqualTo(Fusion.parseVariant("fused"))
                .contains(Fusion.TOPK_WIDE, Fusion.ROUTER_GEMV, Fusion.ALIGN_SHARED_COUNTS);
        assertThat(checks).allSatisfy(c -> assertThat(c.passed()).as(c.name()).isTrue());
        assertThat(checks)
                .extracting(NumericCheck::name)
                .contains("router_logits fused vs cpu on its y (4 tokens)", "moe_out fused vs unfused")
                .noneMatch(name -> name.contains("router_gemv") || name.contains("topk_wide"));
    }

    @Test
    void aRoutingScenarioIsCheckedAgainstTheScenario() {
        StepSpec spec = new StepSpec(TINY, Fusion.parseVariant("fused"), 6, 1, RoutingScenario.parse("zipf:1.2"), 3);
        assertThat(BlockVerifier.verify(new ChainDevice(TINY), weights(TINY), spec))
                .allSatisfy(c -> assertThat(c.passed()).as(c.name()).isTrue());
        ChainDevice flipped = new ChainDevice(TINY);
        flipped.wrongExpertAt = 2;
        assertThat(BlockVerifier.verify(flipped, weights(TINY), spec))
                .filteredOn(c -> !c.passed())
                .extracting(NumericCheck::name)
                .contains("routing_ids unfused vs cpu (6 of 6 tokens), first wrong token 2");
    }

    private static ModelConfig withoutNormTopkProb() {
        ModelConfig t = TINY;
        return new ModelConfig(
                "tiny-no-norm-topk",
                t.hidden(),
                t.layers(),
                t.experts(),
                t.topK(),
                t.inter(),
                t.sharedInter(),
                false,
                t.rmsNormEps(),
                t.fullAttentionInterval(),
                t.attention(),
                t.linear());
    }

    private static MoeWeights weights(ModelConfig config) {
        return WeightSource.synthetic(config, 3).layer(0);
    }

    private static StepSpec spec(ModelConfig config, int batch) {
        return new StepSpec(config, Fusion.parseVariant("fused"), batch, 1, RoutingScenario.parse("router"), 3);
    }

    /**
     * FAKE (CPU test only): a device whose {@link #runLayerOnce} computes layer 0's MoE block with the
     * chain of the kernels' references ({@link KernelChain}), not with {@link BlockReference}, routed
     * with the renormalization the runner launches the top-k kernels with ({@link
     * TopkRenormalize#atLaunch}, as the GPU block does) or by the step's routing scenario. Its fused
     * variant differs from the unfused one only in the routing it reports (the shared expert appended
     * as expert E with weight sigmoid(gate)). {@link #wrongExpertAt} swaps that token's last routed
     * expert for the expert it did not pick with the lowest logit. It runs nothing else.
     */
    private static final class ChainDevice implements StepDevice {
        private final ModelConfig config;
        int wrongExpertAt = -1;
        final List<String> asked = new ArrayList<>();
        final List<java.util.Set<Fusion>> switches = new ArrayList<>();

        ChainDevice(ModelConfig config) {
            this.config = config;
        }

        @Override
        public BlockOutputs runLayerOnce(StepSpec spec) {
            boolean shared = spec.sharedAsExpert();
            asked.add(shared ? "fused" : "unfused");
            switches.add(spec.switches());
            int m = spec.batch();
            int e = config.experts();
            int k = config.topK();
            Optional<TopkRouting> scenario = spec.routing().route(m, e, k, spec.seed(), 0);
            MoeWeights w = weights(config);
            KernelChain.Stages c = KernelChain.run(
                    w,
                    spec.initialHidden(),
                    spec.initialResidual(),
                    m,
                    TopkRenormalize.atLaunch(config),
                    scenario.map(TopkRouting::ids).orElse(null),
                    scenario.map(TopkRouting::weights).orElse(null));
            int[] ids = c.ids().clone();
            if (wrongExpertAt >= 0) {
                int worst = -1;
                for (int x = 0; x < e; x++) {
                    boolean picked = false;
                    for (int j = 0; j < k; j++) {
                        picked |= ids[wrongExpertAt * k + j] == x;
                    }
                    if (!picked
                            && (worst < 0
                                    || c.logits()[wrongExpertAt * e + x] < c.logits()[wrongExpertAt * e + worst])) {
                        worst = x;
                    }
                }
                ids[wrongExpertAt * k + k - 1] = worst;
            }
            int[] sharedIds = null;
            float[] sharedWeights = null;
            float[] gate = shared ? c.gate() : Bf16.toFloats(Bf16.fromFloats(c.gate()));
            if (shared) {
                sharedIds = new int[m];
                sharedWeights = new float[m];
                for (int t = 0; t < m; t++) {
                    sharedIds[t] = e;
                    sharedWeights[t] = (float) (1 / (1 + Math.exp(-gate[t])));
                }
            }
            return new BlockOutputs(
                    Bf16.fromFloats(c.out()),
                    Bf16.fromFloats(c.residual()),
                    Bf16.fromFloats(c.y()),
                    c.logits(),
                    ids,
                    c.weights(),
                    gate,
                    sharedIds,
                    sharedWeights,
                    c.counts());
        }

        @Override
        public DeviceInfo device() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Tracer tracer() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void prepare(StepSpec spec) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void launch(Op launch, int layer) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void capture(Runnable launches) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void replay() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void beginTiming() {
            throw new UnsupportedOperationException();
        }

        @Override
        public double endTiming() {
            throw new UnsupportedOperationException();
        }

        @Override
        public LayerTables tables(int layer) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void release() {}

        @Override
        public void close() {}
    }
}
