package org.fusescope.kernels.cuda;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** A new folder in the temp folder that only this user can read, write or enter. */
final class PrivateFolder {
    private PrivateFolder() {}

    /**
     * Creates the folder with a random name (it cannot exist before, so nobody can have planted
     * anything in it) and permissions 0700.
     */
    static Path create(String prefix) throws IOException {
        return Files.createTempDirectory(
                prefix, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
}
