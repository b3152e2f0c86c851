package org.fusescope.kernels.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopkSoftmaxReferenceTest {
    @Test
    void topTwoWithATieTakeTheLowerIdFirst() {
        // logits [1, 3, 2, 3]: experts 1 and 3 tie at 3 -> ids [1, 3], renormalized weights 1/2 each
        TopkSoftmaxReference.Result r = TopkSoftmaxReference.apply(new float[] {1, 3, 2, 3}, 1, 4, 2, true);
        assertThat(r.ids()).containsExactly(1, 3);
        assertThat(r.weights()).containsExactly(0.5f, 0.5f);
    }

    @Test
    void renormalizedAndPlainWeightsByHand() {
        float[] logits = {1, 3, 2, 3};
        // top 3 = [1, 3, 2]; exp(l - 3) = 1, 1, e^-1; sum 2.3678794 -> 0.4223188, 0.4223188, 0.1553624
        TopkSoftmaxReference.Result r = TopkSoftmaxReference.apply(logits, 1, 4, 3, true);
        assertThat(r.ids()).containsExactly(1, 3, 2);
        assertThat(r.weights()[0]).isCloseTo(0.4223188f, within(1e-6f));
        assertThat(r.weights()[1]).isCloseTo(0.4223188f, within(1e-6f));
        assertThat(r.weights()[2]).isCloseTo(0.1553624f, within(1e-6f));
        // without renormalization: full softmax denominator e^-2 + 1 + e^-1 + 1 = 2.5032147
        TopkSoftmaxReference.Result p = TopkSoftmaxReference.apply(logits, 1, 4, 3, false);
        assertThat(p.weights()[0]).isCloseTo(0.3994863f, within(1e-6f));
        assertThat(p.weights()[2]).isCloseTo(0.1469637f, within(1e-6f));
    }

    @Test
    void allEqualLogitsPickTheLowestIds() {
        TopkSoftmaxReference.Result r = TopkSoftmaxReference.apply(new float[8], 1, 8, 4, true);
        assertThat(r.ids()).containsExactly(0, 1, 2, 3);
        assertThat(r.weights()).containsOnly(0.25f);
    }

    @Test
    void weightsSumToOneAndAreTheTopK() {
        Random random = new Random(11);
        int rows = 40;
        int experts = 16;
        int topk = 4;
        float[] logits = Bf16Assertions.randomBf16(random, rows * experts, 3);
        TopkSoftmaxReference.Result r = TopkSoftmaxReference.apply(logits, rows, experts, topk, true);
        for (int t = 0; t < rows; t++) {
            double sum = 0;
            Set<Integer> chosen = new HashSet<>();
            float minChosen = Float.POSITIVE_INFINITY;
            for (int k = 0; k < topk; k++) {
                int e = r.ids()[t * topk + k];
                sum += r.weights()[t * topk + k];
                assertThat(chosen.add(e))
                        .as("row %d: expert %d chosen twice", t, e)
                        .isTrue();
                minChosen = Math.min(minChosen, logits[t * experts + e]);
                if (k > 0) {
                    assertThat(r.weights()[t * topk + k]).isLessThanOrEqualTo(r.weights()[t * topk + k - 1]);
                }
            }
            assertThat(sum).as("row %d", t).isCloseTo(1.0, within(1e-6));
            for (int e = 0; e < experts; e++) {
                if (!chosen.contains(e)) {
                    assertThat(logits[t * experts + e])
                            .as("row %d expert %d", t, e)
                            .isLessThanOrEqualTo(minChosen);
                }
            }
        }
    }

    @Test
    void appendSharedExpertAddsSlotKWithTheSigmoidGate() {
        // ids [[1,2],[0,3]], gate [0, 2]: slot 2 = expert 16 with sigmoid(0) = 0.5, sigmoid(2) = 0.8807971
        AppendSharedExpertReference.Result r = AppendSharedExpertReference.apply(
                new int[] {1, 2, 0, 3}, new float[] {0.6f, 0.4f, 0.7f, 0.3f}, new float[] {0, 2}, 2, 2, 16);
        assertThat(r.ids()).containsExactly(1, 2, 16, 0, 3, 16);
        assertThat(r.weights()[2]).isEqualTo(0.5f);
        assertThat(r.weights()[5]).isCloseTo(0.8807971f, within(1e-7f));
        assertThat(r.weights()[3]).isEqualTo(0.7f);
    }
}
