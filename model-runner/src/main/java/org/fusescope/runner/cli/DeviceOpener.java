package org.fusescope.runner.cli;

import java.util.List;
import org.fusescope.profiler.cupti.Sink;
import org.fusescope.runner.gpu.CudaStepDevice;
import org.fusescope.runner.model.WeightSource;
import org.fusescope.runner.record.StepDevice;
import org.fusescope.runner.step.StepSpec;

/** How {@code fusescope run} gets its device: GPU 0 with CUPTI, or (in CPU tests) a labelled fake. */
@FunctionalInterface
public interface DeviceOpener {
    /** GPU 0 through CUDA and CUPTI. */
    DeviceOpener CUDA = CudaStepDevice::new;

    /** Opens the device, tracing into {@code sink}; {@code steps} as {@link CudaStepDevice} takes them. */
    StepDevice open(Sink sink, WeightSource weights, List<StepSpec> steps);
}
