package org.fusescope.profiler.model;

/**
 * The nesting levels of the range markers the runner puts around every launch, stored as the NVTX
 * category of the range. Ranges from foreign traces have no level.
 */
public enum RangeLevel {
    STEP(1),
    LAYER(2),
    BLOCK(3),
    OP(4);

    private final int category;

    RangeLevel(int category) {
        this.category = category;
    }

    /** The NVTX category id this level is stored as. */
    public int category() {
        return category;
    }

    /** The level stored as this NVTX category, or null when the category is none of ours. */
    public static RangeLevel ofCategory(int category) {
        for (RangeLevel l : values()) {
            if (l.category == category) {
                return l;
            }
        }
        return null;
    }
}
