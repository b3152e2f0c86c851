package org.fusescope.runner.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.fusescope.profiler.ops.Fusion;
import org.fusescope.profiler.ops.LayerType;
import org.fusescope.profiler.ops.Op;
import org.fusescope.runner.model.ModelConfig;
import org.fusescope.runner.model.RoutingScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecoderStepPlanTest {
    private static final ModelConfig NEXT = ModelConfig.preset("qwen3-next-80b-a3b");
    private static final DecodeContext CONTEXT = DecodeContext.of(4096);

    private static List<LayerPlan> plan(String variant, int layers) {
        return plan(variant, layers, 64);
    }

    private static List<LayerPlan> plan(String variant, int layers, int batch) {
        return DecoderStepPlan.of(NEXT, Fusion.parseVariant(variant), batch, layers, CONTEXT);
    }

    @Test
    void oneLayerIsAGatedDeltaNetLayerAndItsMoeBlock() {
        List<LayerPlan> one = plan("unfused", 1);
        assertThat(one).hasSize(1);
        LayerPlan layer = one.get(0);
        assertThat(layer.rangeName()).isEqualTo("layer 0 (linear attention)");
        assertThat(layer.blocks())
                .extracting(BlockPlan::name)
                .containsExactly(DecoderStepPlan.LINEAR_ATTENTION_BLOCK, DecoderStepPlan.MOE_BLOCK);
        assertThat(layer.blocks().get(0).launches()).isEqualTo(LinearAttentionPlan.launches(Set.of()));
        assertThat(layer.blocks().get(1).launches()).isEqualTo(MoeBlockPlan.launches(Set.of()));
    }

    @Test
    void fourLayersAreThreeGatedDeltaNetLayersAndOneAttentionLayer() {
        assertThat(plan("fused", 4))
                .extracting(LayerPlan::rangeName)
                .containsExactly(
                        "layer 0 (linear attention)",
                        "layer 1 (linear attention)",
                        "layer 2 (linear attention)",
                        "layer 3 (attention)");
        LayerPlan attention = plan("fused", 4).get(3);
        assertThat(attention.type()).isEqualTo(LayerType.FULL_ATTENTION);
        assertThat(attention.blocks().get(0).name()).isEqualTo(DecoderStepPlan.ATTENTION_BLOCK);
        assertThat(attention.blocks().get(0).launches())
                .isEqualTo(AttentionPlan.launches(Fusion.parseVariant("fused"), CONTEXT));
    }

    @Test
    void fortyEightLayersFollowTheModelsPattern() {
        List<LayerPlan> all = plan("unfused", 48);
        assertThat(all).hasSize(48);
        for (LayerPlan layer : all) {
            boolean attention = (layer.layer() + 1) % 4 == 0;
            assertThat(layer.type())
                    .as("layer %d", layer.layer())
                    .isEqualTo(attention ? LayerType.FULL_ATTENTION : LayerType.LINEAR_ATTENTION);
            assertThat(layer.rangeName())
                    .isEqualTo("layer " + layer.layer() + (attention ? " (attention)" : " (linear attention)"));
        }
        assertThat(all).filteredOn(l -> l.type() == LayerType.FULL_ATTENTION).hasSize(12);
        int expected = 36 * LinearAttentionPlan.launches(Set.of()).size()
                + 12 * AttentionPlan.launches(Set.of(), CONTEXT).size()
                + 48 * MoeBlockPlan.launches(Set.of()).size();
        assertThat(DecoderStepPlan.launchCount(all)).isEqualTo(expected);
    }

    @Test
    void layerTypesOfTheConfigDecideThePattern() {
        ModelConfig custom = ModelConfig.fromJson(ModelConfig.preset("tiny")
                .toJson()
                .replace("\"linear_attention\",\"linear_attention\"", "\"full_attention\",\"linear_attention\""));
        assertThat(DecoderStepPlan.of(custom, Set.of(), 64, 4, CONTEXT))
                .extracting(LayerPlan::type)
                .containsExactly(
                        LayerType.FULL_ATTENTION,
                        LayerType.LINEAR_ATTENTION,
                        LayerType.LINEAR_ATTENTION,
                        LayerType.FULL_ATTENTION);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 48})
    void fusedLaunchesFewerKernelsAtEveryDepth(int layers) {
        int batch = 4; // where the small-batch switches (gemm1_silu, gemm2_sum) apply too
        int unfused = DecoderStepPlan.launchCount(plan("unfused", layers, batch));
        int fused = DecoderStepPlan.launchCount(plan("fused", layers, batch));
        assertThat(fused).isLessThan(unfused);
        for (Fusion f : Fusion.values()) {
            if (f.launchMode()) {
                assertThat(DecoderStepPlan.launchCount(plan("fused-" + f.switchName(), layers, batch)))
                        .isEqualTo(fused);
                continue; // how the launches are made, not which
            }
            boolean attentionOnly = f == Fusion.QKVO_GEMM || f == Fusion.SIGMOID_MUL;
            if (attentionOnly && layers < 4) {
                assertThat(DecoderStepPlan.launchCount(plan(f.switchName(), layers, batch)))
                        .isEqualTo(unfused);
                continue; // no attention layer before layer 3
            }
            String variant = f == Fusion.ROUTER_GATE
                    ? "shared_as_expert+router_gate"
                    : f.kernelChoice() ? "fused+" + f.switchName() : f.switchName();
            assertThat(DecoderStepPlan.launchCount(plan(variant, layers, batch)))
                    .as("%s at %d layers", variant, layers)
                    .isLessThan(unfused);
        }
    }

    @Test
    void addRmsNormJoinsEveryBlockBoundaryIncludingTheLayerBoundary() {
        List<LayerPlan> fused = plan("add_rmsnorm", 4);
        for (LayerPlan layer : fused) {
            for (BlockPlan block : layer.blocks()) {
                assertThat(block.launches().get(0).opName())
                        .as("%s %s", layer.rangeName(), block.name())
                        .isEqualTo("fused_add_rmsnorm");
            }
        }
        List<LayerPlan> unfused = plan("unfused", 4);
        assertThat(DecoderStepPlan.launchCount(unfused) - DecoderStepPlan.launchCount(fused))
                .isEqualTo(2 * 4);
    }

    @Test
    void stepSpecCarriesItsContextIntoThePlan() {
        StepSpec spec = new StepSpec(
                NEXT,
                Fusion.parseVariant("fused"),
                8,
                4,
                RoutingScenario.parse("uniform"),
                1,
                new DecodeContext(8192, 8));
        assertThat(DecoderStepPlan.of(spec).get(3).launches())
                .extracting(Op::opName)
                .contains("decode_attention_combine");
        assertThat(DecoderStepPlan.of(spec).get(2).launches())
                .extracting(Op::opName)
                .doesNotContain("decode_attention");
    }

    @Test
    void badLayerCountsAreNamed() {
        assertThatThrownBy(() -> plan("fused", 49)).hasMessageContaining("layers must be in 1..48");
        assertThatThrownBy(() -> plan("fused", 0)).hasMessageContaining("layers must be in 1..48");
    }
}
