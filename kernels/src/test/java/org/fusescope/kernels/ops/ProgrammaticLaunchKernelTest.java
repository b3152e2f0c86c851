package org.fusescope.kernels.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fusescope.kernels.ops.TestTensors.poisoned;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.shape.ModelDims;
import org.junit.jupiter.api.Test;

/**
 * Programmatic dependent launch (switch pdl, {@code cuLaunchKernelEx} through JavaCPP): a chain in which each
 * kernel reads what the one before it wrote — fused_add_rmsnorm writes y and the residual, router_gemv reads y —
 * gives the same bits launched programmatically as launched normally. y is one buffer that every round
 * overwrites, so a router_gemv that did not wait (fs_pdl_wait) for its round's norm would read the round
 * before's, and a norm that wrote before router_gemv of the round before had read y would change that one.
 */
class ProgrammaticLaunchKernelTest extends GpuFixture {
    private static final int ROUNDS = 40;

    @Test
    void aProgrammaticChainGivesTheBitsOfANormalOne() {
        ModelDims d = ModelDims.QWEN3_NEXT;
        int m = 4;
        int h = d.hidden();
        int rows = TopkSoftmaxKernel.routerGateRows(d);
        SplittableRandom random = new SplittableRandom(4242);
        List<DeviceBuffer> owned = new ArrayList<>();
        try {
            List<DeviceBuffer> inputs = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                inputs.add(keep(owned, DeviceArrays.bf16("x" + i, RandomFill.bf16(random, (long) m * h, 1.0), m, h)));
            }
            DeviceBuffer norm = keep(owned, DeviceArrays.bf16("norm", RandomFill.bf16(random, h, 0.1), h));
            DeviceBuffer w =
                    keep(owned, DeviceArrays.bf16("w", RandomFill.bf16(random, (long) rows * h, 0.05), rows, h));
            short[] residual0 = RandomFill.bf16(random, (long) m * h, 1.0);
            inputsReady();
            List<float[]> normal = chain(d, inputs, norm, w, residual0, false, owned);
            List<float[]> programmatic = chain(d, inputs, norm, w, residual0, true, owned);
            for (int i = 0; i < ROUNDS; i++) {
                assertThat(programmatic.get(i)).as("round %d: router logits", i).containsExactly(normal.get(i));
            }
            assertThat(normal.get(0)).as("rounds differ").isNotEqualTo(normal.get(1));
        } finally {
            owned.forEach(DeviceBuffer::close);
        }
    }

    private List<float[]> chain(
            ModelDims d,
            List<DeviceBuffer> inputs,
            DeviceBuffer norm,
            DeviceBuffer w,
            short[] residual0,
            boolean programmatic,
            List<DeviceBuffer> owned) {
        int m = 4;
        int rows = Math.toIntExact(w.shape()[0]);
        FusedAddRmsNormKernel addNorm = new FusedAddRmsNormKernel(lib, d);
        RouterGemvKernel router = new RouterGemvKernel(lib, d);
        DeviceBuffer residual = keep(owned, DeviceArrays.bf16("residual", residual0, m, d.hidden()));
        DeviceBuffer y = keep(owned, poisoned("y", DType.BF16, m, d.hidden()));
        List<DeviceBuffer> outs = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            outs.add(keep(owned, poisoned("logits" + i, DType.F32, m, rows)));
        }
        stream.synchronize();
        stream.programmaticLaunches(programmatic);
        try {
            for (int i = 0; i < inputs.size(); i++) {
                addNorm.launch(stream, inputs.get(i), norm, residual, y, m, EPS);
                router.launch(stream, y, w, outs.get(i), m);
            }
        } finally {
            stream.programmaticLaunches(false);
        }
        stream.synchronize();
        return outs.stream().map(Compare::f32).toList();
    }

    private static DeviceBuffer keep(List<DeviceBuffer> owned, DeviceBuffer b) {
        owned.add(b);
        return b;
    }
}
