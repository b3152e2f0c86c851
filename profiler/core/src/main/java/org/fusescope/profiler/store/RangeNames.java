package org.fusescope.profiler.store;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fusescope.profiler.model.RangeLevel;

/**
 * How a step or layer range's text is stored so that Nsight Systems aggregates it: one name per kind
 * of range ("step", "layer (linear attention)") with the index as the NVTX {@code int64Value} payload,
 * instead of one name per index ("step 7"). Reading puts the index back after the first word, so our
 * views see the text the runner wrote. Op and block ranges, texts without an index and ranges of
 * foreign files (no level) are stored and read unchanged.
 */
final class RangeNames {
    private static final Pattern INDEXED = Pattern.compile("(\\S+) (\\d{1,18})((?: .*)?)", Pattern.DOTALL);

    /** The stored name and payload of a range: payload null when the text is stored as it is. */
    record Stored(String name, Long index) {}

    private RangeNames() {}

    static Stored store(String text, RangeLevel level) {
        if (text != null && indexed(level)) {
            Matcher m = INDEXED.matcher(text);
            if (m.matches()) {
                return new Stored(m.group(1) + m.group(3), Long.parseLong(m.group(2)));
            }
        }
        return new Stored(text, null);
    }

    /** The text our views show for a stored name and payload (null payload: the name itself). */
    static String read(String name, Long index, RangeLevel level) {
        if (index == null || name == null || !indexed(level)) {
            return name;
        }
        int space = name.indexOf(' ');
        return space < 0 ? name + " " + index : name.substring(0, space) + " " + index + name.substring(space);
    }

    private static boolean indexed(RangeLevel level) {
        return level == RangeLevel.STEP || level == RangeLevel.LAYER;
    }
}
