package org.fusescope.kernels.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.fusescope.kernels.reference.AppendSharedExpertReference;
import org.fusescope.kernels.reference.GroupedGemm1Reference;
import org.fusescope.kernels.reference.GroupedGemm2Reference;
import org.fusescope.kernels.reference.MoeAlignReference;
import org.fusescope.kernels.reference.TopkSoftmaxReference;
import org.fusescope.kernels.shape.ModelDims;

/**
 * The grouped-GEMM references on a sample of slots, in parallel: the sample is cut into groups of
 * {@value #GROUP} slots, and each group runs the reference on a small problem holding only its
 * slots and the experts they route to (renumbered 0..u-1), so no full-size float weight copy exists.
 */
final class SampledReference {
    static final int ALL_SLOTS_UP_TO = 64;
    static final int SAMPLE = 96;
    private static final int GROUP = 6;

    private final ExpertWeights w;
    private final Routing routing;
    private final int[] sample;
    private final int kp;

    SampledReference(ExpertWeights w, Routing routing, int[] sample, int kp) {
        this.w = w;
        this.routing = routing;
        this.sample = sample;
        this.kp = kp;
    }

    /** Random logits → reference topk (renormalized) → shared expert appended (random gate) → tables. */
    static Routing routing(SplittableRandom random, ModelDims d, int m) {
        float[] logits = RandomFill.floats(random, (long) m * d.experts(), 4);
        TopkSoftmaxReference.Result r = TopkSoftmaxReference.apply(logits, m, d.experts(), d.topK(), true);
        if (!d.sharedAsExpert()) {
            return Routing.of(r.ids(), r.weights(), d.tableExperts());
        }
        float[] gate = RandomFill.floats(random, m, 3);
        AppendSharedExpertReference.Result a =
                AppendSharedExpertReference.apply(r.ids(), r.weights(), gate, m, d.topK(), d.experts());
        return Routing.of(a.ids(), a.weights(), d.tableExperts());
    }

    /** All slots when there are at most {@value #ALL_SLOTS_UP_TO}, else {@value #SAMPLE} distinct ones, sorted. */
    static int[] sample(SplittableRandom random, int slots) {
        int[] all = IntStream.range(0, slots).toArray();
        if (slots <= ALL_SLOTS_UP_TO) {
            return all;
        }
        for (int i = 0; i < SAMPLE; i++) {
            int j = i + random.nextInt(slots - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] out = Arrays.copyOf(all, SAMPLE);
        Arrays.sort(out);
        return out;
    }

    /** The sampled rows of a [slots, width] output; fails if ANY element of it is NaN/∞ (unwritten). */
    static float[] rows(float[] full, int[] sample, int width, boolean requireAllWritten) {
        if (requireAllWritten) {
            for (int i = 0; i < full.length; i++) {
                if (!Float.isFinite(full[i])) {
                    throw new AssertionError("row " + (i / width) + " holds " + full[i] + " at column " + (i % width)
                            + ": a slot was not written (poison) or overflowed");
                }
            }
        }
        float[] out = new float[sample.length * width];
        for (int i = 0; i < sample.length; i++) {
            System.arraycopy(full, sample[i] * width, out, i * width, width);
        }
        return out;
    }

    /** h1 rows of the sample, {@code [sample, 2I]}. */
    float[] gemm1(float[] y, int tokens) {
        int width = 2 * w.dims.inter();
        return run(
                width,
                w::w13,
                (weights, tables) ->
                        GroupedGemm1Reference.apply(y, weights, tables, tokens, w.dims.hidden(), w.dims.inter(), kp));
    }

    /** h2 rows of the sample, {@code [sample, H]}. */
    float[] gemm2(float[] a, int slots) {
        return run(
                w.dims.hidden(),
                w::w2,
                (weights, tables) ->
                        GroupedGemm2Reference.apply(a, weights, tables, slots, w.dims.hidden(), w.dims.inter()));
    }

    private interface Reference {
        float[] apply(float[] weights, MoeAlignReference.Result tables);
    }

    private float[] run(int width, IntFunction<float[]> expertWeights, Reference reference) {
        float[] out = new float[sample.length * width];
        int groups = (sample.length + GROUP - 1) / GROUP;
        IntStream.range(0, groups).parallel().forEach(g -> {
            int from = g * GROUP;
            int to = Math.min(sample.length, from + GROUP);
            Map<Integer, List<Integer>> byExpert = new LinkedHashMap<>();
            for (int i = from; i < to; i++) {
                byExpert.computeIfAbsent(routing.ids()[sample[i]], e -> new ArrayList<>())
                        .add(sample[i]);
            }
            int u = byExpert.size();
            int[] counts = new int[u];
            int[][] slots = new int[u][];
            float[][] weights = new float[u][];
            List<float[]> parts = new ArrayList<>();
            int x = 0;
            for (Map.Entry<Integer, List<Integer>> en : byExpert.entrySet()) {
                slots[x] = en.getValue().stream().mapToInt(Integer::intValue).toArray();
                counts[x] = slots[x].length;
                weights[x] = new float[counts[x]];
                for (int j = 0; j < counts[x]; j++) {
                    weights[x][j] = routing.weights()[slots[x][j]];
                }
                parts.add(expertWeights.apply(en.getKey()));
                x++;
            }
            int per = parts.get(0).length;
            float[] sub = new float[u * per];
            for (int j = 0; j < u; j++) {
                System.arraycopy(parts.get(j), 0, sub, j * per, per);
            }
            float[] full = reference.apply(sub, new MoeAlignReference.Result(counts, slots, weights));
            for (int i = from; i < to; i++) {
                System.arraycopy(full, sample[i] * width, out, i * width, width);
            }
        });
        return out;
    }
}
