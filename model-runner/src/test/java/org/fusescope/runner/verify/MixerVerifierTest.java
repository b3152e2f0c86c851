package org.fusescope.runner.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

/**
 * Which mixers the verifier runs and the numbers its checks report, on a labelled fake device whose
 * outputs are the reference's with known, exactly representable errors: the expected errors are
 * computed here from those errors, not by the verifier's comparison.
 */
class MixerVerifierTest {
    private static final ModelConfig TINY = ModelConfig.preset("tiny");
    private static final WeightSource WEIGHTS = WeightSource.synthetic(TINY, 3);
    private static final int H = TINY.hidden();

    @Test
    void runsTheFirstLayerOfEachTypeInBothVariants() {
        PerturbingDevice device = new PerturbingDevice();
        List<NumericCheck> checks = MixerVerifier.verify(device, WEIGHTS, spec(4, 20));

        assertThat(device.asked).containsExactly("0 unfused", "0 fused", "3 unfused", "3 fused");
        assertThat(checks).hasSize(16);
        assertThat(checks.get(2).name()).isEqualTo("layer 0 linear_attn out fused vs cpu (16 of 20 tokens)");
        assertThat(checks.get(14).name()).isEqualTo("layer 3 self_attn out fused vs unfused");
    }

    @Test
    void reportsTheErrorsTheDevicePlantedAndJudgesThemByTheBound() {
        PerturbingDevice device = new PerturbingDevice();
        List<NumericCheck> checks = MixerVerifier.verify(device, WEIGHTS, spec(4, 6));

        for (int layer : new int[] {0, 3}) {
            String block = "layer " + layer + (layer == 0 ? " linear_attn" : " self_attn");
            float[] out = device.reference.get(layer).out();
            float[] residual = device.reference.get(layer).residual();
            String cpu = " vs cpu (6 of 6 tokens)";

            // unfused out: token 4 zeroed, the rest exact
            NumericCheck unfused = find(checks, block + " out unfused" + cpu);
            assertThat(unfused.relNorm()).isCloseTo(norm(out, 4) / norm(out, -1), within(1e-12));
            assertThat(unfused.maxAbs()).isEqualTo(maxAbs(out, 4));
            assertThat(unfused.passed()).isFalse();
            NumericCheck unfusedRow = find(checks, block + " out unfused" + cpu + ", worst token 4");
            assertThat(unfusedRow.relNorm()).isEqualTo(1.0);
            assertThat(unfusedRow.passed()).isFalse();

            // fused out: every value halved (exact in bf16), so every token is 0.5 off
            NumericCheck fused = find(checks, block + " out fused" + cpu);
            assertThat(fused.relNorm()).isCloseTo(0.5, within(1e-12));
            assertThat(fused.maxAbs()).isEqualTo(maxAbs(out, -1) / 2);
            assertThat(find(checks, block + " out fused" + cpu + ", worst token 0")
                            .relNorm())
                    .isCloseTo(0.5, within(1e-12));

            // fused residual: one element of token 1 one bf16 ulp off, within the bound
            float ulp = Math.abs(Bf16.toFloat(bumped(residual[H + 7])) - residual[H + 7]);
            NumericCheck res = find(checks, block + " residual fused" + cpu);
            assertThat(res.relNorm()).isCloseTo(ulp / norm(residual, -1), within(1e-9));
            assertThat(res.maxAbs()).isEqualTo(ulp);
            assertThat(res.passed()).isTrue();
            NumericCheck resRow = find(checks, block + " residual fused" + cpu + ", worst token 1");
            assertThat(resRow.relNorm()).isCloseTo(ulp / norm(residual, 1), within(1e-9));
            assertThat(resRow.relNorm()).isGreaterThan(res.relNorm()).isLessThan(BlockVerifier.TOLERANCE);
            assertThat(resRow.passed()).isTrue();

            // fused vs unfused: token 4 is zero in the unfused output and not in the fused one
            assertThat(find(checks, block + " out fused vs unfused, worst token 4")
                            .relNorm())
                    .isEqualTo(Double.POSITIVE_INFINITY);
            float[] zeroed = out.clone();
            java.util.Arrays.fill(zeroed, 4 * H, 5 * H, 0f);
            double diff = 0;
            for (int i = 0; i < out.length; i++) {
                diff += Math.pow(out[i] / 2 - zeroed[i], 2);
            }
            assertThat(find(checks, block + " out fused vs unfused").relNorm())
                    .isCloseTo(Math.sqrt(diff) / norm(zeroed, -1), within(1e-9));
        }
        assertThat(checks)
                .filteredOn(NumericCheck::passed)
                .extracting(NumericCheck::name)
                .allMatch(n -> n.contains("residual fused"));
    }

