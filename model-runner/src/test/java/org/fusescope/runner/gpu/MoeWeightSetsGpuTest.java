package org.fusescope.runner.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Set;
import org.fusescope.kernels.cuda.Gpu;
import org.fusescope.runner.model.ModelConfig;
import org.fusescope.runner.model.RoutingScenario;
import org.fusescope.runner.model.WeightSource;
import org.fusescope.runner.step.Fusion;
import org.fusescope.runner.step.StepSpec;
import org.junit.jupiter.api.Test;

/**
 * GPU: how many MoE weight sets the device keeps. {@code --verify} prepares a one-layer step before a
 * run's first step; that must not make the run's layers share one set. Skipped only where no GPU is.
 */
class MoeWeightSetsGpuTest {
    private static final ModelConfig TINY = ModelConfig.preset("tiny");

    @Test
    void aOneLayerStepFirstDoesNotMakeALaterFourLayerStepShareOneSet() {
        assumeTrue(Gpu.isAvailable(), () -> "no GPU: " + Gpu.unavailableReason());
        Set<Fusion> unfused = Fusion.parseVariant("unfused");
        StepSpec one = new StepSpec(TINY, unfused, 2, 1, RoutingScenario.parse("router"), 0);
        try (CudaStepDevice device = new CudaStepDevice(batch -> {}, WeightSource.synthetic(TINY, 0), Set.of(false))) {
            device.prepare(one);
            device.release();
            assertThat(device.uploadedMoeSets()).isEqualTo(1);

            device.prepare(one.with(unfused, 4));
            device.release();

            assertThat(device.uploadedMoeSets())
                    .as("distinct MoE weight sets after a 4-layer step")
                    .isEqualTo(4);
            assertThat(device.weightNote()).isEmpty();
        }
    }
}
