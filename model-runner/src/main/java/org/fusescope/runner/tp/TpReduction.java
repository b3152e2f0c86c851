package org.fusescope.runner.tp;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the row-parallel partial sums after the mixer's output projection and after the MoE block are
 * combined across the ranks.
 */
public enum TpReduction {
    /** Tensor parallel: {@code all_reduce}; every rank holds every token, norms run on all of them. */
    ALL_REDUCE("all-reduce", false),
    /**
     * Tensor + sequence parallel: {@code reduce_scatter} (each rank keeps the sum of its slice of the
     * tokens), residual add and norm on that slice, {@code all_gather} of the normed rows for the next
     * column-parallel projection.
     */
    REDUCE_SCATTER_ALL_GATHER("reduce-scatter", true),
    /**
     * The seed's bug: sequence parallelism on, but the attention output reduced with a hard-coded
     * {@code all_reduce} where {@code reduce_scatter} was needed, so each rank ends with the sum of all
     * token slices in place of its own slice. The MoE block's reduction is the correct {@code
     * reduce_scatter}.
     */
    SP_HARDCODED_ALL_REDUCE("sp-hardcoded-all-reduce", true);

    private final String label;
    private final boolean sequenceParallel;

    TpReduction(String label, boolean sequenceParallel) {
        this.label = label;
        this.sequenceParallel = sequenceParallel;
    }

    /** The name on the command line and in messages, e.g. {@code reduce-scatter}. */
    public String label() {
        return label;
    }

    /** Whether the residual stream and the norms are split by tokens between the ranks. */
    public boolean sequenceParallel() {
        return sequenceParallel;
    }

    /**
     * The reduction named {@code label} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the known labels
     */
    public static TpReduction parse(String label) {
        String wanted = label.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(r -> r.label.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown tensor-parallel reduction '" + label
                        + "': use "
                        + Arrays.stream(values()).map(TpReduction::label).collect(Collectors.joining(", "))));
    }
}
