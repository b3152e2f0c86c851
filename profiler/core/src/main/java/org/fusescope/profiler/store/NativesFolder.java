package org.fusescope.profiler.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The folder FuseScope's native libraries are unpacked into: a per-user cache ({@code
 * $XDG_CACHE_HOME/fusescope/natives}, else {@code ~/.cache/fusescope/natives}, or the folder the
 * system property {@value #PROPERTY} names), 0700 and owned by this user; never the shared temp
 * folder, where another user could plant a file and where a full disk would fail every read.
 */
final class NativesFolder {
    static final String PROPERTY = "fusescope.natives.dir";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.OTHERS_READ);

    private NativesFolder() {}

    /**
     * The per-user folder, or when that cannot be made or is not this user's alone, a new private
     * folder (0700, random name) in the temp folder.
     *
     * @throws IllegalStateException when neither can be made, naming both and why
     */
    static Path usable() {
        Path folder = location();
        try {
            return ownedFolder(folder);
        } catch (IOException | UnsupportedOperationException cacheFailure) {
            try {
                return Files.createTempDirectory(
                        "fusescope-natives-", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (IOException | UnsupportedOperationException tempFailure) {
                throw new IllegalStateException("cannot unpack native libraries: " + cacheFailure.getMessage()
                        + ", and the temp folder " + System.getProperty("java.io.tmpdir") + " refuses a new folder ("
                        + tempFailure.getMessage() + "); name a folder with -D" + PROPERTY + "=FOLDER");
            }
        }
    }

    /** The configured or default folder; not created. */
    static Path location() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache =
                xdg != null && xdg.startsWith("/") ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("fusescope").resolve("natives");
    }

    /**
     * Creates the folder if needed (0700) and checks that only this user can use it.
     *
     * @throws IOException when it cannot be created, or belongs to someone else, or others may use it
     */
    static Path ownedFolder(Path folder) throws IOException {
        FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
        Files.createDirectories(folder, ownerOnly);
        String owner = Files.getOwner(folder).getName();
        if (!owner.equals(System.getProperty("user.name"))) {
            throw new IOException(folder + " belongs to " + owner + ", not to " + System.getProperty("user.name"));
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(folder);
        permissions.retainAll(OTHERS);
        if (!permissions.isEmpty()) {
            Files.setPosixFilePermissions(folder, OWNER_ONLY);
        }
        return folder;
    }
}
