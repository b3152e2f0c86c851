package org.fusescope.runner.step;

import java.util.List;
import org.fusescope.profiler.ops.LayerType;
import org.fusescope.profiler.ops.Op;

/**
 * One decoder layer of a decode step: its mixer block, then its MoE block. Immutable.
 *
 * @param layer the layer (0-based)
 * @param type what its mixer is
 * @param blocks the mixer block and the MoE block, in launch order
 */
public record LayerPlan(int layer, LayerType type, List<BlockPlan> blocks) {
    public LayerPlan {
        blocks = List.copyOf(blocks);
    }

    /** The layer range's text, naming the type: {@code layer 0 (linear attention)}, {@code layer 3 (attention)}. */
    public String rangeName() {
        return "layer " + layer + " (" + type.label() + ")";
    }

    /** Every launch of the layer, in order. */
    public List<Op> launches() {
        return blocks.stream().flatMap(b -> b.launches().stream()).toList();
    }
}
