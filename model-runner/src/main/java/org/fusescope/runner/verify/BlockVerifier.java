package org.fusescope.runner.verify;

import static org.fusescope.kernels.reference.RowErrors.FP32;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.fusescope.kernels.cuda.Bf16;
import org.fusescope.kernels.reference.RowErrors;
import org.fusescope.profiler.model.NumericCheck;
import org.fusescope.profiler.ops.Fusion;
import org.fusescope.runner.model.MoeWeights;
import org.fusescope.runner.model.TopkRouting;
import org.fusescope.runner.record.BlockOutputs;
import org.fusescope.runner.record.StepDevice;
import org.fusescope.runner.step.StepSpec;

/**
 * Runs the first MoE layer once unfused and once fused from the same inputs and compares the outputs
 * with each other and with {@link BlockReference} on the first {@value #MAX_TOKENS} tokens (tokens
 * are independent, so a sample of them checks every kernel while the reference stays fast at full
 * model size). Each comparison gives two checks, the whole array and its worst token ({@link #checks}):
 * relative error ‖out − ref‖ / ‖ref‖ within {@value #TOLERANCE} passes for bf16 outputs, within {@link
 * RowErrors#FP32} for fp32 ones.
 *
 * <p>The routing is checked on its own before the expert math, in both variants, stage by stage: the
 * normed input y against the reference's; the router logits and the shared expert's gate against the
 * reference's GEMMs of the variant's own y (so a bf16 rounding step in y does not blur an fp32 check);
 * the routed ids, as a set per token, against the reference's own routing of its own logits (a
 * different expert is allowed only where the two are tied within the logits' measured difference); the
 * routing weights against the routing rule (softmax, top K, renormalized iff the config's {@code
 * norm_topk_prob}) applied to the variant's logits and ids, and the fused variant's shared slot
 * against expert E with weight sigmoid(gate), at {@link RowErrors#FP32}. Under a routing scenario the
 * ids and weights must be the scenario's. The expert math of the reference then uses the reference's
 * own routing (where the unfused GPU picked a tied expert, that one).
 */
public final class BlockVerifier {
    /** The bound on the relative error of bf16 outputs, whole and per token. */
    public static final double TOLERANCE = RowErrors.BF16;

    /** Tokens the CPU reference computes. */
    public static final int MAX_TOKENS = 16;

    private BlockVerifier() {}

    /**
     * The checks at {@code spec}'s batch; {@code spec}'s switches are ignored (both variants run).
     *
     * @param weights layer 0's weights, as uploaded
     */
    public static List<NumericCheck> verify(StepDevice device, MoeWeights weights, StepSpec spec) {
        return verify(device, weights, spec, Set.of());
    }

    /**
     * {@link #verify} with the fused side also running the {@link Fusion#optIn() opt-in} kernels among
     * {@code optIn} (none at present: router_gemv, the last one, joined fused), its checks then named
     * after that variant ({@code fused+SWITCH}) instead of {@code fused}.
     */
    public static List<NumericCheck> verify(StepDevice device, MoeWeights weights, StepSpec spec, Set<Fusion> optIn) {
        Set<Fusion> extra = EnumSet.noneOf(Fusion.class);
        optIn.stream().filter(Fusion::optIn).forEach(extra::add);
        String fusedName =
                "fused" + extra.stream().map(f -> "+" + f.switchName()).collect(Collectors.joining());
        StepSpec unfusedSpec = withSwitches(spec, Fusion.parseVariant("unfused"));
        StepSpec fusedSpec = withSwitches(spec, Fusion.parseVariant(fusedName));
        BlockOutputs unfused = device.runLayerOnce(unfusedSpec);
        BlockOutputs fused = device.runLayerOnce(fusedSpec);
        int tokens = Math.min(spec.batch(), MAX_TOKENS);
        int h = spec.config().hidden();
        int e = spec.config().experts();
        int k = spec.config().topK();
        boolean renormalize = spec.config().normTopkProb();
        BlockReference.Front front = BlockReference.front(
                weights,
                spec.initialHidden(),
                spec.initialResidual(),
                tokens,
                spec.config().rmsNormEps());
        Optional<TopkRouting> scenario = spec.routing().route(spec.batch(), e, k, spec.seed(), 0);
        BlockReference.Routing own = scenario.map(s -> new BlockReference.Routing(
                        Arrays.copyOf(s.ids(), tokens * k), Arrays.copyOf(s.weights(), tokens * k), k))
                .orElseGet(() -> BlockReference.route(front.logits(), tokens, e, k, renormalize));
        String cpu = " vs cpu (" + tokens + " of " + spec.batch() + " tokens)";
        List<NumericCheck> checks = new ArrayList<>();
        Routes routes = new Routes(weights, front, own, scenario.isPresent(), tokens, renormalize);
        checks.addAll(routes.check("unfused", unfused, cpu));
        checks.addAll(routes.check(fusedName, fused, cpu));

        BlockReference.Routing routing = routes.resolveTies(unfused);
        float[] out = BlockReference.experts(weights, front, routing);
        checks.addAll(checks("moe_out unfused" + cpu, head(unfused.hidden(), tokens * h), out, h, TOLERANCE));
        checks.addAll(checks("moe_out " + fusedName + cpu, head(fused.hidden(), tokens * h), out, h, TOLERANCE));
        checks.addAll(checks(
                "residual " + fusedName + cpu, head(fused.residual(), tokens * h), front.residual(), h, TOLERANCE));
        checks.addAll(checks(
                "moe_out " + fusedName + " vs unfused",
                Bf16.toFloats(fused.hidden()),
                Bf16.toFloats(unfused.hidden()),
                h,
                TOLERANCE));
        return checks;
    }

