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
