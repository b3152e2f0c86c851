package org.fusescope.kernels.cuda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Compiled cubins on disk, one file per {@code <sha256>.cubin} where the hash covers the source,
 * its headers, the options (architecture included) and the compiler's version; a second start with
 * the same inputs compiles nothing. Files are written to a temporary file and moved into place, so a
 * reader never sees half a cubin. If the folder cannot be written the cubin is still returned.
 *
 * <p>Thread-safe: two threads that miss on the same key both compile and both write the same bytes.
 */
public final class KernelCache {
    /** Turns a request into a cubin. {@link NvrtcCompiler} is the real one. */
    public interface Compiler {
        /** The cubin for {@code request}. */
        byte[] compile(CompileRequest request);

        /** Identifies the compiler build, part of the cache key (e.g. {@code nvrtc 13.0}). */
        String version();
    }

    private final Path directory;
    private final Compiler compiler;
    private final AtomicInteger compilations = new AtomicInteger();

    /** A cache in {@code directory} (created on first write) in front of {@code compiler}. */
    public KernelCache(Path directory, Compiler compiler) {
        this.directory = directory;
        this.compiler = compiler;
    }

    /** {@code ${FUSESCOPE_CACHE:-~/.cache/fusescope}/cubin}. */
    public static Path defaultDirectory() {
        String root = System.getenv("FUSESCOPE_CACHE");
        Path base = root == null || root.isBlank()
                ? Path.of(System.getProperty("user.home"), ".cache", "fusescope")
                : Path.of(root);
        return base.resolve("cubin");
    }

    /** The cached cubin for {@code request}, compiling and storing it on a miss. */
    public byte[] cubin(CompileRequest request) {
        Path file = path(request);
        if (Files.isRegularFile(file)) {
            try {
                byte[] cached = Files.readAllBytes(file);
                if (cached.length > 0) {
                    return cached;
                }
            } catch (IOException e) {
                // unreadable: compile again and try to replace it
            }
        }
        byte[] cubin = compiler.compile(request);
        compilations.incrementAndGet();
        store(file, cubin);
        return cubin;
    }

    /** Where {@code request}'s cubin lives (whether or not it exists yet). */
    public Path path(CompileRequest request) {
        return directory.resolve(key(request, compiler.version()) + ".cubin");
    }

    /** How many times this instance called the compiler. */
    public int compilations() {
        return compilations.get();
    }

    /** The SHA-256, hex, of every input that changes the cubin; fields are length-prefixed. */
    public static String key(CompileRequest request, String compilerVersion) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            update(sha, compilerVersion);
            update(sha, request.source().name());
            update(sha, request.source().source());
            for (Map.Entry<String, String> header : request.source().headers().entrySet()) {
                update(sha, header.getKey());
                update(sha, header.getValue());
            }
            update(sha, "options");
            for (String option : request.options()) {
                update(sha, option);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    private static void update(MessageDigest sha, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
    }

    private void store(Path file, byte[] cubin) {
        Path temp = null;
        try {
            Files.createDirectories(directory);
            temp = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
            Files.write(temp, cubin);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | UncheckedIOException e) {
            // a cache that cannot be written only costs a compile next time
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
        }
    }
}
