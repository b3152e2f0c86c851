package org.fusescope.profiler.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * How commands write their outputs: never onto an input, never over an existing file unless asked ({@code
 * --force}), and never half: the output is written to a temporary file beside the target and moved into place
 * when it is complete. Errors name the file and the problem. Stateless.
 */
public final class OutputFiles {
    /** Writes one output's bytes. */
    @FunctionalInterface
    interface Body {
        void write(OutputStream out) throws IOException;
    }

    private OutputFiles() {}

    /**
     * @throws IllegalArgumentException when {@code output} is one of {@code inputs} (after resolving links), is a
     *     folder, or exists and {@code force} is off
     */
    static void check(Path output, boolean force, Path... inputs) {
        for (Path input : inputs) {
            if (sameFile(output, input)) {
                throw new IllegalArgumentException(
                        output + ": is the input " + input + "; choose another output, the input is never overwritten");
            }
        }
        if (Files.isDirectory(output)) {
            throw new IllegalArgumentException(output + ": is a folder, not a file");
        }
        if (Files.exists(output, LinkOption.NOFOLLOW_LINKS) && !force) {
            throw new IllegalArgumentException(output + ": already exists; use --force to replace it");
        }
        Path parent = output.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new IllegalArgumentException(output + ": its folder " + parent + " does not exist");
        }
    }

    /** Fills the (empty, existing) temporary file an output is made in. */
    @FunctionalInterface
    interface FileBody {
        void fill(Path temp) throws IOException;
    }

    /** Writes {@code body} to a temporary file beside {@code target}, then moves it into place. */
    static void write(Path target, Body body) {
        replace(target, temp -> {
            try (OutputStream out = Files.newOutputStream(temp)) {
                body.write(out);
            }
        });
    }

    /** Makes {@code target} in a temporary file beside it ({@code body} fills it), then moves it into place. */
    static void replace(Path target, FileBody body) {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
            body.fill(temp);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": cannot write (" + describe(e) + ")", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the failure that brought us here is the one to report
                }
            }
        }
    }

    /** Whether {@code a} and {@code b} name one existing file (links resolved), else whether their paths match. */
    public static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
