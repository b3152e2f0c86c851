package org.fusescope.kernels.cuda;

import java.io.IOException;
import java.nio.file.Path;
import jcuda.JCudaVersion;
import jcuda.LibUtils;

/**
 * Loads JCuda's native driver binding from a folder this process created, never from the shared
 * temp folder.
 *
 * <p>JCuda's own loader ({@code LibUtils}) tries {@code java.library.path} first (where an app image
 * ships the library), then extracts the library into {@code java.io.tmpdir} under a fixed name and
 * loads whatever file already has that name: another user who wrote {@code
 * /tmp/libJCudaDriver-12.6.0-linux-x86_64.so} first ran code as whoever ran FuseScope (issue 17,
 * failure 2). Here the library is copied into a new private folder (0700, random name), checked
 * against the SHA-256 of the jar's copy, and {@code java.io.tmpdir} names that folder only while
 * {@code JCudaDriver} initializes, so JCuda's loader finds the checked copy there.
 */
final class JCudaNatives {
    private static boolean loaded;

    private JCudaNatives() {}

    /** The file name JCuda's loader looks for, e.g. {@code libJCudaDriver-12.6.0-linux-x86_64.so}. */
    static String fileName() {
        return LibUtils.createLibraryFileName(LibUtils.createPlatformLibraryName("JCudaDriver-" + JCudaVersion.get()));
    }

    /**
     * Initializes {@code JCudaDriver} with its library from a private folder; does nothing after the
     * first success.
     *
     * @throws UnsatisfiedLinkError when the library cannot be copied or loaded
     */
    static synchronized void load() {
        if (loaded) {
            return;
        }
        Path folder;
        try {
            folder = PrivateFolder.create("fusescope-natives-");
        } catch (IOException e) {
            throw linkError(
                    "cannot make a private folder for JCuda's native library in " + System.getProperty("java.io.tmpdir")
                            + ": " + e.getMessage(),
                    e);
        }
        loadFrom(folder);
        loaded = true;
    }

    /** Copies the library into {@code folder} (which only this user may write) and initializes JCudaDriver. */
    static void loadFrom(Path folder) {
        String name = fileName();
        Path library = folder.resolve(name);
        try {
            VerifiedCopy.ofResource(JCudaVersion.class, "/lib/" + name, library);
        } catch (IOException e) {
            throw linkError("cannot copy JCuda's native library to " + library + ": " + e.getMessage(), e);
        }
        String tmpdir = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", folder.toString());
        try {
            Class.forName("jcuda.driver.JCudaDriver", true, JCudaNatives.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw linkError("JCuda is not on the class path", e);
        } finally {
            System.setProperty("java.io.tmpdir", tmpdir);
            library.toFile().deleteOnExit(); // a loaded library stays mapped after its file is gone
            folder.toFile().deleteOnExit();
        }
    }

    private static UnsatisfiedLinkError linkError(String message, Throwable cause) {
        UnsatisfiedLinkError e = new UnsatisfiedLinkError(message);
        e.initCause(cause);
        return e;
    }
}
