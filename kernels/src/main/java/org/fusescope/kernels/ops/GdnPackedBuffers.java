package org.fusescope.kernels.ops;

import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.shape.Args;
import org.fusescope.kernels.shape.LinearAttentionDims;

/**
 * The contiguous bf16 inputs of the gated delta rule that {@code gdn_split} and {@code conv_pack_gdn}
 * write, one row per token. Closing it closes all six buffers. Needs the context current; not
 * thread-safe.
 *
 * @param q {@code [tokens, Hk·Dk]}
 * @param k {@code [tokens, Hk·Dk]}
 * @param v {@code [tokens, Hv·Dv]}
 * @param z {@code [tokens, Hv·Dv]} the output gate
 * @param b {@code [tokens, Hv]} beta input
 * @param a {@code [tokens, Hv]} decay input
 */
public record GdnPackedBuffers(
        DeviceBuffer q, DeviceBuffer k, DeviceBuffer v, DeviceBuffer z, DeviceBuffer b, DeviceBuffer a)
        implements AutoCloseable {

    /** Allocates the six buffers (uninitialized) for {@code tokens} tokens, names prefixed by {@code prefix}. */
    public static GdnPackedBuffers allocate(String prefix, LinearAttentionDims d, int tokens) {
        Args.positive("tokens", tokens);
        long qk = (long) d.keyHeads() * d.keyDim();
        long vd = (long) d.valueHeads() * d.valueDim();
        DeviceBuffer[] made = new DeviceBuffer[6];
        String[] names = {"q", "k", "v", "z", "b", "a"};
        long[] widths = {qk, qk, vd, vd, d.valueHeads(), d.valueHeads()};
        try {
            for (int i = 0; i < made.length; i++) {
                made[i] = DeviceBuffer.allocate(prefix + names[i], DType.BF16, tokens, widths[i]);
            }
        } catch (RuntimeException e) {
            for (DeviceBuffer b : made) {
                if (b != null) {
                    b.close();
                }
            }
            throw e;
        }
        return new GdnPackedBuffers(made[0], made[1], made[2], made[3], made[4], made[5]);
    }

    /** Checks every buffer's type and shape for {@code tokens} tokens of layer {@code d}. */
    void check(LinearAttentionDims d, int tokens) {
        long qk = (long) d.keyHeads() * d.keyDim();
        long vd = (long) d.valueHeads() * d.valueDim();
        Args.buffer("q", q, DType.BF16, tokens, qk);
        Args.buffer("k", k, DType.BF16, tokens, qk);
        Args.buffer("v", v, DType.BF16, tokens, vd);
        Args.buffer("z", z, DType.BF16, tokens, vd);
        Args.buffer("b", b, DType.BF16, tokens, d.valueHeads());
        Args.buffer("a", a, DType.BF16, tokens, d.valueHeads());
    }

    @Override
    public void close() {
        for (DeviceBuffer buffer : new DeviceBuffer[] {q, k, v, z, b, a}) {
            buffer.close();
        }
    }
}
