package org.fusescope.kernels.cuda;

import java.util.ArrayList;
import java.util.List;

/**
 * What to compile and how: the source, the target architecture and the options. {@link #options()}
 * is the exact NVRTC option list and part of the cache key.
 *
 * @param source the program and its headers
 * @param smArchitecture e.g. 90 for {@code --gpu-architecture=sm_90}
 * @param definitions preprocessor definitions without the {@code -D}, e.g. {@code "HIDDEN=2048"}
 * @param fastMath whether to pass {@code --use_fast_math}
 * @param extraOptions further NVRTC options, e.g. {@code -lineinfo}
 */
public record CompileRequest(
        KernelSource source,
        int smArchitecture,
        List<String> definitions,
        boolean fastMath,
        List<String> extraOptions) {
    /** Copies the lists. */
    public CompileRequest {
        if (smArchitecture < 50) {
            throw new IllegalArgumentException("not an SM architecture: " + smArchitecture);
        }
        definitions = List.copyOf(definitions);
        extraOptions = List.copyOf(extraOptions);
    }

    /** A request with no definitions, no fast math and no extra options. */
    public static CompileRequest of(KernelSource source, int smArchitecture) {
        return new CompileRequest(source, smArchitecture, List.of(), false, List.of());
    }

    /** The NVRTC options, in order: architecture, {@code -std=c++17}, fast math, definitions, extras. */
    public List<String> options() {
        List<String> options = new ArrayList<>();
        options.add("--gpu-architecture=sm_" + smArchitecture);
        options.add("-std=c++17");
        if (fastMath) {
            options.add("--use_fast_math");
        }
        for (String definition : definitions) {
            options.add("-D" + definition);
        }
        options.addAll(extraOptions);
        return options;
    }
}
