package org.fusescope.runner.step;

import java.util.List;
import org.fusescope.profiler.ops.Op;

/**
 * One block of a decoder layer: the mixer or the MoE block, a range of launches.
 *
 * @param name the block range's text: {@code linear_attn}, {@code self_attn} (HuggingFace's module
 *     names) or {@code moe}
 * @param launches the block's launches in order
 */
public record BlockPlan(String name, List<Op> launches) {
    public BlockPlan {
        launches = List.copyOf(launches);
    }
}
