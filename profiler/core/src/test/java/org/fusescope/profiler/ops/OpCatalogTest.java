package org.fusescope.profiler.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The op catalog: one entry per op, consistent names, and families that recordings can override. */
class OpCatalogTest {
    @ParameterizedTest
    @EnumSource(Op.class)
    void theCatalogsFamilyIsTheOneTheNameSuggests(Op op) {
        // the workbench drew these colours from the name before the catalog existed; they must not move
        assertThat(op.family()).isEqualTo(OpFamily.ofName(op.opName()));
    }

    @Test
    void anOpIsIdentifiedByItsNameAndFusionGroup() {
        Set<String> keys = Arrays.stream(Op.values())
                .map(op -> op.opName() + "/" + op.fusionGroup())
                .collect(Collectors.toSet());
        assertThat(keys).hasSize(Op.values().length);
    }

    @Test
    void sharedNamesAreTheSameKernelInTwoBlocks() {
        assertThat(Op.named("sigmoid", Block.MOE)).contains(Op.SHARED_GATE_SIGMOID);
        assertThat(Op.named("sigmoid", Block.ATTENTION)).contains(Op.ATTENTION_GATE_SIGMOID);
        assertThat(Op.named("sigmoid", Block.LINEAR_ATTENTION)).isEmpty();
        assertThat(Op.SHARED_GATE_SIGMOID.family()).isEqualTo(Op.ATTENTION_GATE_SIGMOID.family());
    }

    @Test
    void fusedOpsShareTheirGroupWithTheUnfusedOpsTheyReplace() {
        for (Op fused : Op.values()) {
            if (fused.fused()) {
                assertThat(Arrays.stream(Op.values())
                                .filter(op -> !op.fused() && op.fusionGroup().equals(fused.fusionGroup())))
                        .as("unfused ops of %s's group %s", fused, fused.fusionGroup())
                        .isNotEmpty();
            }
        }
    }

    @Test
    void aRecordedFamilyWinsOverTheCatalogAndTheCatalogOverTheGuess() {
        assertThat(OpFamily.forName("grouped_gemm1", Map.of())).isEqualTo(OpFamily.GEMM);
        assertThat(OpFamily.forName("grouped_gemm1", Map.of(Op.familyKey("grouped_gemm1"), "shared")))
                .isEqualTo(OpFamily.SHARED);
        assertThat(OpFamily.forName("grouped_gemm1", Map.of(Op.familyKey("grouped_gemm1"), "no-such-family")))
                .isEqualTo(OpFamily.GEMM);
        assertThat(OpFamily.forName("my_new_op", Map.of(Op.familyKey("my_new_op"), "attention")))
                .isEqualTo(OpFamily.ATTENTION);
        assertThat(OpFamily.forName("nvjet_tst_64x8", Map.of())).isEqualTo(OpFamily.GEMM);
        assertThat(Op.familyKey("topk_softmax")).isEqualTo("fusescope.op.topk_softmax.family");
    }
}
