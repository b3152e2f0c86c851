package org.fusescope.kernels.shape;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sizes of the MoE block that kernels are compiled for (as {@code -D} constants) and validated
 * against.
 *
 * @param hidden H
 * @param experts routed experts E (the tables hold E + 1 with the shared expert appended)
 * @param topK experts per token K
 * @param inter expert intermediate size I (also the shared expert's, which {@code sharedAsExpert} needs)
 * @param sharedAsExpert whether the shared expert runs as expert E of the grouped GEMMs (K' = K + 1)
 */
public record ModelDims(int hidden, int experts, int topK, int inter, boolean sharedAsExpert) {
    /** Qwen3-Next-80B-A3B. */
    public static final ModelDims QWEN3_NEXT = new ModelDims(2048, 512, 10, 512, false);
    /** Qwen3.5-35B-A3B. */
    public static final ModelDims QWEN35 = new ModelDims(2048, 256, 8, 512, false);
    /** A tiny model for quick tests. */
    public static final ModelDims TINY = new ModelDims(256, 16, 4, 64, false);

    public ModelDims {
        Args.check(hidden >= 8 && hidden % 8 == 0, "hidden must be a positive multiple of 8, not " + hidden);
        Args.check(
                experts >= 1 && topK >= 1 && topK <= experts && topK <= 32,
                "need 1 <= topK <= min(experts, 32), got K=" + topK + ", E=" + experts);
        Args.check(inter >= 1, "inter must be positive, not " + inter);
    }

    /** The same sizes with the shared expert appended as expert E, or not. */
    public ModelDims withSharedAsExpert(boolean on) {
        return new ModelDims(hidden, experts, topK, inter, on);
    }

    /** K': slots per token in the expert tables. */
    public int slotsPerToken() {
        return sharedAsExpert ? topK + 1 : topK;
    }

    /** Experts in the weight tables: E, or E + 1 with the shared expert appended. */
    public int tableExperts() {
        return sharedAsExpert ? experts + 1 : experts;
    }

    /** The compile-time constants every kernel source may use. */
    public Map<String, String> definitions() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("HIDDEN", Integer.toString(hidden));
        d.put("EXPERTS", Integer.toString(experts));
        d.put("TOPK", Integer.toString(topK));
        d.put("INTER", Integer.toString(inter));
        return d;
    }

    @Override
    public String toString() {
        return "H" + hidden + " E" + experts + " K" + topK + " I" + inter + (sharedAsExpert ? " +shared" : "");
    }
}
