package org.fusescope.kernels.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MoeAlignReferenceTest {
    @Test
    void countsAndListsByHand() {
        // slots 0..3 go to experts 2, 0, 2, 1
        int[] ids = {2, 0, 2, 1};
        float[] w = {0.1f, 0.2f, 0.3f, 0.4f};
        MoeAlignReference.Result r = MoeAlignReference.apply(ids, w, 3);
        assertThat(r.counts()).containsExactly(1, 1, 2);
        assertThat(r.slots()[0]).containsExactly(1);
        assertThat(r.slots()[1]).containsExactly(3);
        assertThat(r.slots()[2]).containsExactlyInAnyOrder(0, 2);
        assertThat(r.weights()[2]).containsExactlyInAnyOrder(0.1f, 0.3f);
        assertThat(r.problems(ids, w)).isEmpty();
    }

    @Test
    void everySlotExactlyOnceAndCountsAddUp() {
        Random random = new Random(3);
        int tokens = 33;
        int experts = 16;
        int topk = 4;
        TopkSoftmaxReference.Result routing = TopkSoftmaxReference.apply(
                Bf16Assertions.randomBf16(random, tokens * experts, 2), tokens, experts, topk, true);
        MoeAlignReference.Result r = MoeAlignReference.apply(routing.ids(), routing.weights(), experts);
        assertThat(Arrays.stream(r.counts()).sum()).isEqualTo(tokens * topk);
        assertThat(r.problems(routing.ids(), routing.weights())).isEmpty();
    }

    @Test
    void tablesInAtomicOrderAreAcceptedAsSets() {
        int[] ids = {1, 1, 0, 1};
        float[] w = {0.5f, 0.25f, 1f, 0.125f};
        int numSlots = 4;
        // expert 1 listed its slots in the order 3, 0, 1 (what racing atomics may produce)
        int[] e2t = {2, 0, 0, 0, 3, 0, 1, 0};
        float[] e2w = {1f, 0, 0, 0, 0.125f, 0.5f, 0.25f, 0};
        MoeAlignReference.Result r = MoeAlignReference.fromTables(new int[] {1, 3}, e2t, e2w, numSlots);
        assertThat(r.problems(ids, w)).isEmpty();
    }

    @Test
    void aLostCountIsReportedAsTheBarrierRaceWould() {
        // the race of moe_align_fused_nobarrier: expert 1's count was zeroed after one increment, so
        // its count is 2 instead of 3 and the last increment overwrote position 0
        int[] ids = {1, 1, 0, 1};
        float[] w = {0.5f, 0.25f, 1f, 0.125f};
        int[] e2t = {2, 0, 0, 0, 3, 1, 0, 0};
        float[] e2w = {1f, 0, 0, 0, 0.125f, 0.25f, 0, 0};
        MoeAlignReference.Result r = MoeAlignReference.fromTables(new int[] {1, 2}, e2t, e2w, 4);
        assertThat(r.problems(ids, w))
                .contains("sum of expert counts is 3, expected tokens*K' = 4")
                .contains("slot 0 appears 0 times in the expert tables, expected once");
    }

    @Test
    void aSlotUnderTheWrongExpertIsReported() {
        int[] ids = {0, 1};
        float[] w = {1f, 1f};
        MoeAlignReference.Result r =
                MoeAlignReference.fromTables(new int[] {2, 0}, new int[] {0, 1, 0, 0}, new float[] {1, 1, 0, 0}, 2);
        assertThat(r.problems(ids, w)).containsExactly("slot 1 is routed to expert 1 but listed under 0");
    }
}
