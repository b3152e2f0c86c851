package org.fusescope.kernels.cuda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads {@code <op>.cu} and, transitively, the headers it includes with {@code #include "x.cuh"}
 * from a class-path folder ({@value #DEFAULT_ROOT} by default, where the build copies {@code
 * kernels/src/main/cuda}). Angle-bracket includes are left to NVRTC's built-in headers. Stateless
 * apart from its root; safe from any thread.
 */
public final class KernelSources {
    /** Where the build puts the CUDA sources on the class path. */
    public static final String DEFAULT_ROOT = "org/fusescope/kernels/cuda-src";

    private static final Pattern INCLUDE = Pattern.compile("^\\s*#\\s*include\\s+\"([^\"]+)\"", Pattern.MULTILINE);

    private final ClassLoader loader;
    private final String root;

    /** Sources under {@code root} (a resource folder, no leading slash) of {@code loader}. */
    public KernelSources(ClassLoader loader, String root) {
        this.loader = loader;
        this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }

    /** {@code <op>.cu} from this module's class path. */
    public static KernelSource load(String op) {
        return new KernelSources(KernelSources.class.getClassLoader(), DEFAULT_ROOT).source(op);
    }

    /**
     * Reads {@code <op>.cu} and its quoted includes.
     *
     * @throws IllegalArgumentException when the source or an included header is not on the class path
     */
    public KernelSource source(String op) {
        String name = op + ".cu";
        String source = read(name, null);
        Map<String, String> headers = new LinkedHashMap<>();
        Deque<String[]> pending = new ArrayDeque<>();
        queueIncludes(name, source, pending);
        while (!pending.isEmpty()) {
            String[] next = pending.removeFirst();
            if (!headers.containsKey(next[0])) {
                String text = read(next[0], next[1]);
                headers.put(next[0], text);
                queueIncludes(next[0], text, pending);
            }
        }
        return new KernelSource(name, source, headers);
    }

    private static void queueIncludes(String from, String text, Deque<String[]> pending) {
        Matcher m = INCLUDE.matcher(text);
        while (m.find()) {
            pending.addLast(new String[] {m.group(1), from});
        }
    }

    private String read(String file, String includedFrom) {
        String path = root + "/" + file;
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("CUDA source not found on the class path: " + path
                        + (includedFrom == null ? "" : " (included from " + includedFrom + ")"));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
