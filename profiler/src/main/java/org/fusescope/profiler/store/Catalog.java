package org.fusescope.profiler.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The tables and columns a file has: nsys creates tables lazily, and schemas gain columns over time. */
final class Catalog {
    private final Connection conn;
    private final Set<String> tables = new HashSet<>();
    private final Map<String, Set<String>> columns = new HashMap<>();

    Catalog(Connection conn) throws SQLException {
        this.conn = conn;
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
    }

    boolean has(String table) {
        return tables.contains(table);
    }

    boolean has(String table, String column) throws SQLException {
        if (!has(table)) {
            return false;
        }
        Set<String> cols = columns.get(table);
        if (cols == null) {
            cols = new HashSet<>();
            // table names come from TraceSchema and were found in sqlite_master, so they are safe to splice
            try (Statement st = conn.createStatement();
                    ResultSet rs = st.executeQuery("PRAGMA table_info(" + table + ")")) {
                while (rs.next()) {
                    cols.add(rs.getString("name").toLowerCase(Locale.ROOT));
                }
            }
            columns.put(table, cols);
        }
        return cols.contains(column.toLowerCase(Locale.ROOT));
    }

    /** {@code alias.column} when the table has the column, else {@code fallback} (an SQL literal). */
    String column(String alias, String table, String column, String fallback) throws SQLException {
        return has(table, column) ? alias + "." + column : fallback;
    }
}
