package org.fusescope.runner.gpu;

import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.ops.DeviceArrays;
import org.fusescope.kernels.ops.TopkSoftmaxKernel;
import org.fusescope.runner.model.ModelConfig;
import org.fusescope.runner.model.MoeWeights;

/**
 * One layer's MoE weights in device memory (bf16), in the layout the kernels read: the expert tables
 * with the shared expert appended as expert E when {@code sharedAsExpert} is on. Needs the context
 * current; not thread-safe.
 */
final class DeviceWeights implements AutoCloseable {
    final DeviceBuffer norm;
    final DeviceBuffer router;
    final DeviceBuffer w13;
    final DeviceBuffer w2;
    final DeviceBuffer sharedW13;
    final DeviceBuffer sharedW2;
    final DeviceBuffer sharedGate;
    /** With the shared expert as expert E: the router rows, the gate row, zero rows up to {@link #routerGateRows}. */
    final DeviceBuffer routerGate;

    private final BufferGroup buffers = new BufferGroup();

    /** Uploads {@code w}; closes what it allocated when an upload fails. */
    DeviceWeights(MoeWeights w, boolean sharedAsExpert) {
        long h = w.config().hidden();
        long e = w.config().experts() + (sharedAsExpert ? 1 : 0);
        long i = w.config().inter();
        long si = w.config().sharedInter();
        String layer = "layer " + w.layer() + " ";
        try {
            norm = buffers.keep(DeviceArrays.bf16(layer + "norm", w.norm(), h));
            router = buffers.keep(
                    DeviceArrays.bf16(layer + "router", w.router(), w.config().experts(), h));
            w13 = buffers.keep(DeviceArrays.bf16(layer + "w13", w.w13Table(sharedAsExpert), e, 2 * i, h));
            w2 = buffers.keep(DeviceArrays.bf16(layer + "w2", w.w2Table(sharedAsExpert), e, h, i));
            sharedW13 = buffers.keep(DeviceArrays.bf16(layer + "shared w13", w.sharedW13(), 2 * si, h));
            sharedW2 = buffers.keep(DeviceArrays.bf16(layer + "shared w2", w.sharedW2(), h, si));
            sharedGate = buffers.keep(DeviceArrays.bf16(layer + "shared gate", w.sharedGate(), 1, h));
            routerGate = sharedAsExpert
                    ? buffers.keep(
                            DeviceArrays.bf16(layer + "router+gate", routerWithGate(w), routerGateRows(w.config()), h))
                    : null;
        } catch (RuntimeException ex) {
            close();
            throw ex;
        }
    }

    /** Rows of the router table with the gate row appended (fusion router_gate). */
    static int routerGateRows(ModelConfig c) {
        return TopkSoftmaxKernel.routerGateRows(c.dims(true));
    }

    private static short[] routerWithGate(MoeWeights w) {
        int h = w.config().hidden();
        int e = w.config().experts();
        short[] table = new short[routerGateRows(w.config()) * h];
        System.arraycopy(w.router(), 0, table, 0, e * h);
        System.arraycopy(w.sharedGate(), 0, table, e * h, h);
        return table;
    }

    /** Device bytes the weights of one layer take. */
    static long bytes(ModelConfig c, boolean sharedAsExpert) {
        long h = c.hidden();
        long e = c.experts() + (sharedAsExpert ? 1 : 0);
        long experts = e * 3L * c.inter() * h;
        long shared = 3L * c.sharedInter() * h;
        long routerGate = sharedAsExpert ? (long) routerGateRows(c) * h : 0;
        return 2 * (experts + shared + (long) c.experts() * h + 2 * h + routerGate);
    }

    @Override
    public void close() {
        buffers.close();
    }
}
