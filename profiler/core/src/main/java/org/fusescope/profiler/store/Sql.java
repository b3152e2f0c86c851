package org.fusescope.profiler.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds SQL text from schema names, so table and column names come only from {@link TraceSchema}. */
final class Sql {
    static final String INT = " INTEGER";
    static final String INT_NN = " INTEGER NOT NULL";
    static final String TEXT = " TEXT";
    static final String TEXT_NN = " TEXT NOT NULL";
    static final String REAL = " REAL";

    private Sql() {}

    static String createTable(String table, String... columnDefs) {
        return "CREATE TABLE " + table + " (" + String.join(", ", columnDefs) + ")";
    }

    /** A one-row insert with a placeholder per column. */
    static String insert(String table, String... columns) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.length, "?")) + ")";
    }

    /**
     * An insert of {@code rows} rows in one statement, so SQLite steps once per {@code rows} rows.
     * Each row has a numbered parameter per column, except that every row shares the parameters of
     * the {@code shared} columns: they come first ({@code ?1} …, in column order), bound once per
     * statement. {@code constants} ({column, SQL literal}) are added to every row.
     */
    static String insertRows(int rows, String table, String[] columns, Set<String> shared, String[][] constants) {
        List<String> names = new ArrayList<>(Arrays.asList(columns));
        for (String[] c : constants) {
            names.add(c[0]);
        }
        int perRow = columns.length - shared.size();
        List<String> tuples = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            List<String> values = new ArrayList<>(names.size());
            int sharedParam = 0;
            int rowParam = shared.size() + r * perRow;
            for (String column : columns) {
                values.add("?" + (shared.contains(column) ? ++sharedParam : ++rowParam));
            }
            for (String[] c : constants) {
                values.add(c[1]);
            }
            tuples.add("(" + String.join(", ", values) + ")");
        }
        return "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES " + String.join(", ", tuples);
    }

    static String select(String table, String... columns) {
        return "SELECT " + String.join(", ", columns) + " FROM " + table;
    }

    /** {@code alias.column} for each column. */
    static String[] qualified(String alias, String... columns) {
        return Arrays.stream(columns).map(c -> alias + "." + c).toArray(String[]::new);
    }

    static String index(String table, String... columns) {
        String name = "FS_IDX_" + table + "_" + String.join("_", columns);
        return "CREATE INDEX IF NOT EXISTS " + name + " ON " + table + " ("
                + Arrays.stream(columns).collect(Collectors.joining(", ")) + ")";
    }
}
