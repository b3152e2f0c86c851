package org.fusescope.app.timeline;

import org.fusescope.profiler.model.RangeLevel;
import org.fusescope.profiler.ops.OpFamily;

/**
 * The colour keys of timeline items: two per {@link OpFamily} (plain and fused), one per range
 * level, and the CPU rows. Colours are 0xRRGGBB. Stateless.
 */
public final class Palette {
    private static final int FAMILIES = OpFamily.values().length;
    private static final int[] RANGE_RGB = {0x3b5b92, 0x5c7fb8, 0x85a3d1, 0xb3c7e6, 0x9aa5b1};
    /** Key of a CPU launch call. */
    public static final int CPU_LAUNCH = FAMILIES * 2 + RANGE_RGB.length;
    /** Key of any other CPU API call. */
    public static final int CPU_OTHER = CPU_LAUNCH + 1;
    /**
     * Key of the part of a kernel that waited on the kernel before it on its stream (a programmatic dependent
     * launch is resident before its predecessor ends): drawn as a thin bar along the bottom, not a full box.
     */
    public static final int WAIT = CPU_OTHER + 1;
    /** Number of keys. */
    public static final int SIZE = WAIT + 1;
    /** The marker drawn on fused kernels (a bar along their top edge). */
    public static final int FUSED_MARKER_RGB = 0xd62728;

    private Palette() {}

    /** Key of a kernel of this family. */
    public static int kernel(OpFamily family, boolean fused) {
        return family.ordinal() * 2 + (fused ? 1 : 0);
    }

    /** Key of a range of this level (null for foreign ranges). */
    public static int range(RangeLevel level) {
        return FAMILIES * 2 + (level == null ? RANGE_RGB.length - 1 : level.ordinal());
    }

    /** True when the key is a fused kernel. */
    public static boolean isFused(int key) {
        return key < FAMILIES * 2 && (key & 1) == 1;
    }

    /** The colour (0xRRGGBB) of a key. */
    public static int rgb(int key) {
        if (key < FAMILIES * 2) {
            return OpFamily.values()[key / 2].rgb();
        }
        if (key < CPU_LAUNCH) {
            return RANGE_RGB[key - FAMILIES * 2];
        }
        if (key == WAIT) {
            return 0x7f7f7f;
        }
        return key == CPU_LAUNCH ? 0x6b6ecf : 0xbdbdbd;
    }
}
