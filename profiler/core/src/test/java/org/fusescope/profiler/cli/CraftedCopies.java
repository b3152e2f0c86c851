package org.fusescope.profiler.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** Copies of the golden recording damaged by SQL statements, as a hand-editing user would. */
final class CraftedCopies {
    static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "recording.sqlite");

    private CraftedCopies() {}

    /** Statements that drop the NOT NULL constraints of {@code table} (copied without them, indexes lost). */
    static String[] withoutConstraints(String table) {
        return new String[] {
            "CREATE TABLE relaxed AS SELECT * FROM " + table,
            "DROP TABLE " + table,
            "ALTER TABLE relaxed RENAME TO " + table
        };
    }

    /** {@code first} then {@code rest}. */
    static String[] then(String[] first, String... rest) {
        String[] all = java.util.Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }

    /** Copies the golden recording to {@code target} and runs {@code statements} on the copy. */
    static Path golden(Path target, String... statements) throws Exception {
        Files.copy(GOLDEN, target);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + target.toAbsolutePath());
                Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
        return target;
    }
}
