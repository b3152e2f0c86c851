package org.fusescope.profiler.cupti;

import static org.bytedeco.cuda.global.cupti.CUPTI_SUCCESS;
import static org.bytedeco.cuda.global.cupti.cuptiGetCallbackName;

import java.util.HashMap;
import java.util.Map;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * API function names of callback ids, from {@code cuptiGetCallbackName(domain, cbid)} (which gives
 * CUPTI's names, e.g. {@code cuLaunchKernel}, {@code cudaLaunchKernel_v7000}, as nsys stores them),
 * cached; {@code cbid:N} when CUPTI knows no name. Not thread-safe: used by one reader at a time.
 */
final class ApiNames {
    private final Map<Long, String> names = new HashMap<>();

    /** The name of callback {@code cbid} of {@code domain} ({@code CUPTI_CB_DOMAIN_RUNTIME_API} or {@code _DRIVER_API}). */
    String name(int domain, int cbid) {
        return names.computeIfAbsent(((long) domain << 32) | Integer.toUnsignedLong(cbid), key -> lookup(domain, cbid));
    }

    /** The name recorded for a callback id CUPTI cannot name. */
    static String fallback(int cbid) {
        return "cbid:" + Integer.toUnsignedString(cbid);
    }

    private static String lookup(int domain, int cbid) {
        try (PointerPointer<BytePointer> out = new PointerPointer<>(1L)) {
            String name = cuptiGetCallbackName(domain, cbid, out) == CUPTI_SUCCESS ? Cupti.cString(out) : null;
            return name == null || name.isEmpty() ? fallback(cbid) : name;
        }
    }
}
