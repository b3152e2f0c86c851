package org.fusescope.kernels.ops;

import java.util.SplittableRandom;
import org.fusescope.kernels.cuda.Bf16;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.shape.AttentionDims;

/**
 * Random q (with gate), k and v projection rows on the device in one of the layouts the attention
 * kernels read, and the same values on the host in the references' contiguous layout ({@code qGate
 * [rows, Hq, 2·D]}, {@code k} and {@code v} {@code [rows, Hkv·D]}).
 */
final class ProjectionRows implements AutoCloseable {
    /** Where q, k and v live. */
    enum Layout {
        /** Three buffers, one per projection. */
        SEPARATE,
        /** One {@code qkvo_gemm} row {@code [Hq·2D | Hkv·D | Hkv·D]}. */
        FUSED,
        /** The fused row with 8 leading and 8 trailing columns of something else (offsets not 0). */
        FUSED_PADDED
    }

    final ColumnSlice q;
    final ColumnSlice k;
    final ColumnSlice v;
    final float[] qGate;
    final float[] kHost;
    final float[] vHost;
    private final DeviceBuffer[] owned;

    private ProjectionRows(DeviceBuffer[] owned, ColumnSlice[] slices, float[][] host) {
        this.owned = owned;
        this.q = slices[0];
        this.k = slices[1];
        this.v = slices[2];
        this.qGate = host[0];
        this.kHost = host[1];
        this.vHost = host[2];
    }

    /** Uniform ±{@code scale} bf16 values (pad columns included) in {@code layout}. */
    static ProjectionRows random(SplittableRandom random, AttentionDims d, int rows, Layout layout, double scale) {
        int qw = 2 * d.queryHeads() * d.headDim();
        int kvw = d.kvHeads() * d.headDim();
        int[] widths = {qw, kvw, kvw};
        float[][] host = new float[3][];
        if (layout == Layout.SEPARATE) {
            DeviceBuffer[] owned = new DeviceBuffer[3];
            ColumnSlice[] slices = new ColumnSlice[3];
            String[] names = {"qProj", "kProj", "vProj"};
            for (int i = 0; i < 3; i++) {
                short[] bits = RandomFill.bf16(random, (long) rows * widths[i], scale);
                host[i] = Bf16.toFloats(bits);
                owned[i] = DeviceArrays.bf16(names[i], bits, rows, widths[i]);
                slices[i] = ColumnSlice.of(owned[i]);
            }
            return new ProjectionRows(owned, slices, host);
        }
        int pad = layout == Layout.FUSED_PADDED ? 8 : 0;
        int stride = pad + qw + 2 * kvw + pad;
        short[] bits = RandomFill.bf16(random, (long) rows * stride, scale);
        DeviceBuffer row = DeviceArrays.bf16("qkvRow", bits, rows, stride);
        int[] offsets = {pad, pad + qw, pad + qw + kvw};
        ColumnSlice[] slices = new ColumnSlice[3];
        for (int i = 0; i < 3; i++) {
            slices[i] = new ColumnSlice(row, offsets[i]);
            host[i] = new float[rows * widths[i]];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < widths[i]; c++) {
                    host[i][r * widths[i] + c] = Bf16.toFloat(bits[r * stride + offsets[i] + c]);
                }
            }
        }
        return new ProjectionRows(new DeviceBuffer[] {row}, slices, host);
    }

    @Override
    public void close() {
        for (DeviceBuffer b : owned) {
            b.close();
        }
    }
}
