package org.fusescope.runner.tp;

import java.util.List;

/**
 * One weight of a layer and the part of it each rank holds.
 *
 * @param name the HuggingFace name within the layer, e.g. {@code self_attn.o_proj.weight}
 * @param split how it is divided between the ranks
 * @param shape the whole tensor's shape, outermost first ({@code [out, in]} for a projection)
 * @param shardShape the shape one rank holds
 */
public record ShardedTensor(String name, Split split, List<Integer> shape, List<Integer> shardShape) {
    /** How a weight is divided between the ranks. */
    public enum Split {
        /** Output features (rows of {@code [out, in]}, or the heads of a per-head vector) split; no reduction after it. */
        COLUMN_PARALLEL,
        /** Input features (columns of {@code [out, in]}) split; each rank's output is a partial sum to reduce. */
        ROW_PARALLEL,
        /** Every rank holds all of it. */
        REPLICATED
    }

    public ShardedTensor {
        shape = List.copyOf(shape);
        shardShape = List.copyOf(shardShape);
        if (shape.size() != shardShape.size()) {
            throw new IllegalArgumentException(
                    name + ": shape " + shape + " and shard shape " + shardShape + " differ in rank");
        }
    }

    /** Elements one rank holds. */
    public long shardElements() {
        return shardShape.stream().mapToLong(Integer::longValue).reduce(1, Math::multiplyExact);
    }

    /** One line, e.g. {@code self_attn.o_proj.weight row-parallel [2048, 4096] -> [2048, 2048]}. */
    @Override
    public String toString() {
        return name + " " + split.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " " + shape + " -> "
                + shardShape;
    }
}