    /** The routing checks of one variant against the reference's own routing, and tie resolution. */
    private record Routes(
            MoeWeights w,
            BlockReference.Front front,
            BlockReference.Routing own,
            boolean scenario,
            int tokens,
            boolean renormalize) {
        List<NumericCheck> check(String variant, BlockOutputs gpu, String cpu) {
            int h = w.config().hidden();
            int e = w.config().experts();
            int k = w.config().topK();
            List<NumericCheck> checks = new ArrayList<>();
            float[] y = head(gpu.y(), tokens * h);
            checks.addAll(checks("y " + variant + cpu, y, front.y(), h, TOLERANCE));
            String onY = " vs cpu on its y (" + tokens + " tokens)";
            float[] logits = Arrays.copyOf(gpu.logits(), tokens * e);
            float[] gate = Arrays.copyOf(gpu.gate(), tokens);
            checks.addAll(
                    checks("router_logits " + variant + onY, logits, BlockReference.logits(w, y, tokens), e, FP32));
            checks.addAll(
                    checks("shared_gate " + variant + onY, gate, BlockReference.gate(w, y, tokens), 1, TOLERANCE));

            boolean shared = gpu.sharedIds() != null;
            int slots = shared ? k + 1 : k;
            int[] ids = new int[tokens * slots];
            float[] weights = new float[tokens * slots];
            for (int t = 0; t < tokens; t++) {
                System.arraycopy(gpu.ids(), t * k, ids, t * slots, k);
                System.arraycopy(gpu.weights(), t * k, weights, t * slots, k);
                if (shared) {
                    ids[t * slots + k] = gpu.sharedIds()[t];
                    weights[t * slots + k] = gpu.sharedWeights()[t];
                }
            }
            int[] routedIds = Arrays.copyOf(gpu.ids(), tokens * k);
            BlockReference.Routing expected = new BlockReference.Routing(
                    scenario ? own.ids() : routedIds,
                    scenario ? own.weights() : BlockReference.weigh(logits, routedIds, tokens, e, k, renormalize),
                    k);
            if (shared) {
                expected = BlockReference.withSharedExpert(expected, gate, tokens, e);
            }
            int bad = 0;
            int first = -1;
            for (int t = 0; t < tokens; t++) {
                boolean ok = sameExperts(t, gpu.ids(), logits) && (!shared || gpu.sharedIds()[t] == e);
                if (!ok) {
                    bad++;
                    first = first < 0 ? t : first;
                }
            }
            String idsName = "routing_ids " + variant + cpu + (bad > 0 ? ", first wrong token " + first : "");
            checks.add(new NumericCheck(idsName, 0, 0, bad, (double) bad / tokens, 0));
            checks.addAll(checks("routing_weights " + variant + cpu, weights, expected.weights(), slots, FP32));
            return checks;
        }

        /**
         * Whether token {@code t}'s K routed ids are the reference's: the same set, or (router routing)
         * one that differs only by experts tied, in the reference's logits, with its K-th choice within
         * twice the largest difference between the GPU's and the reference's logits of the token.
         */
        boolean sameExperts(int t, int[] gpuIds, float[] gpuLogits) {
            int e = w.config().experts();
            int k = w.config().topK();
            if (scenario) {
                return Arrays.equals(gpuIds, t * k, t * k + k, own.ids(), t * k, t * k + k);
            }
            BitSet gpu = new BitSet(e);
            for (int j = 0; j < k; j++) {
                int id = gpuIds[t * k + j];
                if (id < 0 || id >= e || gpu.get(id)) {
                    return false;
                }
                gpu.set(id);
            }
            BitSet ref = new BitSet(e);
            for (int j = 0; j < k; j++) {
                ref.set(own.ids()[t * k + j]);
            }
            if (gpu.equals(ref)) {
                return true;
            }
            float[] l = front.logits();
            double kth = l[t * e + own.ids()[t * k + k - 1]];
            double drift = 0;
            double scale = 0;
            for (int x = 0; x < e; x++) {
                drift = Math.max(drift, Math.abs(gpuLogits[t * e + x] - l[t * e + x]));
                scale = Math.max(scale, Math.abs(l[t * e + x]));
            }
            double window = 2 * drift + 1e-6 * (1 + scale);
            BitSet differ = (BitSet) gpu.clone();
            differ.xor(ref);
            return differ.stream().allMatch(x -> Math.abs(l[t * e + x] - kth) <= window);
        }

        /**
         * The reference's routing for the expert math: its own, except tokens where the unfused GPU chose
         * tied experts ({@link #sameExperts}), which take the GPU's ids weighted by the reference's logits.
         */
        BlockReference.Routing resolveTies(BlockOutputs unfused) {
            if (scenario) {
                return own;
            }
            int e = w.config().experts();
            int k = w.config().topK();
            int[] ids = own.ids().clone();
            float[] gpuLogits = Arrays.copyOf(unfused.logits(), tokens * e);
            boolean changed = false;
            for (int t = 0; t < tokens; t++) {
                boolean differs = !Arrays.equals(sorted(unfused.ids(), t * k, k), sorted(own.ids(), t * k, k));
                if (differs && sameExperts(t, unfused.ids(), gpuLogits)) {
                    System.arraycopy(unfused.ids(), t * k, ids, t * k, k);
                    changed = true;
                }
            }
            if (!changed) {
                return own;
            }
            return new BlockReference.Routing(
                    ids, BlockReference.weigh(front.logits(), ids, tokens, e, k, renormalize), k);
        }

        private static int[] sorted(int[] ids, int from, int n) {
            int[] s = Arrays.copyOfRange(ids, from, from + n);
            Arrays.sort(s);
            return s;
        }
    }

