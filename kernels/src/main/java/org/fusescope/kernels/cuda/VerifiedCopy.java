package org.fusescope.kernels.cuda;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** A copy of a class-path resource on disk whose SHA-256 matches the resource's. */
final class VerifiedCopy {
    private VerifiedCopy() {}

    /**
     * Makes {@code target} a byte-for-byte copy of the resource: a file already there is kept only
     * if its SHA-256 matches, else it is replaced (written beside it, then moved into place). Checks
     * the result once more before returning.
     *
     * @throws IOException when the resource is missing, the copy fails, or the result does not match
     */
    static void ofResource(Class<?> owner, String resource, Path target) throws IOException {
        byte[] bytes;
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no resource " + resource + " on the class path");
            }
            bytes = in.readAllBytes();
        }
        byte[] expected = sha256(bytes);
        if (Files.isRegularFile(target) && Arrays.equals(sha256(Files.readAllBytes(target)), expected)) {
            return;
        }
        Path temp =
                Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try {
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        if (!Arrays.equals(sha256(Files.readAllBytes(target)), expected)) {
            throw new IOException(target + " does not match " + resource + " after copying");
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
