package org.fusescope.runner.gpu;

import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.ops.DeviceArrays;
import org.fusescope.runner.step.StepSpec;

/**
 * The activations of a run, shared by its layers: {@code hidden} is each layer's input and, after
 * moe_sum_reduce (and the shared expert's add), its output, so layer l + 1 reads layer l's output
 * and step s + 1 reads step s's; {@code residual} is the residual stream. Needs the context current.
 */
final class BlockActivations implements AutoCloseable {
    final DeviceBuffer hidden;
    final DeviceBuffer residual;
    final DeviceBuffer y;
    final DeviceBuffer logits;
    /** The router output with the gate column (fusion router_gate): {@code [M, routerGateRows]} fp32. */
    final DeviceBuffer logitsGate;

    final DeviceBuffer gate;
    final DeviceBuffer gateSigmoid;
    final DeviceBuffer h1;
    final DeviceBuffer act;
    final DeviceBuffer h2;
    final DeviceBuffer sharedH1;
    final DeviceBuffer sharedAct;
    final DeviceBuffer sharedOut;
    final DeviceBuffer sharedGated;

    private final BufferGroup buffers = new BufferGroup();

    BlockActivations(StepSpec spec) {
        long m = spec.batch();
        long h = spec.config().hidden();
        long slots = spec.slots();
        long i = spec.config().inter();
        long si = spec.config().sharedInter();
        try {
            hidden = buffers.keep(DeviceArrays.bf16("hidden", spec.initialHidden(), m, h));
            residual = buffers.keep(DeviceArrays.bf16("residual", spec.initialResidual(), m, h));
            y = buffers.keep(DeviceArrays.out("y", DType.BF16, m, h));
            logits = buffers.keep(
                    DeviceArrays.out("logits", DType.F32, m, spec.config().experts()));
            logitsGate = buffers.keep(
                    DeviceArrays.out("logits+gate", DType.F32, m, DeviceWeights.routerGateRows(spec.config())));
            gate = buffers.keep(DeviceArrays.out("gate", DType.BF16, m, 1));
            gateSigmoid = buffers.keep(DeviceArrays.out("gate sigmoid", DType.BF16, m, 1));
            h1 = buffers.keep(DeviceArrays.out("h1", DType.BF16, slots, 2 * i));
            act = buffers.keep(DeviceArrays.out("act", DType.BF16, slots, i));
            h2 = buffers.keep(DeviceArrays.out("h2", DType.BF16, slots, h));
            sharedH1 = buffers.keep(DeviceArrays.out("shared h1", DType.BF16, m, 2 * si));
            sharedAct = buffers.keep(DeviceArrays.out("shared act", DType.BF16, m, si));
            sharedOut = buffers.keep(DeviceArrays.out("shared out", DType.BF16, m, h));
            sharedGated = buffers.keep(DeviceArrays.out("shared gated", DType.BF16, m, h));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        buffers.close();
    }
}