    private static StepSpec withSwitches(StepSpec s, Set<Fusion> switches) {
        return new StepSpec(s.config(), switches, s.batch(), 1, s.routing(), s.seed(), s.context());
    }

    /** The first {@code n} of {@code bits} (bf16) as floats: the tokens the CPU reference computed. */
    static float[] head(short[] bits, int n) {
        return Bf16.toFloats(Arrays.copyOf(bits, n));
    }

    /**
     * {@code out} against {@code ref}, rows of {@code cols} elements (one row a token): two checks, the
     * whole array ({@code name}: max |out − ref| and ‖out − ref‖ / ‖ref‖) and its worst row ({@code name},
     * worst token N: that row's |out − ref| at its most different element and ‖out_r − ref_r‖ / ‖ref_r‖),
     * both held to {@code bound} ({@link RowErrors#BF16} for bf16 outputs, {@link RowErrors#FP32} for fp32
     * ones). A NaN or infinite output gives +∞.
     */
    static List<NumericCheck> checks(String name, float[] out, float[] ref, int cols, double bound) {
        RowErrors e = RowErrors.of(out, ref, cols);
        double rowAbs = Float.isFinite(e.outAt()) ? Math.abs((double) e.outAt() - e.refAt()) : Double.POSITIVE_INFINITY;
        return List.of(
                new NumericCheck(name, 0, 0, e.maxAbs(), e.whole(), bound),
                new NumericCheck(name + ", worst token " + e.worstRowIndex(), 0, 0, rowAbs, e.worstRow(), bound));
    }
}
