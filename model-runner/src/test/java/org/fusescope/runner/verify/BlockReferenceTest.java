package org.fusescope.runner.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.fusescope.kernels.ops.RandomFill;
import org.fusescope.kernels.reference.RowErrors;
import org.fusescope.kernels.reference.TopkSoftmaxReference;
import org.fusescope.runner.model.ModelConfig;
import org.fusescope.runner.model.MoeWeights;
import org.fusescope.runner.model.SyntheticWeights;
import org.junit.jupiter.api.Test;

/** The token-by-token block reference against the chain of the kernels' own references. */
class BlockReferenceTest {
    private static final ModelConfig TINY = ModelConfig.preset("tiny");
    private static final int M = 6;

    @Test
    void equalsTheUnfusedChainOfKernelReferences() {
        int h = TINY.hidden();
        int k = TINY.topK();
        MoeWeights w = SyntheticWeights.generate(TINY, 0, 11);
        SplittableRandom random = new SplittableRandom(5);
        short[] hidden = RandomFill.bf16(random, (long) M * h, 1.0);
        short[] residual = RandomFill.bf16(random, (long) M * h, 1.0);
        float[] eps = {(float) TINY.rmsNormEps()};

        KernelChain.Stages chain = KernelChain.run(w, hidden, residual, M, true, null, null);
        float[] r = chain.residual();
        float[] logits = chain.logits();
        TopkSoftmaxReference.Result routing = TopkSoftmaxReference.apply(logits, M, TINY.experts(), k, true);

        BlockReference.Result block = BlockReference.compute(w, hidden, residual, M, TINY.rmsNormEps(), true);

        assertThat(block.routing().ids()).as("its own routing's ids").containsExactly(routing.ids());
        assertThat(RowErrors.of(block.routing().weights(), routing.weights(), k).worst())
                .as("its own routing's weights")
                .isLessThan(1e-6);

        assertThat(block.residual()).containsExactly(r);
        assertThat(RowErrors.of(block.out(), chain.out(), h).worst())
                .as("block vs chain")
                .isLessThan(5e-3);
        assertThat(RowErrors.of(block.logits(), logits, TINY.experts()).worst()).isLessThan(1e-5);
        assertThat(chain.out()).as("not trivially zero").isNotEqualTo(new float[chain.out().length]);
    }
}
