package org.fusescope.profiler.store;

import java.nio.file.Path;

/**
 * The JDBC URL of a database file, built so that the path is always a literal file name (issue 17,
 * failure 10): sqlite-jdbc reads anything after a {@code ?} in {@code jdbc:sqlite:PATH} as settings
 * ({@code v.sqlite?journal_mode=WAL} switched an existing {@code v.sqlite} to WAL). Here the path
 * goes in an SQLite {@code file:} URI with {@code %}, {@code ?} and {@code #} percent-encoded, which
 * SQLite decodes back to the literal name.
 */
final class SqliteUrl {
    private SqliteUrl() {}

    static String of(Path file) {
        String path = file.toAbsolutePath().toString();
        StringBuilder uri = new StringBuilder("jdbc:sqlite:file:");
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            switch (c) {
                case '%' -> uri.append("%25");
                case '?' -> uri.append("%3F");
                case '#' -> uri.append("%23");
                default -> uri.append(c);
            }
        }
        return uri.toString();
    }
}
