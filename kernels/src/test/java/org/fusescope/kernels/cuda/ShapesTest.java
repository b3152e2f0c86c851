package org.fusescope.kernels.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Buffer and GEMM shape checks, without allocating. */
class ShapesTest {

    @Test
    void elementCounts() {
        assertThat(BufferShapes.elementCount("x", new long[] {3, 256})).isEqualTo(768);
        assertThat(BufferShapes.elementCount("x", new long[] {0, 16})).isZero();
        assertThat(DType.BF16.bytes()).isEqualTo(2);
        assertThat(DType.F32.bytes()).isEqualTo(4);
        assertThat(DType.I32.bytes()).isEqualTo(4);
        assertThatThrownBy(() -> BufferShapes.elementCount("x", new long[0])).hasMessageContaining("x: a shape");
        assertThatThrownBy(() -> BufferShapes.elementCount("x", new long[] {4, -1}))
                .hasMessage("x: negative dimension in shape [4, -1]");
        assertThatThrownBy(() -> BufferShapes.elementCount("x", new long[] {1L << 40, 1L << 30}))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> BufferShapes.elementCount("x", new long[] {1L << 61}))
                .hasMessageContaining("too large");
    }

    @Test
    void hostArrayMustMatchTypeAndLength() {
        long[] shape = {3, 256};
        assertThatCode(() -> BufferShapes.checkHostArray("x", DType.BF16, shape, DType.BF16, 768))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> BufferShapes.checkHostArray("x", DType.BF16, shape, DType.BF16, 767))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("buffer 'x' BF16 [3, 256] holds 768 elements but the host short[] has 767");
        assertThatThrownBy(() -> BufferShapes.checkHostArray("x", DType.BF16, shape, DType.F32, 768))
                .hasMessage("buffer 'x' BF16 [3, 256] is copied with a short[], not a float[]"
                        + " (convert with Bf16.fromFloats)");
        assertThatThrownBy(() -> BufferShapes.checkHostArray("ids", DType.I32, new long[] {4}, DType.F32, 4))
                .hasMessage("buffer 'ids' I32 [4] is copied with a int[], not a float[]");
    }

    @Test
    void asyncCopiesNeedADirectBufferOfTheRightSize() {
        assertThatThrownBy(() -> BufferShapes.checkDirect("x", 8, ByteBuffer.allocate(8)))
                .hasMessageContaining("direct");
        assertThatThrownBy(() -> BufferShapes.checkDirect("x", 8, ByteBuffer.allocateDirect(4)))
                .hasMessage("x: 8 bytes on the device but 4 remaining in the ByteBuffer");
        assertThatCode(() -> BufferShapes.checkDirect("x", 8, ByteBuffer.allocateDirect(8)))
                .doesNotThrowAnyException();
    }

    @Test
    void linearShapes() {
        GemmShape s = GemmShape.linear(
                new long[] {3, 256}, DType.BF16, new long[] {512, 256}, DType.BF16, new long[] {3, 512}, DType.F32);
        assertThat(s).isEqualTo(new GemmShape(3, 512, 256));
        assertThatThrownBy(() -> GemmShape.linear(
                        new long[] {3, 256},
                        DType.BF16,
                        new long[] {512, 128},
                        DType.BF16,
                        new long[] {3, 512},
                        DType.BF16))
                .hasMessage("linear needs x [M,K], w [N,K], y [M,N]; got x [3, 256], w [512, 128], y [3, 512]");
        assertThatThrownBy(() -> GemmShape.linear(
                        new long[] {3, 256},
                        DType.F32,
                        new long[] {512, 256},
                        DType.BF16,
                        new long[] {3, 512},
                        DType.BF16))
                .hasMessageContaining("bf16 x and w");
        assertThatThrownBy(() -> GemmShape.linear(
                        new long[] {256},
                        DType.BF16,
                        new long[] {512, 256},
                        DType.BF16,
                        new long[] {3, 512},
                        DType.BF16))
                .hasMessageContaining("rank-2");
    }

    @Test
    void bandwidthOfAnH100() {
        DeviceProperties h100 = new DeviceProperties(
                "NVIDIA H100 80GB HBM3", 132, 9, 0, 80L << 30, 50L << 20, 1_980_000, 2_619_000, 5120);
        assertThat(h100.smArchitecture()).isEqualTo(90);
        assertThat(h100.theoreticalBandwidthBytesPerSecond()).isEqualTo(2.0 * 2.619e9 * 640);
    }
}
