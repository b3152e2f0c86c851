package org.fusescope.kernels.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.reference.MoeAlignReference;
import org.fusescope.kernels.shape.ModelDims;

/** The inputs and (poisoned) outputs of an align launch, with the host-side check of the tables. */
final class AlignBuffers implements AutoCloseable {
    final int[] ids;
    final float[] weights;
    final DeviceBuffer dIds;
    final DeviceBuffer dWeights;
    final DeviceBuffer count;
    final DeviceBuffer expertToTokens;
    final DeviceBuffer expertToWeights;
    final int slots;

    /** A uniform random routing of {@code tokens} for {@code d}; outputs poisoned. */
    AlignBuffers(ModelDims d, int tokens, SplittableRandom random) {
        Routing r = Routing.uniform(random, d, tokens);
        ids = r.ids();
        weights = r.weights();
        slots = ids.length;
        int kp = d.slotsPerToken();
        int e = d.tableExperts();
        dIds = DeviceArrays.i32("ids", ids, tokens, kp);
        dWeights = DeviceArrays.f32("weights", weights, tokens, kp);
        count = TestTensors.poisoned("count", DType.I32, e);
        expertToTokens = TestTensors.poisoned("expertToTokens", DType.I32, e, slots);
        expertToWeights = TestTensors.poisoned("expertToWeights", DType.F32, e, slots);
    }

    /** Downloads the tables and checks them as sets per expert against the routing. */
    void assertTables(String what) {
        int[] counts = Compare.i32(count);
        Compare.assertSameInts(
                what + " counts",
                MoeAlignReference.apply(ids, weights, counts.length).counts(),
                counts);
        MoeAlignReference.Result got =
                MoeAlignReference.fromTables(counts, Compare.i32(expertToTokens), Compare.f32(expertToWeights), slots);
        assertThat(got.problems(ids, weights)).as(what).isEmpty();
    }

    @Override
    public void close() {
        dIds.close();
        dWeights.close();
        count.close();
        expertToTokens.close();
        expertToWeights.close();
    }
}
