package org.fusescope.profiler.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/** Checks a path before SQLite sees it, so that each kind of bad input gets its own one-line message. */
final class TraceFiles {
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private TraceFiles() {}

    static Connection openReadOnly(Path file) {
        if (!Files.exists(file)) {
            throw new TraceFileException(file, "no such file");
        }
        if (Files.isDirectory(file)) {
            throw new TraceFileException(file, "is a directory, not a trace file");
        }
        if (!Files.isRegularFile(file)) {
            // a FIFO, socket or device: reading its header would block or never end
            throw new TraceFileException(file, "is not a regular file (a pipe, socket or device), not a trace file");
        }
        if (!Files.isReadable(file)) {
            throw new TraceFileException(file, "cannot be read (permission denied)");
        }
        byte[] header = new byte[MAGIC.length];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(header, 0, header.length);
            if (n < header.length || !Arrays.equals(header, MAGIC)) {
                throw new TraceFileException(file, "not an SQLite database");
            }
        } catch (IOException e) {
            throw new TraceFileException(file, "cannot be read", e);
        }
        SqliteNatives.load();
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        try {
            return config.createConnection(SqliteUrl.of(file));
        } catch (SQLException e) {
            throw new TraceFileException(file, "cannot open as SQLite database", e);
        }
    }
}
