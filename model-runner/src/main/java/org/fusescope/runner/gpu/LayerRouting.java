package org.fusescope.runner.gpu;

import java.util.Optional;
import org.fusescope.kernels.cuda.DType;
import org.fusescope.kernels.cuda.DeviceBuffer;
import org.fusescope.kernels.ops.DeviceArrays;
import org.fusescope.kernels.shape.ModelDims;
import org.fusescope.runner.model.TopkRouting;
import org.fusescope.runner.step.StepSpec;

/**
 * One layer's routing buffers, kept per layer so that every layer's expert tables can be copied back
 * after the step: topk_softmax's ids and weights, the scenario's (uploaded once, read instead of the
 * router's when a scenario routes), the appended ones (shared expert as expert E) and the align
 * tables. Needs the context current.
 */
final class LayerRouting implements AutoCloseable {
    final DeviceBuffer ids;
    final DeviceBuffer weights;
    /** The ids and weights the block routes by: the scenario's when one routes, else topk_softmax's. */
    final DeviceBuffer routeIds;

    final DeviceBuffer routeWeights;
    final DeviceBuffer appendedIds;
    final DeviceBuffer appendedWeights;
    final DeviceBuffer count;
    final DeviceBuffer expertToTokens;
    final DeviceBuffer expertToWeights;
    private final BufferGroup buffers = new BufferGroup();

    LayerRouting(StepSpec spec, int layer) {
        ModelDims d = spec.dims();
        long m = spec.batch();
        long slots = spec.slots();
        String name = "layer " + layer + " ";
        try {
            ids = buffers.keep(DeviceArrays.out(name + "ids", DType.I32, m, d.topK()));
            weights = buffers.keep(DeviceArrays.out(name + "weights", DType.F32, m, d.topK()));
            Optional<TopkRouting> scenario =
                    spec.routing().route(spec.batch(), d.experts(), d.topK(), spec.seed(), layer);
            if (scenario.isPresent()) {
                routeIds = buffers.keep(
                        DeviceArrays.i32(name + "scenario ids", scenario.get().ids(), m, d.topK()));
                routeWeights = buffers.keep(DeviceArrays.f32(
                        name + "scenario weights", scenario.get().weights(), m, d.topK()));
            } else {
                routeIds = ids;
                routeWeights = weights;
            }
            appendedIds = buffers.keep(DeviceArrays.out(name + "ids+shared", DType.I32, m, d.topK() + 1L));
            appendedWeights = buffers.keep(DeviceArrays.out(name + "weights+shared", DType.F32, m, d.topK() + 1L));
            count = buffers.keep(DeviceArrays.out(name + "expert_token_num", DType.I32, d.tableExperts()));
            expertToTokens =
                    buffers.keep(DeviceArrays.out(name + "expert_to_tokens", DType.I32, d.tableExperts(), slots));
            expertToWeights =
                    buffers.keep(DeviceArrays.out(name + "expert_to_weights", DType.F32, d.tableExperts(), slots));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The ids moe_align reads: appended ones with the shared expert as expert E, else the routing's. */
    DeviceBuffer alignIds(boolean sharedAsExpert) {
        return sharedAsExpert ? appendedIds : routeIds;
    }

    DeviceBuffer alignWeights(boolean sharedAsExpert) {
        return sharedAsExpert ? appendedWeights : routeWeights;
    }

    @Override
    public void close() {
        buffers.close();
    }
}
