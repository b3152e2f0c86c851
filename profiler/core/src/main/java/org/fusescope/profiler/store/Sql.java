package org.fusescope.profiler.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
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

    /** An insert of {@code rows} rows in one statement, so SQLite steps once per {@code rows} rows. */
    static String insertRows(int rows, String table, String... columns) {
        String one = "(" + String.join(", ", Collections.nCopies(columns.length, "?")) + ")";
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES "
                + String.join(", ", Collections.nCopies(rows, one));
    }

    /** Like {@link #insertRows(int, String, String...)}, with {@code constants} ({column, SQL literal}) in every row. */
    static String insertRows(int rows, String table, String[] columns, String[][] constants) {
        List<String> names = new ArrayList<>(Arrays.asList(columns));
        List<String> values = new ArrayList<>(Collections.nCopies(columns.length, "?"));
        for (String[] c : constants) {
            names.add(c[0]);
            values.add(c[1]);
        }
        String one = "(" + String.join(", ", values) + ")";
        return "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES "
                + String.join(", ", Collections.nCopies(rows, one));
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
