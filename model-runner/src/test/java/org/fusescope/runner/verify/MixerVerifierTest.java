package org.fusescope.runner.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.fusescope.kernels.cuda.Bf16;
import org.fusescope.profiler.model.DeviceInfo;
import org.fusescope.profiler.model.NumericCheck;
import org.fusescope.profiler.ops.Fusion;
import org.fusescope.profiler.ops.Op;
import org.fusescope.runner.model.ModelConfig;
import org.fusescope.runner.model.RoutingScenario;
import org.fusescope.runner.model.WeightSource;
import org.fusescope.runner.record.BlockOutputs;
import org.fusescope.runner.record.LayerTables;
import org.fusescope.runner.record.MixerOutputs;
import org.fusescope.runner.record.StepDevice;
import org.fusescope.runner.record.Tracer;
import org.fusescope.runner.step.DecodeContext;
import org.fusescope.runner.step.StepSpec;
import org.junit.jupiter.api.Test;

/** Which mixers the verifier runs and how its checks judge them, on a labelled fake device. */
class MixerVerifierTest {
    private static final ModelConfig TINY = ModelConfig.preset("tiny");
    private static final WeightSource WEIGHTS = WeightSource.synthetic(TINY, 3);

    @Test
    void runsTheFirstLayerOfEachTypeInBothVariantsAndPassesOnTheReferencesOutputs() {
        ReferenceDevice device = new ReferenceDevice();
        List<NumericCheck> checks = MixerVerifier.verify(device, WEIGHTS, spec(4, 20));

        assertThat(device.asked).containsExactly("0 unfused", "0 fused", "3 unfused", "3 fused");
        assertThat(checks)
                .hasSize(16)
                .allSatisfy(c -> assertThat(c.passed()).as(c.name()).isTrue());
        assertThat(checks.get(2).name()).isEqualTo("layer 0 linear_attn out fused vs cpu (16 of 20 tokens)");
        assertThat(checks.get(14).name()).isEqualTo("layer 3 self_attn out fused vs unfused");
    }

    @Test
    void aWrongFusedOutputFailsItsChecks() {
        ReferenceDevice device = new ReferenceDevice();
        device.breakFused = true;
        List<NumericCheck> checks = MixerVerifier.verify(device, WEIGHTS, spec(4, 2));

        assertThat(checks).filteredOn(c -> !c.passed()).hasSize(8);
        assertThat(checks)
                .filteredOn(c -> !c.passed() && !c.name().contains(", worst token "))
                .extracting(NumericCheck::name)
                .containsExactly(
                        "layer 0 linear_attn out fused vs cpu (2 of 2 tokens)",
                        "layer 0 linear_attn out fused vs unfused",
                        "layer 3 self_attn out fused vs cpu (2 of 2 tokens)",
                        "layer 3 self_attn out fused vs unfused");
    }

    @Test
    void checksOnlyTheTypesTheStepHasAndNothingWithoutMixers() {
        ReferenceDevice device = new ReferenceDevice();
        assertThat(MixerVerifier.verify(device, WEIGHTS, spec(2, 1))).hasSize(8);
        assertThat(device.asked).containsExactly("0 unfused", "0 fused");
        StepSpec moeOnly = new StepSpec(TINY, Fusion.parseVariant("fused"), 1, 4, RoutingScenario.parse("router"), 3);
        assertThat(MixerVerifier.verify(device, WEIGHTS, moeOnly)).isEmpty();
    }

    private static StepSpec spec(int layers, int batch) {
        return new StepSpec(
                TINY,
                Fusion.parseVariant("fused"),
                batch,
                layers,
                RoutingScenario.parse("router"),
                3,
                new DecodeContext(8, 1),
                true);
    }

    /**
     * FAKE (CPU test only): a device whose mixer blocks return the plain-Java reference's results for
     * every request (the fused one scaled by 1.1 when {@link #breakFused}); it runs nothing else.
     */
    private static final class ReferenceDevice implements StepDevice {
        final List<String> asked = new ArrayList<>();
        boolean breakFused;

        @Override
        public MixerOutputs runMixerOnce(StepSpec spec, int layer) {
            boolean fused = spec.switches().contains(Fusion.CONV_PACK_GDN);
            asked.add(layer + (fused ? " fused" : " unfused"));
            assertThat(spec.layers()).isEqualTo(layer + 1);
            MixerReference.Result ref = MixerReference.compute(spec, WEIGHTS.mixer(layer), spec.batch());
            float[] out = ref.out().clone();
            if (fused && breakFused) {
                for (int i = 0; i < out.length; i++) {
                    out[i] *= 1.1f;
                }
            }
            return new MixerOutputs(layer, Bf16.fromFloats(out), Bf16.fromFloats(ref.residual()));
        }

        @Override
        public DeviceInfo device() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Tracer tracer() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void prepare(StepSpec spec) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void launch(Op launch, int layer) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void capture(Runnable launches) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void replay() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void beginTiming() {
            throw new UnsupportedOperationException();
        }

        @Override
        public double endTiming() {
            throw new UnsupportedOperationException();
        }

        @Override
        public LayerTables tables(int layer) {
            throw new UnsupportedOperationException();
        }

        @Override
        public BlockOutputs runLayerOnce(StepSpec spec) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void release() {}

        @Override
        public void close() {}
    }
}
