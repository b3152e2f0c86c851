package org.fusescope.profiler.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fusescope.profiler.model.NumericCheck;
import org.fusescope.profiler.model.Problem;
import org.fusescope.profiler.store.TraceSchema.NumericChecks;
import org.fusescope.profiler.store.TraceSchema.Problems;

/**
 * The problems and numeric checks that the runs of a recording stored ({@code FS_PROBLEMS}, {@code
 * FS_NUMERIC_CHECKS}), read on their own connection without loading any run's events, so that a
 * viewer can tell at once whether a recording is sound. Immutable.
 *
 * @param problems each run's problems (runs without any map to an empty list), by run id
 * @param checks each run's numeric checks, by run id
 * @param recorded false for a recording without FuseScope tables (a plain nsys export), which
 *     records neither
 */
public record RecordingChecks(
        Map<Long, List<Problem>> problems, Map<Long, List<NumericCheck>> checks, boolean recorded) {
    public RecordingChecks {
        problems = Map.copyOf(problems);
        checks = Map.copyOf(checks);
    }

    /**
     * Reads the problems and checks of the runs {@code runIds} of {@code file}. Blocks on SQLite;
     * thread-safe (one connection per call).
     *
     * @throws TraceFileException when the file cannot be read
     */
    public static RecordingChecks read(Path file, Collection<Long> runIds) {
        try (Connection conn = TraceFiles.openReadOnly(file)) {
            Catalog catalog = new Catalog(conn);
            boolean recorded = catalog.has(Problems.TABLE) && catalog.has(NumericChecks.TABLE);
            Map<Long, List<Problem>> problems = new LinkedHashMap<>();
            Map<Long, List<NumericCheck>> checks = new LinkedHashMap<>();
            for (long id : runIds) {
                problems.put(id, recorded ? FsQueries.problems(conn, id) : List.of());
                checks.put(id, recorded ? FsQueries.checks(conn, id) : List.of());
            }
            return new RecordingChecks(problems, checks, recorded);
        } catch (SQLException e) {
            throw new TraceFileException(file, "cannot read its problems and checks", e);
        }
    }

    /** The problems of run {@code runId} (empty when it has none or was not read). */
    public List<Problem> problems(long runId) {
        return problems.getOrDefault(runId, List.of());
    }

    /** The numeric checks of run {@code runId}. */
    public List<NumericCheck> checks(long runId) {
        return checks.getOrDefault(runId, List.of());
    }
}
