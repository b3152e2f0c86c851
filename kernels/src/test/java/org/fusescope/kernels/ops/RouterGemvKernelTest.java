package org.fusescope.kernels.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fusescope.kernels.ops.Compare.assertCloseF32;
import static org.fusescope.kernels.ops.TestTensors.poisoned;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.fusescope.kernels.cuda.Bf16;
import org.fusescope.kernels.cuda.Blas;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.reference.RouterGemvReference;
import org.fusescope.kernels.shape.ModelDims;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * router_gemv against its reference and against the cuBLAS GEMM it replaces, on the router_gate
 * layout (router rows, the gate row, zero padding rows) and on a row count that leaves the last block
 * part empty; token counts around its 8-token groups.
 */
class RouterGemvKernelTest extends GpuFixture {
    static List<Arguments> sizes() {
        List<Arguments> out = new ArrayList<>();
        for (ModelDims d : new ModelDims[] {ModelDims.QWEN3_NEXT, ModelDims.QWEN35, ModelDims.TINY}) {
            for (int m : new int[] {1, 3, 4, 8, 9, 16, 64}) {
                out.add(Arguments.of(d, m));
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void routerWithTheGateRowAsTheReferenceAndCublas(ModelDims d, int m) {
        int rows = TopkSoftmaxKernel.routerGateRows(d);
        int h = d.hidden();
        SplittableRandom random = new SplittableRandom(900 + m);
        short[] w = RandomFill.bf16(random, (long) rows * h, 0.05);
        for (int i = (d.experts() + 1) * h; i < w.length; i++) {
            w[i] = 0; // router_gate's padding rows
        }
        try (TestTensors x = TestTensors.bf16("x", random, 1, m, h);
                DeviceBuffer dw = DeviceArrays.bf16("w", w, rows, h);
                DeviceBuffer out = poisoned("logits+gate", DType.F32, m, rows);
                DeviceBuffer cublasOut = poisoned("cuBLAS logits+gate", DType.F32, m, rows);
                Blas blas = Blas.create()) {
            inputsReady();
            new RouterGemvKernel(lib, d).launch(stream, x.device(), dw, out, m);
            blas.linear(stream, x.device(), dw, cublasOut);
            float[] got = Compare.f32(out);
            float[] ref = RouterGemvReference.apply(x.host(), Bf16.toFloats(w), m, rows, h);
            assertCloseF32("router_gemv " + d + " M=" + m, got, ref, rows);
            assertCloseF32("router_gemv vs cuBLAS " + d + " M=" + m, got, Compare.f32(cublasOut), rows);
            for (int t = 0; t < m; t++) {
                for (int n = d.experts() + 1; n < rows; n++) {
                    assertThat(got[t * rows + n])
                            .as("padding column %d of token %d", n, t)
                            .isZero();
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void aRowCountThatLeavesTheLastBlockPartEmpty(ModelDims d, int m) {
        int rows = 13;
        int h = d.hidden();
        SplittableRandom random = new SplittableRandom(950 + m);
        try (TestTensors x = TestTensors.bf16("x", random, 2, m, h);
                TestTensors w = TestTensors.bf16("w", random, 0.1, rows, h);
                DeviceBuffer out = poisoned("out", DType.F32, m, rows)) {
            inputsReady();
            new RouterGemvKernel(lib, d).launch(stream, x.device(), w.device(), out, m);
            float[] ref = RouterGemvReference.apply(x.host(), w.host(), m, rows, h);
            assertCloseF32("router_gemv 13 rows " + d + " M=" + m, Compare.f32(out), ref, rows);
        }
    }
}
