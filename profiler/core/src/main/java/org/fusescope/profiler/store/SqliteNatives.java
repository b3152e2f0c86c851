package org.fusescope.profiler.store;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.sqlite.SQLiteJDBCLoader;

/**
 * Loads sqlite-jdbc's native library from {@link NativesFolder} (issue 17, failures 2 and 13):
 * sqlite-jdbc on its own unpacks it into the shared temp folder, and when that folder is full it
 * logs a long SEVERE stack trace and every file then fails as "cannot open as SQLite database".
 * Here a failure is one message that says what failed. A folder set with {@code org.sqlite.tmpdir}
 * or {@code org.sqlite.lib.path} is respected.
 */
final class SqliteNatives {
    /** sqlite-jdbc's logger, held so that its level stays set. */
    private static final Logger SQLITE_LOG = Logger.getLogger("org.sqlite");

    private static boolean loaded;

    private SqliteNatives() {}

    /**
     * Loads the library once per process.
     *
     * @throws IllegalStateException naming the folder and the cause when it cannot be loaded
     */
    static synchronized void load() {
        if (loaded) {
            return;
        }
        if (System.getProperty("org.sqlite.tmpdir") == null && System.getProperty("org.sqlite.lib.path") == null) {
            System.setProperty("org.sqlite.tmpdir", NativesFolder.usable().toString());
        }
        Level before = SQLITE_LOG.getLevel();
        SQLITE_LOG.setLevel(Level.OFF); // its failure is reported below, in one line
        try {
            SQLiteJDBCLoader.initialize();
        } catch (Exception | LinkageError e) {
            throw new IllegalStateException(
                    "cannot load SQLite's native library into " + System.getProperty("org.sqlite.tmpdir") + " ("
                            + e.getMessage() + "); is that disk full or read-only?",
                    e);
        } finally {
            SQLITE_LOG.setLevel(before);
        }
        loaded = true;
    }
}
