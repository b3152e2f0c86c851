package org.fusescope.profiler.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.fusescope.profiler.model.RunTrace;
import org.fusescope.profiler.store.TraceWriter;
import org.fusescope.profiler.synthetic.SyntheticRecording;
import org.fusescope.profiler.synthetic.SyntheticSpec;

/**
 * The golden databases and expected dumps under {@code src/test/resources/golden}. Run the tests
 * with {@code -Dgolden.update=true} to rewrite them after a deliberate change, then read the diff.
 */
final class GoldenFiles {
    static final Path DIR = Path.of("src", "test", "resources", "golden");
    /** What {@code fusescope synth --preset tiny --batches 1,16 --modes graph,eager} writes (8 runs). */
    static final Path RECORDING = DIR.resolve("recording.sqlite");
    /** Built from {@code nsys-export.sql}: a database shaped like an {@code nsys export}. */
    static final Path NSYS = DIR.resolve("nsys-export.sqlite");

    static final Path NSYS_SQL = DIR.resolve("nsys-export.sql");
    static final Path EXPECTED = DIR.resolve("expected");
    static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private GoldenFiles() {}

    /** The runs of the golden recording, generated anew. */
    static List<RunTrace> recordingRuns() {
        SyntheticSpec base = SyntheticSpec.tiny(1, SyntheticSpec.UNFUSED, SyntheticSpec.GRAPH)
                .withSize(2, 3);
        return SyntheticRecording.generate(
                base,
                List.of(1, 16),
                List.of(SyntheticSpec.UNFUSED, SyntheticSpec.FUSED),
                List.of(SyntheticSpec.GRAPH, SyntheticSpec.EAGER));
    }

    static void writeRecording(Path file) {
        try (TraceWriter writer = TraceWriter.create(file)) {
            recordingRuns().forEach(writer::writeRun);
        }
    }

    static void writeNsysExport(Path file) throws IOException, SQLException {
        String script = Files.readString(NSYS_SQL, StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            for (String sql : script.split(";")) {
                if (!sql.isBlank()) {
                    st.execute(sql);
                }
            }
        }
    }

    /** Rewrites both golden databases (only with {@code -Dgolden.update=true}). */
    static void regenerateDatabasesIfAsked() throws IOException, SQLException {
        if (UPDATE) {
            Files.deleteIfExists(RECORDING);
            writeRecording(RECORDING);
            Files.deleteIfExists(NSYS);
            writeNsysExport(NSYS);
        }
    }

    /** Compares {@code actual} with the expected file {@code name}, or rewrites it when updating. */
    static void assertMatches(String name, String actual) throws IOException {
        Path file = EXPECTED.resolve(name);
        if (UPDATE) {
            Files.createDirectories(EXPECTED);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(file)
                .as("expected dump (create it with -Dgolden.update=true)")
                .exists();
        assertThat(actual)
                .as("golden %s differs; after checking the change rerun with -Dgolden.update=true", file)
                .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
