package org.fusescope.profiler.store;

import java.nio.file.Path;

/** Which FuseScope schema versions this build reads: its own and every older one. Stateless. */
final class SchemaVersion {
    private SchemaVersion() {}

    /**
     * @param stored the database's {@code FUSESCOPE_SCHEMA_VERSION}, or null when it has none (the first
     *     recordings wrote none)
     * @throws TraceFileException when the database was written by a newer FuseScope, or says a version that is
     *     not a number
     */
    static void require(Path file, String stored) {
        if (stored == null || stored.isBlank()) {
            return;
        }
        int current = Integer.parseInt(TraceSchema.FUSESCOPE_SCHEMA_VERSION);
        int version;
        try {
            version = Integer.parseInt(stored.trim());
        } catch (NumberFormatException e) {
            throw new TraceFileException(file, "FuseScope schema version '" + stored + "' is not a number");
        }
        if (version > current) {
            throw new TraceFileException(
                    file,
                    "written by a newer FuseScope (schema version " + version
                            + "); this FuseScope reads schema versions up to " + current);
        }
    }
}
