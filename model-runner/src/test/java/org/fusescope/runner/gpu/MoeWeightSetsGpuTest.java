package org.fusescope.runner.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.fusescope.profiler.ops.Fusion;
import org.fusescope.runner.model.ModelConfig;
import org.fusescope.runner.model.RoutingScenario;
import org.fusescope.runner.model.WeightSource;
import org.fusescope.runner.step.StepSpec;
import org.junit.jupiter.api.Test;

/**
 * GPU: how many MoE weight sets the device keeps. {@code --verify} prepares a one-layer step before a
 * run's first step; that must not make the run's layers share one set. (That the largest planned
 * decode state is reserved is checked by {@code scripts/device/layers-suite.sh}: 48 layers at batches 1
 * to 256 in one recording.) Skipped only where there is no NVIDIA driver ({@link GpuTests}).
 */
class MoeWeightSetsGpuTest {
    private static final ModelConfig TINY = ModelConfig.preset("tiny");
    private static final Set<Fusion> UNFUSED = Fusion.parseVariant("unfused");

    @Test
    void aOneLayerStepFirstDoesNotMakeALaterFourLayerStepShareOneSet() {
        GpuTests.requireGpu();
        StepSpec one = new StepSpec(TINY, UNFUSED, 2, 1, RoutingScenario.parse("router"), 0);
        // planned: only the one-layer step; the four-layer step comes unannounced
        try (CudaStepDevice device = new CudaStepDevice(batch -> {}, WeightSource.synthetic(TINY, 0), List.of(one))) {
            device.prepare(one);
            device.release();
            assertThat(device.uploadedMoeSets()).isEqualTo(1);

            device.prepare(one.with(UNFUSED, 4));
            device.release();

            assertThat(device.uploadedMoeSets())
                    .as("distinct MoE weight sets after a 4-layer step")
                    .isEqualTo(4);
            assertThat(device.weightNote()).isEmpty();
        }
    }

    @Test
    void aPlannedFourLayerStepGetsItsSetsEvenWhenAOneLayerStepIsPreparedFirst() {
        GpuTests.requireGpu();
        StepSpec four = new StepSpec(TINY, UNFUSED, 2, 4, RoutingScenario.parse("router"), 0);
        try (CudaStepDevice device = new CudaStepDevice(batch -> {}, WeightSource.synthetic(TINY, 0), List.of(four))) {
            device.prepare(four.with(UNFUSED, 1)); // what --verify prepares before the first run
            device.release();
            device.prepare(four);
            device.release();

            assertThat(device.uploadedMoeSets()).isEqualTo(4);
            assertThat(device.weightNote()).isEmpty();
        }
    }
}
