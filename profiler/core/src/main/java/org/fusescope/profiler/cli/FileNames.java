package org.fusescope.profiler.cli;

import java.util.Locale;

/** Safe file-name stems made from run names. */
final class FileNames {
    private FileNames() {}

    /** Lower case, letters, digits and dashes only: {@code 3 fused b=64 graph} → {@code 3-fused-b-64-graph}. */
    static String slug(String text) {
        String slug =
                text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "run" : slug;
    }
}
