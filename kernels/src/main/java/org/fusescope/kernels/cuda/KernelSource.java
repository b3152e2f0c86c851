package org.fusescope.kernels.cuda;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CUDA C source of one op plus the headers it includes with {@code #include "name"}, ready for
 * NVRTC (which has no file system access to our resources).
 *
 * @param name the program name NVRTC reports in its log, e.g. {@code rmsnorm.cu}
 * @param source the {@code .cu} text
 * @param headers include name → header text, in first-include order (unmodifiable)
 */
public record KernelSource(String name, String source, Map<String, String> headers) {
    /** Copies {@code headers}, keeping its order. */
    public KernelSource {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A source with no headers. */
    public static KernelSource of(String name, String source) {
        return new KernelSource(name, source, Map.of());
    }
}