    @Test
    void checksOnlyTheTypesTheStepHasAndNothingWithoutMixers() {
        PerturbingDevice device = new PerturbingDevice();
        assertThat(MixerVerifier.verify(device, WEIGHTS, spec(2, 1))).hasSize(8);
        assertThat(device.asked).containsExactly("0 unfused", "0 fused");
        StepSpec moeOnly = new StepSpec(TINY, Fusion.parseVariant("fused"), 1, 4, RoutingScenario.parse("router"), 3);
        assertThat(MixerVerifier.verify(device, WEIGHTS, moeOnly)).isEmpty();
    }

    private static NumericCheck find(List<NumericCheck> checks, String name) {
        return checks.stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no check '" + name + "' among "
                        + checks.stream().map(NumericCheck::name).toList()));
    }

    /** ‖row {@code token}‖ of {@code a} (rows of H), or of the whole array when -1. */
    private static double norm(float[] a, int token) {
        double s = 0;
        for (int i = token < 0 ? 0 : token * H; i < (token < 0 ? a.length : (token + 1) * H); i++) {
            s += (double) a[i] * a[i];
        }
        return Math.sqrt(s);
    }

    private static double maxAbs(float[] a, int token) {
        double m = 0;
        for (int i = token < 0 ? 0 : token * H; i < (token < 0 ? a.length : (token + 1) * H); i++) {
            m = Math.max(m, Math.abs(a[i]));
        }
        return m;
    }

    /** The bf16 value one ulp further from zero than {@code x} (a bf16 value). */
    private static short bumped(float x) {
        return (short) (Bf16.fromFloat(x) + 1);
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
     * FAKE (CPU test only): a device whose mixer blocks return the plain-Java reference's results with
     * known errors planted: the unfused output with token 4 zeroed (when the batch has one), the fused
     * output halved, the fused residual with element 7 of token 1 one bf16 ulp off (when the batch has
     * two tokens), the unfused residual exact. It runs nothing else.
     */
    private static final class PerturbingDevice implements StepDevice {
        final List<String> asked = new ArrayList<>();
        final java.util.Map<Integer, MixerReference.Result> reference = new java.util.HashMap<>();

        @Override
        public MixerOutputs runMixerOnce(StepSpec spec, int layer) {
            boolean fused = spec.switches().contains(Fusion.CONV_PACK_GDN);
            asked.add(layer + (fused ? " fused" : " unfused"));
            assertThat(spec.layers()).isEqualTo(layer + 1);
            MixerReference.Result ref = MixerReference.compute(spec, WEIGHTS.mixer(layer), spec.batch());
            reference.put(layer, ref);
            short[] out = Bf16.fromFloats(ref.out());
            short[] residual = Bf16.fromFloats(ref.residual());
            if (fused) {
                for (int i = 0; i < out.length; i++) {
                    out[i] = Bf16.fromFloat(Bf16.toFloat(out[i]) / 2);
                }
                if (spec.batch() > 1) {
                    residual[H + 7] = bumped(ref.residual()[H + 7]);
                }
            } else if (spec.batch() > 4) {
                java.util.Arrays.fill(out, 4 * H, 5 * H, (short) 0);
            }
            return new MixerOutputs(layer, out, residual);
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
