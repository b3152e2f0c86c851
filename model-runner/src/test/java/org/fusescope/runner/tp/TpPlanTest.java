package org.fusescope.runner.tp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.fusescope.runner.model.ModelConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TpPlanTest {
    private static final ModelConfig QWEN3_NEXT = ModelConfig.preset("qwen3-next-80b-a3b");

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 8, 16})
    void everySplitTensorIsCoveredExactlyOnceByTheRanksAndReplicatedOnesWhole(int ranks) {
        TpPlan plan = new TpPlan(QWEN3_NEXT, ranks);
        List<ShardedTensor> all = Stream.of(plan.attentionTensors(), plan.linearAttentionTensors(), plan.moeTensors())
                .flatMap(List::stream)
                .toList();
        for (ShardedTensor t : all) {
            long whole = t.shape().stream().mapToLong(Integer::longValue).reduce(1, Math::multiplyExact);
            boolean kv = t.name().startsWith("self_attn.k_proj") || t.name().startsWith("self_attn.v_proj");
            long copies = t.split() == ShardedTensor.Split.REPLICATED ? ranks : kv ? plan.kvHeadReplicas() : 1;
            assertThat(t.shardElements() * ranks).as(t.toString()).isEqualTo(whole * copies);
        }
    }

    @Test
    void qwen3NextAtTp4SplitsHeadsAndExpertIntermediateAndReplicatesRouterNormsAndSharedGate() {
        TpPlan plan = new TpPlan(QWEN3_NEXT, 4);
        int h = QWEN3_NEXT.hidden();
        assertThat(plan.queryHeadsPerRank()).isEqualTo(QWEN3_NEXT.attention().queryHeads() / 4);
        assertThat(plan.kvHeadsPerRank()).isEqualTo(1);
        assertThat(plan.kvHeadReplicas()).isEqualTo(4 / QWEN3_NEXT.attention().kvHeads());
        assertThat(plan.keyHeadsPerRank()).isEqualTo(QWEN3_NEXT.linear().keyHeads() / 4);
        assertThat(plan.valueHeadsPerRank()).isEqualTo(QWEN3_NEXT.linear().valueHeads() / 4);
        assertThat(plan.interPerRank()).isEqualTo(QWEN3_NEXT.inter() / 4);
        assertThat(tensor(plan.attentionTensors(), "self_attn.o_proj.weight").shardShape())
                .containsExactly(h, QWEN3_NEXT.attention().queryWidth() / 4);
        assertThat(tensor(plan.linearAttentionTensors(), "linear_attn.out_proj.weight")
                        .split())
                .isEqualTo(ShardedTensor.Split.ROW_PARALLEL);
        assertThat(tensor(plan.moeTensors(), "mlp.experts.gate_up_proj").shardShape())
                .containsExactly(QWEN3_NEXT.experts(), 2 * QWEN3_NEXT.inter() / 4, h);
        assertThat(tensor(plan.moeTensors(), "mlp.experts.down_proj").split())
                .isEqualTo(ShardedTensor.Split.ROW_PARALLEL);
        for (String replicated :
                List.of("mlp.gate.weight", "mlp.shared_expert_gate.weight", "post_attention_layernorm.weight")) {
            assertThat(tensor(plan.moeTensors(), replicated).split()).isEqualTo(ShardedTensor.Split.REPLICATED);
        }
    }

    @Test
    void sizesThatDoNotSplitAreRefusedInOneLineNamingTheSize() {
        assertOneLine(() -> new TpPlan(QWEN3_NEXT, 0), "at least 1, not 0");
        assertOneLine(() -> new TpPlan(QWEN3_NEXT, -2), "at least 1, not -2");
        assertOneLine(() -> new TpPlan(QWEN3_NEXT, 3), "does not divide the attention query heads (16)");
        assertOneLine(() -> new TpPlan(QWEN3_NEXT, 32), "does not divide the attention query heads (16)");
        assertOneLine(() -> new TpPlan(ModelConfig.preset("tiny"), 4), "gated-delta-net key heads (2)");
        ModelConfig oddInter = withInter(QWEN3_NEXT, 510);
        assertOneLine(() -> new TpPlan(oddInter, 4), "expert intermediate size (moe_intermediate_size) (510)");
    }

    private static ModelConfig withInter(ModelConfig c, int inter) {
        return new ModelConfig(
                c.name(),
                c.hidden(),
                c.layers(),
                c.experts(),
                c.topK(),
                inter,
                c.sharedInter(),
                c.normTopkProb(),
                c.rmsNormEps(),
                c.fullAttentionInterval(),
                c.attention(),
                c.linear());
    }

    private static void assertOneLine(Runnable r, String text) {
        assertThatThrownBy(r::run)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private static ShardedTensor tensor(List<ShardedTensor> tensors, String name) {
        return tensors.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
}
